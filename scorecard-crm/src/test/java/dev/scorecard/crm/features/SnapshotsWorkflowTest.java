package dev.scorecard.crm.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.OptionalInt;
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
        return run(leads, events, spec, from, to, every, horizon, OptionalInt.empty(), out);
    }

    private SnapshotsWorkflow.Outcome run(Path leads, Path events, Path spec, LocalDate from, LocalDate to, int every,
            int horizon, OptionalInt maxLeadAge, Path out) {
        return SnapshotsWorkflow.run(new SnapshotsWorkflow.Request(leads, events, spec, from, to, every, horizon, maxLeadAge,
                "target", out, InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(), Optional.empty(), 0.5), n -> { });
    }

    @Test
    void rowsByHand() throws IOException {
        Path res = Path.of("src/test/resources/features");
        Path out = dir.resolve("snapshots.csv");
        SnapshotsWorkflow.Outcome o = run(res.resolve("fixture-lead-rows.csv"), res.resolve("fixture-events.csv"), res.resolve("snapshot-spec.yaml"),
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

    /**
     * {@code --max-lead-age 7d}: a date's snapshot keeps the leads created at or after the start of the day 7 days
     * before it, in the spec's zone (their lead_age_days is at most 7), so the boundary is a local midnight.
     */
    @Test
    void maxLeadAgeKeepsTheFreshLeads() throws IOException {
        Path leads = dir.resolve("leads.csv");
        Files.write(leads, List.of("lead_id,created_at,converted,converted_at",
                "E,2026-11-22T00:00:00+08:00,0,",             // exactly the start of 11-29 minus 7 days: kept, age 7
                "F,2026-11-21T15:59:59Z,0,",                   // 11-21T23:59:59+08:00, a second earlier: age 8 on 11-29
                "G,2026-11-29T00:00:00+08:00,0,",              // at the as-of instant of 11-29: age 0
                "K,2026-11-25T10:00:00+08:00,1,2026-12-05T09:00:00+08:00", // converts before 12-06T00:00+08:00
                "O,2026-10-01T10:00:00+08:00,0,",              // 52 and 59 days old: too old on both dates
                "P,2026-10-01T10:00:00+08:00,1,2026-10-05T10:00:00+08:00")); // converted before both: not "too old"
        Path events = dir.resolve("events.csv");
        Files.write(events, List.of("lead_id,event,timestamp", "E,course_view,2026-11-23T10:00:00+08:00"));
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "timezone: Asia/Shanghai\nfeatures:\n  - {name: age, daysSinceCreated: true}\n");
        Path out = dir.resolve("snapshots.csv");
        SnapshotsWorkflow.Outcome o = run(leads, events, spec, LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 29), 7,
                7, OptionalInt.of(7), out);
        // As of 11-22T00:00+08:00 the oldest allowed creation is 11-15T00:00+08:00: E (created at that very instant,
        // age 0) and F (age 1) are in; G and K do not exist yet; O is 52 days old; P has converted.
        // As of 11-29T00:00+08:00 the oldest allowed is 11-22T00:00+08:00: E (age 7), G (0) and K (4, converting within
        // the 7-day horizon, target 1) are in; F (age 8) and O (59) are too old.
        assertThat(Files.readAllLines(out)).containsExactly(
                "lead_id,snapshot_date,age,target",
                "E,2026-11-22,0,0",
                "F,2026-11-22,1,0",
                "E,2026-11-29,7,0",
                "G,2026-11-29,0,0",
                "K,2026-11-29,4,1");
        assertThat(o.rows()).isEqualTo(5);
        assertThat(o.events()).isEqualTo(1);
        // O twice and F once; P converted before both dates and counts there, not here.
        assertThat(o.tooOld()).isEqualTo(3);
        // Without the option every lead that exists and has not converted is in: O on both dates, F on 11-29 too.
        run(leads, events, spec, LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 29), 7, 7, out);
        assertThat(Files.readAllLines(out)).hasSize(1 + 5 + 3);
    }

    @Test
    void maxLeadAgeOutOfRange() {
        assertThatThrownBy(() -> run(dir.resolve("l.csv"), dir.resolve("e.csv"), dir.resolve("s.yaml"),
                LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 29), 7, 7, OptionalInt.of(0), dir.resolve("o.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--max-lead-age: 0 days is out of range; expected 1d to 3660d");
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
