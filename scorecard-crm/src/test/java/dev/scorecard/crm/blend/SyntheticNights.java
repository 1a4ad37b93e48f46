package dev.scorecard.crm.blend;

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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The generated CRM data of the synthetic blend tests, made once per test JVM (about 50 s) and shared
 * by {@link BlendSyntheticTest} and {@link BlendFitSyntheticTest}: {@code generate-crm} leads and
 * events; a lead scorecard trained on weekly snapshots (leads at most 30 days old, a 14-day target)
 * whose targets all end before the first night; then, every 14 days from 2026-06-01 to 2026-11-16,
 * the channel table, the rule score (the shipped rules, without the channel) and the model's score of
 * the features, each as of the night. Beside it, a fit model: a second lead scorecard trained the
 * same way on the lead's attributes alone (examples/crm/lead-fit-features.yaml: channel, sub_channel,
 * city, age_band, device; no event counts), scored each night like the first, for
 * {@link BlendFitModelSyntheticTest}. Kept in a temporary folder removed when the JVM exits.
 */
final class SyntheticNights {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int HORIZON = 14;
    static final int LEADS = Integer.getInteger("blend.leads", 20_000);
    static final long SEED = Long.getLong("blend.seed", 7);
    static final LocalDate FIRST = LocalDate.of(2026, 6, 1);
    static final LocalDate LAST = LocalDate.of(2026, 11, 16);
    static final int EVERY = 14;
    static final String[] PARTS = {"channel", "rules", "model"};

    private static SyntheticNights shared;

    final Path dir;
    final Path leads;
    final List<LocalDate> nights;
    /** The model's points from the least likely lead of the first night to the most likely. */
    final double[] range;
    /** The fit model's points from the least likely lead of the first night to the most likely. */
    final double[] fitRange;
    /** Per lead id: created_at and converted_at (Long.MAX_VALUE when never), epoch milliseconds. */
    final Map<String, long[]> times;

    private SyntheticNights(Path dir, Path leads, List<LocalDate> nights, double[] range, double[] fitRange,
            Map<String, long[]> times) {
        this.dir = dir;
        this.leads = leads;
        this.nights = nights;
        this.range = range;
        this.fitRange = fitRange;
        this.times = times;
    }

