package dev.scorecard.crm.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, acceptance 3: snapshot rows by hand, and no feature can see an event after its row's as-of instant. */
class SnapshotsWorkflowTest {
    private static final String[] TYPES = {"course_view", "trial_booked", "live_joined", "app_open"};

    @TempDir
    Path dir;

    private SnapshotsWorkflow.Outcome run(Path leads, Path events, Path spec, LocalDate from, LocalDate to, int every,
            int horizon, Path out) {
        return SnapshotsWorkflow.run(new SnapshotsWorkflow.Request(leads, events, spec, from, to, every, horizon, "target", out,
                InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(), Optional.empty(), 0.5), n -> { });
    }

    @Test
    void rowsByHand() throws IOException {
        Path res = Path.of("src/test/resources/features");
        Path out = dir.resolve("snapshots.csv");
        SnapshotsWorkflow.Outcome o = run(res.resolve("fixture-leads.csv"), res.resolve("fixture-events.csv"), res.resolve("snapshot-spec.yaml"),
                LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 29), 7, 7, out);
        // As of 11-22T00:00+08:00: A (created 11-01) and B (11-20; converts 11-29T12:00, after 11-29T00:00, the end of
        // its 7-day horizon: target 0). A's course views (11-23, 11-30) and trial (11-25) are all later: 0 and missing;
        // B's trial on 11-21 is 1 day back.
        // As of 11-29T00:00+08:00: A has the two course views of 11-23 and its trial 4 days back; B converts 12 hours
        // later (target 1); D, created 11-29T23:00, does not exist yet, nor C (12-05).
        assertThat(Files.readAllLines(out)).containsExactly(
                "lead_id,snapshot_date,cv_ever,days_since_trial,target",
                "A,2026-11-22,0,,0",
                "B,2026-11-22,0,1,0",
                "A,2026-11-29,2,4,0",
                "B,2026-11-29,0,8,1");
        assertThat(o.rows()).isEqualTo(4);
        assertThat(o.events()).isEqualTo(1);
        assertThat(o.dates()).containsExactly(LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 29));
        // Events after 11-29T00:00+08:00 (the last as-of instant) are invisible: the four on 11-29 evening and 11-30.
        assertThat(o.counts().afterAsOf()).isEqualTo(3);
    }

    /** Replacing every event after a date's as-of instant with other events changes none of that date's rows. */
    @Test
    void futureEventsChangeNothing() throws IOException {
        SplittableRandom random = new SplittableRandom(13);
        Path leads = dir.resolve("leads.csv");
        List<String> leadLines = new ArrayList<>(List.of("lead_id,created_at,converted,converted_at"));
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        long day = 86_400_000L;
        for (int i = 0; i < 60; i++) {
            long created = start + random.nextLong(40 * day);
            boolean converted = random.nextInt(3) == 0;
            leadLines.add("L" + i + "," + Instant.ofEpochMilli(created) + "," + (converted ? 1 : 0) + ","
                    + (converted ? Instant.ofEpochMilli(created + random.nextLong(30 * day)).toString() : ""));
        }
        Files.write(leads, leadLines);
        List<long[]> events = new ArrayList<>();
        for (int k = 0; k < 3000; k++) {
            events.add(new long[] {random.nextInt(60), random.nextInt(TYPES.length), start + random.nextLong(80 * day),
                random.nextInt(100), random.nextInt(3)});
        }
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, String.join("\n", "features:",
                "  - {name: cv_7d, count: course_view, window: 7d}",
                "  - {name: live_sum_30d, sum: live_joined, window: 30d}",
                "  - {name: live_max, max: live_joined}",
                "  - {name: last_trial, daysSinceLast: trial_booked}",
                "  - {name: first_any, daysSinceFirst: any}",
                "  - {name: active_14d, activeDays: any, window: 14d}",
                "  - {name: courses, distinct: course}",
                "  - {name: top_course, top: course}",
                "  - {name: age, daysSinceCreated: true}", ""));
        LocalDate from = LocalDate.of(2026, 1, 20);
        LocalDate to = LocalDate.of(2026, 3, 10);
        Path original = write(dir.resolve("events.csv"), events);
        Path out = dir.resolve("snapshots.csv");
        run(leads, original, spec, from, to, 10, 14, out);
        List<String> all = Files.readAllLines(out);
        assertThat(all.size()).isGreaterThan(100);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(20)) {
            long asOf = d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            List<long[]> changed = new ArrayList<>();
            for (long[] e : events) {
                changed.add(e[2] <= asOf ? e : new long[] {random.nextInt(60), random.nextInt(TYPES.length),
                    asOf + 1 + random.nextLong(40 * day), random.nextInt(1000), random.nextInt(3)});
            }
            Path shuffled = write(dir.resolve("events-" + d + ".csv"), changed);
            Path out2 = dir.resolve("snapshots-" + d + ".csv");
            run(leads, shuffled, spec, from, to, 10, 14, out2);
            String date = "," + d + ",";
            List<String> before = all.stream().filter(l -> l.contains(date)).toList();
            assertThat(before).as(d.toString()).isNotEmpty();
            assertThat(Files.readAllLines(out2).stream().filter(l -> l.contains(date)).toList()).as(d.toString())
                    .isEqualTo(before);
        }
    }

    private static Path write(Path file, List<long[]> events) throws IOException {
        List<String> lines = new ArrayList<>(List.of("lead_id,event,timestamp,value,course"));
        String[] courses = {"english", "math", "art"};
        for (long[] e : events) {
            lines.add("L" + e[0] + "," + TYPES[(int) e[1]] + "," + Instant.ofEpochMilli(e[2]) + "," + e[3] + ","
                    + courses[(int) e[4]]);
        }
        Files.write(file, lines);
        return file;
    }
}
