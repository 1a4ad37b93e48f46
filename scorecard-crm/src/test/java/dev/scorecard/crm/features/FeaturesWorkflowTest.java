package dev.scorecard.crm.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, acceptance 2: every feature kind and window edge, against expectations worked out by hand. */
class FeaturesWorkflowTest {
    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.copy(Path.of("src/test/resources/features", name), p);
        return p;
    }

    private FeaturesWorkflow.Outcome run(Path leads, Path events, Path spec, String asOf, String zone,
            Optional<DuplicatePolicy> duplicates) {
        InputFormat f = zone == null ? InputFormat.DEFAULT : InputFormat.DEFAULT.withZone(ZoneId.of(zone));
        return FeaturesWorkflow.run(new FeaturesWorkflow.Request(leads, events, spec, asOf, dir.resolve("features.csv"), f,
                zone != null, duplicates, Optional.empty(), Optional.empty(), 0.9), n -> { });
    }

    @Test
    void everyKindAsOfMidnightInShanghai() throws IOException {
        FeaturesWorkflow.Outcome o = run(copy("fixture-lead-rows.csv"), copy("fixture-events.csv"), copy("spec.yaml"), "2026-11-30", null,
                Optional.empty());
        // As of 2026-11-30T00:00+08:00 (the spec's zone). By hand, lead A:
        //   cv_7d: window (11-23T00:00, 11-30T00:00]: 11-23T00:00:01 and 11-30T00:00 (the as-of instant is in;
        //          11-23T00:00 is the window's start, out; 11-30T00:00:01 is after the as-of instant) = 2
        //   cv_ever 3; cv_english_30d: 11-30 and 11-23T00:00 = 2; live 30 + 45 = 75, mean 37.5, max in 7d 45
        //   days_since_trial 30 - 25 = 5; first_seen 30 - 10 = 20; age 30 - 1 = 29
        //   active_7d: 11-23, 11-25, 11-28, 11-30 = 4; courses english, math = 2
        //   top: english 4 (cv 11-30, cv 11-23T00:00, live 11-10, trial 11-25 once: its repeat is a duplicate) vs math 2
        //   attended 0 / booked 1 = 0
        // Lead B: its course_view has no time and its live_joined no number (both rejected); app_open at
        //   11-29T23:59:59 is 1 day back and the only event in the last 7 days; trials 11-21 and 11-22.
        // Lead C was created after the as-of instant: no row. Lead D has no events: counts 0, the rest missing,
        //   except the ratio with whenZero: 0.
        assertThat(Files.readAllLines(dir.resolve("features.csv"))).containsExactly(
                "lead_id,cv_7d,cv_ever,cv_english_30d,live_min_30d,live_mean,live_max_7d,days_since_trial,first_seen,age,"
                    + "active_7d,courses,top_course,second_course,attended,booked,attend_rate,attend_rate0,trials_ever,city",
                "A,2,3,2,75,37.5,45,5,20,29,4,2,english,math,0,1,0,0,1,beijing",
                "B,0,0,0,0,,,9,9,10,1,1,math,,1,1,1,1,2,shanghai",
                "D,0,0,0,0,,,,,1,0,0,,,0,0,,0,0,");
        assertThat(o.events().read()).isEqualTo(14);
        assertThat(o.events().used()).isEqualTo(9);
        assertThat(o.events().afterAsOf()).isEqualTo(1);
        assertThat(o.events().duplicates()).isEqualTo(1);
        assertThat(o.events().rejected()).isEqualTo(3);
        assertThat(o.events().unknownLeads()).isEqualTo(1);
        assertThat(o.leadsRead()).isEqualTo(4);
        assertThat(o.leadsAfterAsOf()).isEqualTo(1);
        assertThat(o.rows()).isEqualTo(3);
        assertThat(o.unreadTypes()).isEmpty(); // app_open is read by the any-type features
        assertThat(Files.readAllLines(dir.resolve("features.csv.rejects.csv"))).containsExactly(
                "line,reason,lead_id,event,timestamp,value,course",
                "9,\"duplicate: the same lead_id, event, timestamp, value and properties as an earlier line\",A,trial_booked,"
                    + "2026-11-25T09:00:00+08:00,,english",
                "12,lead_id 'X' is not in the leads file,X,course_view,2026-11-21T10:00:00+08:00,,math",
                "13,column 'timestamp': value 'not-a-time' is not a time,B,course_view,not-a-time,,math",
                "14,column 'value': value '12x' is not a number,B,live_joined,2026-11-22T21:00:00+08:00,12x,math");
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    @Test
    void windowsAreCalendarDaysAcrossDaylightSavingChanges() throws IOException {
        Path leads = write("dst-leads.csv", "lead_id,created_at", "E,2026-03-01", "F,2026-10-01");
        Path events = write("dst-events.csv", "lead_id,event,timestamp",
                "E,x,2026-03-28T22:30:00Z", // 03-28 23:30 in Berlin: within 24 hours of the as-of instant, not in its day
                "E,x,2026-03-28T23:30:00Z", // 03-29 00:30 in Berlin: the first half hour of the 23-hour day
                "E,x,2026-03-29T21:59:59Z", // 03-29 23:59:59 in Berlin
                "F,x,2026-10-24T22:30:00Z"); // 10-25 00:30 in Berlin: the first hour of the 25-hour day
        Path spec = write("dst.yaml", "features:", "  - {name: c1d, count: any, window: 1d}",
                "  - {name: last, daysSinceLast: any}", "  - {name: first, daysSinceFirst: any}",
                "  - {name: active_7d, activeDays: any, window: 7d}");
        // As of 2026-03-30 in Berlin (03-29T22:00Z), the 1d window starts at 03-29T00:00+01:00 = 03-28T23:00Z.
        run(leads, events, spec, "2026-03-30", "Europe/Berlin", Optional.empty());
        assertThat(Files.readAllLines(dir.resolve("features.csv")))
                .containsExactly("lead_id,c1d,last,first,active_7d", "E,2,1,2,2"); // F is created on 10-01
        // As of 2026-10-26 in Berlin (10-25T23:00Z), the 1d window is the 25 hours after 10-24T22:00Z; E's last
        // event was 211 calendar days before (03-29 to 10-26), its first 212.
        run(leads, events, spec, "2026-10-26", "Europe/Berlin", Optional.empty());
        assertThat(Files.readAllLines(dir.resolve("features.csv")))
                .containsExactly("lead_id,c1d,last,first,active_7d", "E,0,211,212,0", "F,1,1,1,1");
        // In UTC the same instants fall on other days: as of 03-30T00:00Z only the last event is in the last day.
        run(leads, events, spec, "2026-03-30", "UTC", Optional.empty());
        assertThat(Files.readAllLines(dir.resolve("features.csv")))
                .containsExactly("lead_id,c1d,last,first,active_7d", "E,1,1,2,2");
    }

    @Test
    void theAsOfInstantIsReadInTheZoneGivenOnTheCommandLineOverTheSpecs() throws IOException {
        Path leads = write("z-leads.csv", "lead_id,created_at", "G,2026-11-01T00:00:00Z");
        Path events = write("z-events.csv", "lead_id,event,timestamp", "G,x,2026-11-29T15:59:59Z", "G,x,2026-11-29T16:30:00Z");
        Path spec = write("z.yaml", "timezone: UTC", "features:", "  - {name: n, count: x}", "  - {name: last, daysSinceLast: x}");
        // Asia/Shanghai: as of 2026-11-30T00:00+08:00 = 11-29T16:00Z; the second event is after it.
        FeaturesWorkflow.Outcome o = run(leads, events, spec, "2026-11-30", "Asia/Shanghai", Optional.empty());
        assertThat(Files.readAllLines(dir.resolve("features.csv"))).containsExactly("lead_id,n,last", "G,1,1");
        assertThat(o.events().afterAsOf()).isEqualTo(1);
        // The spec's UTC when no zone is given: as of 11-30T00:00Z both count, the last on 11-29.
        run(leads, events, spec, "2026-11-30", null, Optional.empty());
        assertThat(Files.readAllLines(dir.resolve("features.csv"))).containsExactly("lead_id,n,last", "G,2,1");
    }

    @Test
    void duplicatesAreKeptWhenAskedAndUnknownTypesAreRejectedWhenTheSpecListsTypes() throws IOException {
        Path leads = write("d-leads.csv", "lead_id,created_at", "H,2026-11-01");
        Path events = write("d-events.csv", "lead_id,event,timestamp,value", "H,a,2026-11-02,1", "H,a,2026-11-02,1",
                "H,a,2026-11-02,2", "H,b,2026-11-03,", "H,c,2026-11-03,");
        Path spec = write("d.yaml", "eventTypes: [a, b]", "features:", "  - {name: n, count: a}", "  - {name: s, sum: a}");
        FeaturesWorkflow.Outcome o = run(leads, events, spec, "2026-11-30", null, Optional.empty());
        assertThat(Files.readAllLines(dir.resolve("features.csv"))).containsExactly("lead_id,n,s", "H,2,3");
        assertThat(o.events().duplicates()).isEqualTo(1);
        assertThat(o.events().unknownTypes()).containsExactly(java.util.Map.entry("c", 1L));
        assertThat(o.unreadTypes()).containsExactly("b");
        o = run(leads, events, spec, "2026-11-30", null, Optional.of(DuplicatePolicy.KEEP));
        assertThat(Files.readAllLines(dir.resolve("features.csv"))).containsExactly("lead_id,n,s", "H,3,4");
        assertThat(o.events().duplicates()).isZero();
        assertThat(Files.readAllLines(dir.resolve("features.csv.rejects.csv"))).containsExactly("line,reason,lead_id,event,timestamp,value",
                "6,event type 'c' is not one of the spec's eventTypes,H,c,2026-11-03,");
    }

    @Test
    void tooManyRejectsFailWithNothingWrittenButTheRejects() throws IOException {
        Path leads = write("r-leads.csv", "lead_id,created_at,converted", "I,2026-11-01,0", "J,yesterday,0", "K,2026-11-01,2",
                "I,2026-11-02,0");
        Path events = write("r-events.csv", "lead_id,event,timestamp", "I,a,2026-11-02");
        Path spec = write("r.yaml", "features:", "  - {name: n, count: a}");
        Path out = dir.resolve("features.csv");
        Files.writeString(out, "an earlier run's\n");
        assertThatThrownBy(() -> FeaturesWorkflow.run(new FeaturesWorkflow.Request(leads, events, spec, "2026-11-30", out,
                InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(), Optional.empty(), 0.01), n -> { }))
                .isInstanceOf(InputDataException.class)
                .hasMessage(leads + ": 3 of 4 rows (75.00 %) could not be used, over --max-reject-share 0.01; nothing was"
                        + " written to " + out + "; see " + dir.resolve("features.csv.lead-rejects.csv"));
        assertThat(out).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("features.csv.lead-rejects.csv"))).containsExactly(
                "line,reason,lead_id,created_at,converted",
                "3,column 'created_at': value 'yesterday' is not a time,J,yesterday,0",
                "4,\"column 'converted': value '2' is not 0, 1 or empty\",K,2026-11-01,2",
                "5,lead_id 'I' repeats the lead of an earlier row,I,2026-11-02,0");
    }

    @Test
    void malformedLinesAreRejectedWithTheirLineAndReason() throws IOException {
        Path leads = write("m-leads.csv", "lead_id,created_at", "M,2026-11-01");
        Path events = dir.resolve("m-events.csv");
        byte[] latin1 = "M,caf\u00e9,2026-11-02,\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (var out = Files.newOutputStream(events)) {
            out.write(String.join("\n", "lead_id,event,timestamp,value", "M,a,2026-11-02,1", "M,a,2026-11-02", ",a,2026-11-02,",
                    "M,,2026-11-02,", "M,a,2026-11-02,1,extra", "M,a,2026-11-02T25:00,", "M,a,2026-11-03,1e400", "")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write(latin1);
        }
        Path spec = write("m.yaml", "features:", "  - {name: n, count: any}");
        FeaturesWorkflow.Outcome o = run(leads, events, spec, "2026-11-30", null, Optional.empty());
        assertThat(Files.readAllLines(dir.resolve("features.csv"))).containsExactly("lead_id,n", "M,1");
        assertThat(o.events().read()).isEqualTo(8);
        assertThat(o.events().rejected()).isEqualTo(7);
        assertThat(Files.readAllLines(dir.resolve("features.csv.rejects.csv"))).containsExactly(
                "line,reason,lead_id,event,timestamp,value",
                "3,\"expected 4 fields as in the header, found 3\",M,a,2026-11-02",
                "4,column 'lead_id' is empty,,a,2026-11-02,",
                "5,column 'event' is empty,M,,2026-11-02,",
                "6,\"expected 4 fields as in the header, found 5\",M,a,2026-11-02,1,extra",
                "7,column 'timestamp': value '2026-11-02T25:00' is not a time,M,a,2026-11-02T25:00,",
                "8,column 'value': value '1e400' is not a number,M,a,2026-11-03,1e400",
                // 0xE9 is at byte 163: the header (30 bytes) and the 7 lines before (17+15+15+15+23+22+21) and "M,caf".
                "9,column 'event': bytes that are not UTF-8 at byte 163 (0xE9),M,caf\uFFFD,2026-11-02,");
    }

    @Test
    void aLongLogGivesWhatALineByLineReadingGives() throws IOException {
        // Tens of thousands of lines cross many of the reader's hand-over blocks: repeats (near and far
        // apart, with a quoted value so the kept characters matter), malformed lines and unknown leads,
        // scattered. Expected: dedupe equals keep on the same log with the repeats and bad lines taken
        // out here, and the rejects file lists every left-out line once, in line order, as it was written.
        java.util.Random random = new java.util.Random(13);
        String[] leads = {"A", "B", "D"};
        String[] types = {"course_view", "live_joined", "trial_booked", "trial_attended", "app_open"};
        List<String> all = new java.util.ArrayList<>(List.of("lead_id,event,timestamp,value,course"));
        List<String> clean = new java.util.ArrayList<>(all);
        List<String> expectedRejects = new java.util.ArrayList<>(List.of("line,reason,lead_id,event,timestamp,value,course"));
        List<String> written = new java.util.ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            int kind = random.nextInt(100);
            int line = all.size() + 1;
            if (kind < 8 && !written.isEmpty()) {
                String again = written.get(kind < 4 ? written.size() - 1 : random.nextInt(written.size()));
                all.add(again);
                expectedRejects.add(line + ",\"" + EventLog.DUPLICATE + "\"," + again);
            } else if (kind < 10) {
                String bad = "B,app_open,29 Nov,,";
                all.add(bad);
                expectedRejects.add(line + ",column 'timestamp': value '29 Nov' is not a time," + bad);
            } else if (kind < 12) {
                String unknown = "Y" + i + ",app_open,2026-11-20T10:00:00+08:00,,";
                all.add(unknown);
                expectedRejects.add(line + ",lead_id 'Y" + i + "' is not in the leads file," + unknown);
            } else {
                String e = leads[random.nextInt(leads.length)] + "," + types[random.nextInt(types.length)] + ","
                        + String.format(java.util.Locale.ROOT, "2026-11-%02dT%02d:%02d:%02d+08:00", 1 + random.nextInt(29),
                                random.nextInt(24), random.nextInt(60), random.nextInt(60))
                        + "," + (random.nextBoolean() ? "\"" + random.nextInt(90) + "\"" : "") + ","
                        + (random.nextBoolean() ? "english" : "math");
                if (written.contains(e)) {
                    continue; // a repeat by chance: the test's own bookkeeping would be wrong
                }
                all.add(e);
                clean.add(e);
                written.add(e);
            }
        }
        Path spec = copy("spec.yaml");
        Path leadsFile = copy("fixture-lead-rows.csv");
        FeaturesWorkflow.Outcome o = run(leadsFile, Files.write(dir.resolve("long.csv"), all), spec, "2026-11-30", null,
                Optional.of(DuplicatePolicy.DEDUPE));
        List<String> deduped = Files.readAllLines(dir.resolve("features.csv"));
        List<String> rejects = Files.readAllLines(dir.resolve("features.csv.rejects.csv"));
        assertThat(o.events().read()).isEqualTo(all.size() - 1L);
        assertThat(o.events().read()).isEqualTo(o.events().used() + o.events().afterAsOf() + o.events().duplicates()
                + o.events().rejected());
        assertThat(rejects).hasSize(expectedRejects.size());
        for (int i = 0; i < rejects.size(); i++) {
            // the writer quotes a field only when it must: compare with the quotes of the value undone
            assertThat(rejects.get(i).replace("\"", "")).as("rejects row %d", i).isEqualTo(expectedRejects.get(i)
                    .replace("\"", ""));
        }
        run(leadsFile, Files.write(dir.resolve("clean.csv"), clean), spec, "2026-11-30", null,
                Optional.of(DuplicatePolicy.KEEP));
        assertThat(deduped).isEqualTo(Files.readAllLines(dir.resolve("features.csv")));
        assertThat(o.events().used()).isGreaterThan(30_000);
    }
}
