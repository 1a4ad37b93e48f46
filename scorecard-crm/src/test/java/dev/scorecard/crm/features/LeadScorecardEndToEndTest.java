package dev.scorecard.crm.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.synth.CrmGenerator;
import dev.scorecard.crm.synth.CrmGeneratorOptions;
import dev.scorecard.train.config.ConfigReader;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.Metrics;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lead scorecard end to end on generated data, as docs/features.md runs it: {@code generate-crm --leads 20000
 * --seed 1}, weekly snapshots of the leads at most 30 days old with a 14-day target, {@code train} out of time from
 * 2026-07-01 with the 30-feature spec. The model must rank the later period's converters well, and about as well as
 * the generator's own truth does on the same rows.
 */
class LeadScorecardEndToEndTest {
    private static final String OOT_FROM = "2026-07-01";

    @TempDir
    Path dir;

    @Test
    void snapshotsTrainOutOfTime() throws IOException {
        Path crm = dir.resolve("crm");
        new CrmGenerator(new CrmGeneratorOptions(20_000, 20L * 20_000, 1, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 30),
                0)).generate(crm, (p, d, t) -> { });
        Path snapshots = dir.resolve("snapshots.csv");
        SnapshotsWorkflow.Outcome s = SnapshotsWorkflow.run(new SnapshotsWorkflow.Request(crm.resolve("leads.csv"),
                crm.resolve("events.csv"), Path.of("../examples/crm/lead-features.yaml"), LocalDate.of(2025, 3, 3),
                LocalDate.of(2026, 11, 9), 7, 14, OptionalInt.of(30), "target", snapshots, InputFormat.DEFAULT, false,
                Optional.empty(), Optional.empty(), Optional.empty(), 0.01), n -> { });
        assertThat(s.incompleteFrom()).isEmpty();
        // The fresh-lead population a sales team works: positives are rare but not vanishing (all open leads give
        // 0.09 %, old quiet leads swamping the rows).
        assertThat((double) s.events() / s.rows()).isBetween(0.004, 0.02);

        Path config = dir.resolve("train.yaml");
        Files.writeString(config, "target: target\nid: [lead_id, snapshot_date]\ntimeColumn: snapshot_date\nootFrom: \""
                + OOT_FROM + "\"\n");
        TrainWorkflow.Outcome t = TrainWorkflow.run(new TrainWorkflow.Request(snapshots, ConfigReader.read(config),
                Optional.empty(), Optional.empty(), dir.resolve("model"), Optional.empty(), 0.01, 2),
                new BinWorkflow.Listener() { });
        Evaluation oot = t.evaluations().get(t.evaluations().size() - 1);
        assertThat(oot.name()).isEqualTo("test");

        // The hidden truth on the same out-of-time rows: each lead's conversion probability (its chance to convert
        // at all before the end of the data) and its latent intent.
        Map<String, String[]> truth = new HashMap<>();
        List<String> truthLines = Files.readAllLines(crm.resolve("truth/leads.csv"), StandardCharsets.UTF_8);
        List<String> truthHeader = List.of(truthLines.get(0).split(","));
        int intentAt = truthHeader.indexOf("intent");
        int probabilityAt = truthHeader.indexOf("conversion_probability");
        for (String line : truthLines.subList(1, truthLines.size())) {
            String[] f = line.split(",", -1);
            truth.put(f[0], f);
        }
        List<String> rows = Files.readAllLines(snapshots, StandardCharsets.UTF_8);
        List<String> header = List.of(rows.get(0).split(",", -1));
        int dateAt = header.indexOf(SnapshotsWorkflow.DATE);
        int targetAt = header.indexOf("target");
        List<double[]> ootRows = new ArrayList<>();
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",", -1);
            if (f[dateAt].compareTo(OOT_FROM) >= 0) {
                String[] lead = truth.get(f[0]);
                ootRows.add(new double[] {Double.parseDouble(lead[probabilityAt]), Double.parseDouble(lead[intentAt]),
                    Integer.parseInt(f[targetAt])});
            }
        }
        byte[] events = new byte[ootRows.size()];
        double[] probability = new double[ootRows.size()];
        double[] intent = new double[ootRows.size()];
        int positives = 0;
        for (int i = 0; i < events.length; i++) {
            probability[i] = ootRows.get(i)[0];
            intent[i] = ootRows.get(i)[1];
            events[i] = (byte) ootRows.get(i)[2];
            positives += events[i];
        }
        // The trainer's test rows are exactly these.
        assertThat(oot.rows()).isEqualTo(events.length);
        assertThat(oot.events()).isEqualTo(positives);
        BinaryTarget target = BinaryTarget.of("target", "1", events);
        double truthAuc = Metrics.auc(probability, target);
        double intentAuc = Metrics.auc(intent, target);
        System.out.printf(Locale.ROOT, "lead scorecard end to end: %d snapshot rows (%d positive), out of time from %s: %d rows"
                + " (%d positive); AUC model %.4f, truth conversion_probability %.4f, truth intent %.4f%n", s.rows(),
                s.events(), OOT_FROM, oot.rows(), oot.events(), oot.auc(), truthAuc, intentAuc);

        // Thresholds. The truth is no ceiling here: its probability is about converting at all, while the 14-day
        // target is about converting soon, which the warm-up events in the last days (trial, replies, coupon) and the
        // lead's age reveal to the features; on seeds 1-5 at 10,000 and 20,000 leads the model's out-of-time AUC ran
        // 0.834-0.911 and from 0.003 below to 0.037 above the truth's. With about 150 positive rows the standard error
        // of an AUC near 0.85 is about 0.016 (Hanley and McNeil 1982), so the model must stay within 0.05 (3 standard
        // errors) of the truth, and well clear of chance at 0.75; the truth itself must rank (0.70), or the check says
        // nothing.
        assertThat(truthAuc).isGreaterThan(0.70);
        assertThat(oot.auc()).isGreaterThan(0.75);
        assertThat(oot.auc()).isGreaterThan(truthAuc - 0.05);
    }
}