    /** @return the data, made on the first call */
    static synchronized SyntheticNights get() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("blend-synthetic");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            shared = make(dir);
        }
        return shared;
    }

    Path channels(LocalDate night) {
        return dir.resolve(night.toString()).resolve("channels/channels.csv");
    }

    Path rules(LocalDate night) {
        return dir.resolve(night.toString()).resolve("rules/scores.csv");
    }

    Path scored(LocalDate night) {
        return dir.resolve(night.toString()).resolve("scored.csv");
    }

    /** @return the fit model's scores of the night */
    Path fitScored(LocalDate night) {
        return dir.resolve(night.toString()).resolve("fit-scored.csv");
    }

    /** @return the night as the as-of instant of the commands, with its zone's offset */
    static String asOf(LocalDate night) {
        return night.atStartOfDay(ZONE).toOffsetDateTime().toString();
    }

    /** @return the night's start, epoch milliseconds */
    static long instant(LocalDate night) {
        return night.atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    /**
     * The night's population in blended.csv files of one or more blends of the three parts: the leads
     * created by the night and not converted by then, each as {channel, rules, model (absent: -1, below
     * every value), each blend's score100, the target (a conversion within the horizon), its age in
     * days}.
     */
    List<double[]> population(LocalDate night, List<Path> blended) throws IOException {
        List<List<String>> files = new ArrayList<>();
        for (Path b : blended) {
            files.add(Files.readAllLines(b));
        }
        long asOf = instant(night);
        long end = instant(night.plusDays(HORIZON));
        List<String> cols = List.of(files.get(0).get(0).split(","));
        int t = 3 + blended.size();
        List<double[]> out = new ArrayList<>();
        for (int i = 1; i < files.get(0).size(); i++) {
            String[] f = files.get(0).get(i).split(",", -1);
            long[] lead = times.get(f[0]);
            if (lead[0] > asOf || lead[1] <= asOf) {
                continue; // not yet created, or already converted: not in the night's population
            }
            double[] r = new double[t + 2];
            for (int k = 0; k < 3; k++) {
                String v = f[cols.indexOf(PARTS[k])];
                r[k] = v.isEmpty() ? -1 : Double.parseDouble(v);
            }
            for (int b = 0; b < blended.size(); b++) {
                String[] g = files.get(b).get(i).split(",", -1);
                if (!g[0].equals(f[0])) {
                    throw new IllegalStateException(blended.get(b) + " row " + i + " is " + g[0] + ", not " + f[0]);
                }
                r[3 + b] = Double.parseDouble(g[1]);
            }
            r[t] = lead[1] <= end ? 1 : 0;
            r[t + 1] = (asOf - lead[0]) / 86_400_000L;
            out.add(r);
        }
        return out;
    }

    /** @return the AUC of column k of the rows against their target in column t */
    static double auc(List<double[]> rows, int k, int t) {
        double[] s = new double[rows.size()];
        byte[] e = new byte[rows.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = rows.get(i)[k];
            e[i] = (byte) rows.get(i)[t];
        }
        return Metrics.auc(s, BinaryTarget.of("converted", "1", e));
    }

    /** @return a blend YAML of the three parts with these weights and the model's range */
    String blendYaml(String channel, String rules, String model) {
        return blendYaml(channel, rules, model, range);
    }

    /** @return a blend YAML of the three parts with these weights and this range of the model part */
    static String blendYaml(String channel, String rules, String model, double[] range) {
        return String.format(Locale.ROOT, "parts:%n  channel: {weight: %s}%n  rules: {weight: %s}%n"
                + "  model: {weight: %s, from: %s, to: %s}%n", channel, rules, model, range[0], range[1]);
    }

    private static SyntheticNights make(Path dir) throws IOException {
        Path crm = dir.resolve("crm");
        new CrmGenerator(CrmGeneratorOptions.of(LEADS).withSeed(SEED).withDates(LocalDate.of(2025, 10, 1),
                LocalDate.of(2026, 12, 1))).generate(crm, (p, d, t) -> { });
        for (String f : List.of("rules.yaml", "lead-features.yaml", "lead-fit-features.yaml")) {
            Files.copy(Path.of("../examples/crm", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Path leads = crm.resolve("leads.csv");
        Path events = crm.resolve("events.csv");
        Path features = dir.resolve("lead-features.yaml");
        Path fitFeatures = dir.resolve("lead-fit-features.yaml");

        // The model, and the fit model: each on weekly snapshots whose 14-day targets all end before the first night.
        train(leads, events, features, dir.resolve("snapshots.csv"), dir.resolve("model"));
        train(leads, events, fitFeatures, dir.resolve("fit-snapshots.csv"), dir.resolve("fit-model"));

        List<String> rows = Files.readAllLines(leads);
        List<String> header = List.of(rows.get(0).split(","));
        Map<String, long[]> times = new HashMap<>();
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",", -1);
            String c = f[header.indexOf("converted_at")];
            times.put(f[0], new long[] {OffsetDateTime.parse(f[header.indexOf("created_at")]).toInstant().toEpochMilli(),
                c.isEmpty() ? Long.MAX_VALUE : OffsetDateTime.parse(c).toInstant().toEpochMilli()});
        }
        List<LocalDate> nights = new ArrayList<>();
        double[] range = null;
        double[] fitRange = null;
        for (LocalDate night = FIRST; !night.isAfter(LAST); night = night.plusDays(EVERY)) {
            nights.add(night);
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
            score(dir.resolve("model/model.json"), n.resolve("features.csv"), n.resolve("scored.csv"));
            FeaturesWorkflow.run(new FeaturesWorkflow.Request(leads, events, fitFeatures, night.toString(),
                    n.resolve("fit-features.csv"), InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(),
                    Optional.empty(), 0.01), x -> { });
            score(dir.resolve("fit-model/model.json"), n.resolve("fit-features.csv"), n.resolve("fit-scored.csv"));
            if (range == null) {
                // The models' ranges, configured once: their points from the least likely to convert to the most.
                range = range(n.resolve("scored.csv"));
                fitRange = range(n.resolve("fit-scored.csv"));
            }
        }
        return new SyntheticNights(dir, leads, List.copyOf(nights), range, fitRange, times);
    }

    /** Trains a lead scorecard on weekly snapshots of the features whose 14-day targets all end before the first night. */
    private static void train(Path leads, Path events, Path features, Path snapshots, Path model) throws IOException {
        SnapshotsWorkflow.run(new SnapshotsWorkflow.Request(leads, events, features, LocalDate.of(2025, 11, 3),
                FIRST.minusDays(HORIZON + 1), 7, HORIZON, OptionalInt.of(30), "target", snapshots, InputFormat.DEFAULT,
                false, Optional.empty(), Optional.empty(), Optional.empty(), 0.01), n -> { });
        Path config = snapshots.resolveSibling("train.yaml");
        Files.writeString(config, "target: target\nid: [lead_id, snapshot_date]\n");
        TrainWorkflow.run(new TrainWorkflow.Request(snapshots, ConfigReader.read(config), Optional.empty(),
                Optional.empty(), model, Optional.empty(), 0.01, 2), new BinWorkflow.Listener() { });
    }

    private static void score(Path model, Path features, Path scored) throws IOException {
        ScoreWorkflow.run(new ScoreWorkflow.Request(model, features, scored, List.of("lead_id"), List.of(), 0,
                ReasonBaseline.MAX, ScoreWorkflow.Format.CSV, true, false, Optional.empty(), 0.01, false,
                Optional.empty(), StandardCharsets.UTF_8), x -> { });
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

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
