package dev.scorecard.crm.blend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.crm.channels.ChannelOptions;
import dev.scorecard.crm.channels.ChannelsWorkflow;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.features.FeaturesWorkflow;
import dev.scorecard.crm.features.SnapshotsWorkflow;
import dev.scorecard.crm.rules.RulesWorkflow;
import dev.scorecard.crm.synth.CrmGenerator;
import dev.scorecard.crm.synth.CrmGeneratorOptions;
import dev.scorecard.train.config.ConfigReader;
import dev.scorecard.train.eval.Metrics;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.ScoreWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 on generated data: each part alone and the blend, measured as the rules backtest measures a
 * night. {@code generate-crm} data; a lead scorecard trained on weekly snapshots (leads at most 30 days
 * old, a 14-day target) whose targets were all known before the night; the channel table and the rule
 * score as of the night; the model's score of the features as of the night. The population is the
 * leads created by the night and not converted by then, the target a conversion within 14 days after
 * it, pooled over fortnightly nights; the AUC of each part and of blends with three sets of weights is
 * printed, and what holds is asserted (see the assertions).
 */
class BlendSyntheticTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int HORIZON = 14;
    private static final int LEADS = Integer.getInteger("blend.leads", 20_000);
    private static final long SEED = Long.getLong("blend.seed", 7);
    private static final LocalDate FIRST = LocalDate.of(2026, 6, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 16);
    private static final int EVERY = 14;
    private static final String[] PARTS = {"channel", "rules", "model"};
    /** Weights of channel, rules and model: rules first (fixed before the first run), equal, model first. */
    private static final String[][] WEIGHTS = {{"0.2", "0.5", "0.3"}, {"1", "1", "1"}, {"0.1", "0.3", "0.6"}};

    private double[] range;

    @TempDir
    Path dir;

    @Test
    void blendsRankAboveTheChannelAndTheRulesButNotAboveTheModel() throws IOException {
        Path crm = dir.resolve("crm");
        new CrmGenerator(CrmGeneratorOptions.of(LEADS).withSeed(SEED).withDates(LocalDate.of(2025, 10, 1),
                LocalDate.of(2026, 12, 1))).generate(crm, (p, d, t) -> { });
        for (String f : List.of("rules.yaml", "lead-features.yaml")) {
            Files.copy(Path.of("../examples/crm", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Path leads = crm.resolve("leads.csv");
        Path events = crm.resolve("events.csv");
        Path features = dir.resolve("lead-features.yaml");

        // The model: weekly snapshots whose 14-day targets all end before the first night.
        Path snapshots = dir.resolve("snapshots.csv");
        SnapshotsWorkflow.run(new SnapshotsWorkflow.Request(leads, events, features, LocalDate.of(2025, 11, 3),
                FIRST.minusDays(HORIZON + 1), 7, HORIZON, OptionalInt.of(30), "target", snapshots, InputFormat.DEFAULT,
                false, Optional.empty(), Optional.empty(), Optional.empty(), 0.01), n -> { });
        Path config = dir.resolve("train.yaml");
        Files.writeString(config, "target: target\nid: [lead_id, snapshot_date]\n");
        TrainWorkflow.run(new TrainWorkflow.Request(snapshots, ConfigReader.read(config), Optional.empty(),
                Optional.empty(), dir.resolve("model"), Optional.empty(), 0.01, 2), new BinWorkflow.Listener() { });

        // The night's population and target, from the leads file.
        List<String> rows = Files.readAllLines(leads);
        List<String> header = List.of(rows.get(0).split(","));
        Map<String, long[]> times = new HashMap<>();
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",", -1);
            String c = f[header.indexOf("converted_at")];
            times.put(f[0], new long[] {OffsetDateTime.parse(f[header.indexOf("created_at")]).toInstant().toEpochMilli(),
                c.isEmpty() ? Long.MAX_VALUE : OffsetDateTime.parse(c).toInstant().toEpochMilli()});
        }
        int t = 3 + WEIGHTS.length;
        List<double[]> all = new ArrayList<>();
        for (LocalDate night = FIRST; !night.isAfter(LAST); night = night.plusDays(EVERY)) {
            Path n = dir.resolve(night.toString());
            ChannelsWorkflow.run(new ChannelsWorkflow.Request(leads, n.resolve("channels"), InputFormat.DEFAULT,
                    Optional.of(night + "T00:00:00+08:00"), Optional.empty(), ChannelOptions.defaults(), Optional.empty(),
                    0.01));
            RulesWorkflow.run(new RulesWorkflow.Request(leads, events, dir.resolve("rules.yaml"), Optional.empty(),
                    night.toString(), n.resolve("rules"), InputFormat.DEFAULT, false, Optional.empty(), List.of(),
                    Optional.empty(), Optional.empty(), Optional.empty(), 0.01), x -> { });
            FeaturesWorkflow.run(new FeaturesWorkflow.Request(leads, events, features, night.toString(),
                    n.resolve("features.csv"), InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(),
                    Optional.empty(), 0.01), x -> { });
            ScoreWorkflow.run(new ScoreWorkflow.Request(dir.resolve("model/model.json"), n.resolve("features.csv"),
                    n.resolve("scored.csv"), List.of("lead_id"), List.of(), 0, ReasonBaseline.MAX,
                    ScoreWorkflow.Format.CSV, true, false, Optional.empty(), 0.01, false, Optional.empty(),
                    StandardCharsets.UTF_8), x -> { });
            if (night.equals(FIRST)) {
                // The model's range, configured once: its points from the least likely to convert to the most.
                range = range(n.resolve("scored.csv"));
            }
            List<List<String>> parts = new ArrayList<>();
            for (int b = 0; b < WEIGHTS.length; b++) {
                Path blend = Files.writeString(dir.resolve("blend" + b + ".yaml"), String.format(Locale.ROOT, "parts:%n"
                        + "  channel: {weight: %s}%n"
                        + "  rules: {weight: %s}%n"
                        + "  model: {weight: %s, from: %s, to: %s}%n", WEIGHTS[b][0], WEIGHTS[b][1], WEIGHTS[b][2],
                        range[0], range[1]));
                BlendWorkflow.Outcome o = BlendWorkflow.run(new BlendWorkflow.Request(leads, blend,
                        Optional.of(n.resolve("channels/channels.csv")), Optional.of(n.resolve("rules/scores.csv")),
                        Optional.of(n.resolve("scored.csv")), n.resolve("blend" + b), InputFormat.DEFAULT, 0.01));
                assertThat(o.leadsRead()).isEqualTo(o.blended() + o.withoutParts() + o.leadsRejected());
                parts.add(Files.readAllLines(n.resolve("blend" + b + "/blended.csv")));
            }
            long asOf = night.atStartOfDay(ZONE).toInstant().toEpochMilli();
            long end = night.plusDays(HORIZON).atStartOfDay(ZONE).toInstant().toEpochMilli();
            List<String> cols = List.of(parts.get(0).get(0).split(","));
            for (int i = 1; i < parts.get(0).size(); i++) {
                String[] f = parts.get(0).get(i).split(",", -1);
                long[] lead = times.get(f[0]);
                if (lead[0] > asOf || lead[1] <= asOf) {
                    continue; // not yet created, or already converted: not in the night's population
                }
                double[] r = new double[t + 2];
                for (int k = 0; k < 3; k++) {
                    String v = f[cols.indexOf(PARTS[k])];
                    r[k] = v.isEmpty() ? -1 : Double.parseDouble(v); // absent: below every score
                }
                for (int b = 0; b < WEIGHTS.length; b++) {
                    String[] g = parts.get(b).get(i).split(",", -1);
                    assertThat(g[0]).isEqualTo(f[0]);
                    r[3 + b] = Double.parseDouble(g[1]);
                }
                r[t] = lead[1] <= end ? 1 : 0;
                r[t + 1] = (asOf - lead[0]) / 86_400_000L;
                all.add(r);
            }
        }
        List<double[]> fresh = all.stream().filter(r -> r[t + 1] <= 30).toList();
        double[][] auc = new double[2][];
        List<List<double[]>> populations = List.of(all, fresh);
        for (int p = 0; p < 2; p++) {
            auc[p] = new double[t];
            for (int k = 0; k < t; k++) {
                auc[p][k] = auc(populations.get(p), k, t);
            }
            long converters = populations.get(p).stream().filter(r -> r[t] == 1).count();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "blend, %s, nights %s to %s every %d days,"
                    + " %d-day horizon: %d lead-nights, %d converting; AUC channel %.4f, rules %.4f, model %.4f",
                    p == 0 ? "all open leads" : "leads at most 30 days old", FIRST, LAST, EVERY, HORIZON,
                    populations.get(p).size(), converters, auc[p][0], auc[p][1], auc[p][2]));
            for (int b = 0; b < WEIGHTS.length; b++) {
                line.append(String.format(Locale.ROOT, ", blend %s/%s/%s %.4f", WEIGHTS[b][0], WEIGHTS[b][1],
                        WEIGHTS[b][2], auc[p][3 + b]));
            }
            System.out.println(line);
        }
        // What holds (seed 7, 20,000 leads; docs/blend.md): every blend ranks better than the channel or the rules
        // alone, but none better than the model alone, which already sees the behaviour the rules score (its
        // features count the same events). The weights here were fixed before the run, not fitted; a fitted blend is
        // the next slice of issue 15. The a-priori weights (rules first) are within 0.05 of the model, the
        // model-heavy ones within 0.02: with about 200 converting lead-nights the AUC's standard error is about 0.01
        // (Hanley and McNeil 1982), so these bounds are 2 to 5 standard errors.
        for (int p = 0; p < 2; p++) {
            double parts = Math.max(auc[p][0], auc[p][1]);
            for (int b = 0; b < WEIGHTS.length; b++) {
                assertThat(auc[p][3 + b]).as("blend %d against the channel and the rules", b).isGreaterThan(parts);
            }
            assertThat(auc[p][3]).as("a-priori blend against the model").isGreaterThan(auc[p][2] - 0.05);
            assertThat(auc[p][5]).as("model-heavy blend against the model").isGreaterThan(auc[p][2] - 0.02);
        }
    }

    private static double auc(List<double[]> rows, int k, int t) {
        double[] s = new double[rows.size()];
        byte[] e = new byte[rows.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = rows.get(i)[k];
            e[i] = (byte) rows.get(i)[t];
        }
        return Metrics.auc(s, BinaryTarget.of("converted", "1", e));
    }

    /**
     * The model's points from the least likely to convert to the most likely, the range a user would
     * configure: the score of the lowest probability, and of the highest.
     */
    private static double[] range(Path file) throws IOException {
        List<String> rows = Files.readAllLines(file);
        List<String> header = List.of(rows.get(0).split(","));
        int score = header.indexOf("score");
        int probability = header.indexOf("probability");
        double[] low = {Double.NaN, Double.POSITIVE_INFINITY};
        double[] high = {Double.NaN, Double.NEGATIVE_INFINITY};
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",", -1);
            double p = Double.parseDouble(f[probability]);
            if (p < low[1]) {
                low = new double[] {Double.parseDouble(f[score]), p};
            }
            if (p > high[1]) {
                high = new double[] {Double.parseDouble(f[score]), p};
            }
        }
        return new double[] {low[0], high[0]};
    }
}
