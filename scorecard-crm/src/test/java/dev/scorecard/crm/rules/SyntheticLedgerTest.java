package dev.scorecard.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.synth.CrmGenerator;
import dev.scorecard.crm.synth.CrmGeneratorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, acceptance 1: on every lead of a generated CRM set, with the shipped example rules (every
 * decay kind, every cap, conditions over features), the explanation adds up to the score exactly, and
 * the score's own columns add up to it too.
 */
class SyntheticLedgerTest {
    @TempDir
    Path dir;

    @Test
    void everyLeadsLedgerAddsUpToItsScore() throws IOException {
        new CrmGenerator(CrmGeneratorOptions.of(1500).withSeed(11)).generate(dir.resolve("crm"), (p, d, t) -> { });
        for (String f : List.of("rules.yaml", "lead-features.yaml")) {
            Files.copy(Path.of("../examples/crm", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> ids = new ArrayList<>();
        List<String> leads = Files.readAllLines(dir.resolve("crm/leads.csv"));
        for (String line : leads.subList(1, leads.size())) {
            ids.add(line.substring(0, line.indexOf(',')));
        }
        // Channels from a made-up table, so the start value is in the ledgers too.
        Files.write(dir.resolve("channels.csv"), List.of("channel,sub_channel,score", "(unseen),,7"));
        RulesWorkflow.Outcome o = RulesWorkflow.run(new RulesWorkflow.Request(dir.resolve("crm/leads.csv"),
                dir.resolve("crm/events.csv"), dir.resolve("rules.yaml"), Optional.of(dir.resolve("channels.csv")),
                "2026-11-30", dir.resolve("out"), InputFormat.DEFAULT, false, Optional.empty(), ids, Optional.empty(),
                Optional.empty(), Optional.empty(), 0.05), n -> { });
        assertThat(o.scored()).isEqualTo(ids.size());
        List<String> explain = Files.readAllLines(dir.resolve("out/explain.csv"));
        RulesWorkflowTest.assertLedgersAddUp(explain);
        Map<String, String> scoreRows = new HashMap<>();
        for (String line : explain) {
            String[] f = line.split(",", -1);
            if (f[1].equals("score")) {
                scoreRows.put(f[0], f[f.length - 1]);
            }
        }
        assertThat(scoreRows).hasSize(ids.size());
        List<String> scores = Files.readAllLines(dir.resolve("out/scores.csv"));
        String[] header = scores.get(0).split(",");
        int firstPoints = List.of(header).indexOf("channel_points");
        long moved = 0;
        for (String line : scores.subList(1, scores.size())) {
            String[] f = line.split(",", -1);
            assertThat(f[1]).as(f[0]).isEqualTo(scoreRows.get(f[0]));
            long sum = 0;
            for (int c = firstPoints; c < f.length; c++) {
                sum += Math.round(Double.parseDouble(f[c]) * 100);
            }
            assertThat(sum).as(line).isEqualTo(Math.round(Double.parseDouble(f[1]) * 100));
            if (!f[1].equals("21")) { // the (unseen) row's 7 x 10 x the example's weight 0.3, before any event
                moved++;
            }
        }
        assertThat(moved).isGreaterThan(100);
        // Every cap, the conditions and the clamp occur somewhere, so the sums above test them all.
        String all = String.join("\n", explain);
        for (String step : List.of(",cap perType,", ",cap perLevel,", ",cap total,", ",condition,", ",clamp,")) {
            assertThat(all).as(step).contains(step);
        }
        assertThat(all).contains("cut to 0 by the daily cap", "decayed to 0");
    }
}
