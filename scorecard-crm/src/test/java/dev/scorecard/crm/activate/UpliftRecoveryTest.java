package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, acceptance 4: on generated data with a known true effect of the activation, `activate`
 * then `activate report` recover the uplift within the interval, and find none for a plan without
 * effect. The leads enter through `activate` (its control split); the goal events are then drawn with
 * the hidden truth: a trial booked within 5 days with probability 0.10 for control and 0.16 for the
 * treated of the effective plan, 0.10 for both groups of the other. A coverage check over many
 * replicates of the interval backs the single run.
 */
class UpliftRecoveryTest {
    private static final double BASE = 0.10;
    private static final double EFFECT = 0.06;

    @TempDir
    Path dir;

    @Test
    void theTrueUpliftIsInsideTheIntervalAndANullPlanShowsNone() throws IOException {
        int n = 24_000;
        List<String> leads = new ArrayList<>(List.of("lead_id,channel,created_at"));
        List<String> scores = new ArrayList<>(List.of("lead_id,score100,grade"));
        for (int i = 0; i < n; i++) {
            String id = String.format(Locale.ROOT, "L%05d", i);
            leads.add(id + ",web,2026-05-01");
            scores.add(id + ",50," + (i % 2 == 0 ? "A" : "B"));
        }
        Path leadsFile = Files.write(dir.resolve("leads.csv"), leads);
        Path scoresFile = Files.write(dir.resolve("scores.csv"), scores);
        Path plans = Files.write(dir.resolve("plans.yaml"), List.of("control: 0.3", "plans:",
                "  - name: effective", "    priority: 1", "    audience: \"grade == 'A'\"",
                "    goals: [{name: trial, event: trial_booked, within: 5d}]",
                "  - name: useless", "    priority: 2", "    audience: \"grade == 'B'\"",
                "    goals: [{name: trial, event: trial_booked, within: 5d}]"));
        ActivateWorkflow.run(new ActivateWorkflow.Request(plans, leadsFile, List.of(scoresFile), Optional.empty(),
                Optional.empty(), "2026-06-01", dir.resolve("night"), dir.resolve("state"), InputFormat.DEFAULT, false,
                0.01));
        List<String> events = new ArrayList<>(List.of("lead_id,event,timestamp"));
        SplittableRandom truth = new SplittableRandom(2026);
        List<String> entries = Files.readAllLines(dir.resolve("night").resolve(ActivateWorkflow.ENTRIES_CSV));
        for (String e : entries.subList(1, entries.size())) {
            String[] f = e.split(",");
            double p = BASE + (f[1].equals("effective") && f[2].equals("treated") ? EFFECT : 0);
            if (truth.nextDouble() < p) {
                events.add(f[0] + ",trial_booked,2026-06-0" + (2 + truth.nextInt(4)) + "T12:00:00Z");
            }
            if (truth.nextDouble() < 0.3) { // noise: an event after the goal's window, which must not count
                events.add(f[0] + ",trial_booked,2026-06-20T12:00:00Z");
            }
        }
        Path eventsFile = Files.write(dir.resolve("events.csv"), events);
        UpliftWorkflow.Outcome o = UpliftWorkflow.run(new UpliftWorkflow.Request(
                dir.resolve("night").resolve(ActivateWorkflow.ENTRIES_CSV), plans, leadsFile, eventsFile, "2026-07-01",
                dir.resolve("report"), InputFormat.DEFAULT, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0.01, 100, 0.01), x -> { });
        UpliftRow effective = o.overall().stream().filter(r -> r.plan().equals("effective")).findFirst().orElseThrow();
        UpliftRow useless = o.overall().stream().filter(r -> r.plan().equals("useless")).findFirst().orElseThrow();
        // 12,000 leads a plan, 30 % control: about 3,600 control and 8,400 treated.
        assertThat(effective.controlN()).isBetween(3_400L, 3_800L);
        assertThat(effective.lower()).isLessThan(EFFECT).isGreaterThan(0);
        assertThat(effective.upper()).isGreaterThan(EFFECT);
        assertThat(effective.warning()).isEmpty();
        assertThat(useless.lower()).isLessThan(0);
        assertThat(useless.upper()).isGreaterThan(0);
        assertThat(Math.abs(effective.difference() - EFFECT)).isLessThan(0.03);
    }

    @Test
    void theIntervalCoversTheTruthAtItsLevel() {
        SplittableRandom r = new SplittableRandom(7);
        int replicates = 2000;
        int covered = 0;
        for (int k = 0; k < replicates; k++) {
            int n1 = 800;
            int n2 = 300;
            int x1 = 0;
            int x2 = 0;
            for (int i = 0; i < n1; i++) {
                x1 += r.nextDouble() < BASE + EFFECT ? 1 : 0;
            }
            for (int i = 0; i < n2; i++) {
                x2 += r.nextDouble() < BASE ? 1 : 0;
            }
            ProportionDifference d = ProportionDifference.of(x1, n1, x2, n2);
            covered += d.lower() <= EFFECT && EFFECT <= d.upper() ? 1 : 0;
        }
        // Newcombe's hybrid score interval is close to its nominal 95 % at these sizes; the binomial
        // error of the coverage estimate over 2000 replicates is about 0.5 %.
        assertThat((double) covered / replicates).isBetween(0.935, 0.965);
    }
}
