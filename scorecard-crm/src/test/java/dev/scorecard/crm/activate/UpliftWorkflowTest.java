package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scorecard activate report} on a fixture small enough to count by hand: eight good entries
 * of one plan with two goals, eight bad ones, as of 2026-03-01T00:00Z. Every expected count below is
 * worked out in the comments from the files written here.
 */
class UpliftWorkflowTest {
    static final String PLANS = """
            plans:
              - name: nurture
                audience: "score100 >= 40"
                goals:
                  - {name: trial-booked, event: trial_booked, within: 5d}
                  - {name: paid, event: converted, within: 30d}
            """;
    static final String LEADS = """
            lead_id,created_at,converted,converted_at
            L1,2026-01-01T00:00:00Z,0,
            L2,2026-01-01T00:00:00Z,1,2026-01-10T00:00:00Z
            L3,2026-01-01T00:00:00Z,1,2026-01-20T00:00:00Z
            L4,2026-01-01T00:00:00Z,1,2026-02-05T00:00:00Z
            L5,2026-01-01T00:00:00Z,0,
            L6,2026-01-01T00:00:00Z,0,
            L7,2026-01-01T00:00:00Z,1,2026-02-25T00:00:00Z
            L8,2026-01-01T00:00:00Z,0,
            """;
    static final String EVENTS = """
            lead_id,event,timestamp
            L1,trial_booked,2026-01-15T00:00:00Z
            L2,trial_booked,2026-01-10T00:00:00Z
            L3,trial_booked,2026-01-12T00:00:00Z
            L5,trial_booked,2026-01-11T00:00:00Z
            L1,trial_booked,2026-02-03T00:00:00Z
            L7,trial_booked,2026-03-01T00:00:00Z
            L4,trial_booked,2026-03-02T00:00:00Z
            L6,page_view,2026-02-26T00:00:00Z
            L4,email_open,2026-01-11T00:00:00Z
            """;
    // Lines 2-9 are good; line 4's entered_at is the same instant as line 2's, at +08:00; line 8 is L1
    // entering again. Lines 10-17 are each refused for one reason.
    static final String ENTRIES = """
            lead_id,plan,group,bucket,entered_at,grade,score100
            L1,nurture,treated,12,2026-01-10T00:00:00Z,A,55
            L2,nurture,treated,40,2026-01-10T00:00:00+00:00,A,52
            L3,nurture,treated,77,2026-01-10T08:00:00+08:00,B,45
            L4,nurture,control,3,2026-01-10T00:00:00Z,A,60
            L5,nurture,control,5,2026-01-10T00:00:00Z,B,41
            L6,nurture,treated,88,2026-02-25T00:00:00Z,B,44
            L1,nurture,treated,12,2026-02-01T00:00:00Z,A,58
            L7,nurture,control,9,2026-02-24T00:00:00Z,A,50
            L8,nurture,holdout,1,2026-01-10T00:00:00Z,A,50
            L8,nurtur,control,1,2026-01-10T00:00:00Z,A,50
            L8,nurture,control,10000,2026-01-10T00:00:00Z,A,50
            L8,nurture,control,1,yesterday,A,50
            L9,nurture,control,1,2026-01-10T00:00:00Z,A,50
            L1,nurture,treated,12,2026-01-10T00:00:00Z,A,55
            L8,nurture,control,1,2026-01-10T00:00:00Z,A,101
            L8,nurture,control,1
            """;

    @TempDir
    Path dir;

    private UpliftWorkflow.Request request(Path out, double maxRejectShare) throws IOException {
        Files.writeString(dir.resolve("plans.yaml"), PLANS);
        Files.writeString(dir.resolve("leads.csv"), LEADS);
        Files.writeString(dir.resolve("events.csv"), EVENTS);
        Files.writeString(dir.resolve("entries.csv"), ENTRIES);
        return new UpliftWorkflow.Request(dir.resolve("entries.csv"), dir.resolve("plans.yaml"), dir.resolve("leads.csv"),
                dir.resolve("events.csv"), "2026-03-01T00:00:00Z", out, InputFormat.DEFAULT, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), maxRejectShare, UpliftWorkflow.DEFAULT_MIN_CONTROL,
                UpliftWorkflow.DEFAULT_MIN_EFFECT);
    }

    @Test
    void countsEachEntryAgainstEachGoalByHand() throws IOException {
        UpliftWorkflow.Outcome o = UpliftWorkflow.run(request(dir.resolve("out"), 0.5), n -> { });
        assertThat(o.entriesRead()).isEqualTo(16);
        assertThat(o.entriesRejected()).isEqualTo(8);
        assertThat(o.events().afterAsOf()).as("L4's trial_booked on 03-02 is after the as-of instant").isEqualTo(1);
        List<UpliftRow> rows = o.rows();
        // trial-booked, 5 days. Treated: L1 (01-10) books at 01-15T00:00, its deadline exactly: a success;
        // L2 books at its entered_at: not after it, no success; L3 (01-12) a success; L6 (entered 02-25,
        // deadline 03-02 after the as-of) pending; L1 again (02-01, books 02-03) a success, on its own.
        // Control: L4 nothing in its window (its 03-02 booking is invisible); L5 (01-11) a success;
        // L7 (02-24, deadline 03-01T00:00 = the as-of, decided) books at 03-01T00:00: a success.
        assertRow(rows.get(0), "trial-booked", Optional.empty(), 5, 1, 3, 3, 0, 2);
        assertRow(rows.get(1), "trial-booked", Optional.of("A"), 3, 0, 2, 2, 0, 1);
        assertRow(rows.get(2), "trial-booked", Optional.of("B"), 2, 1, 1, 1, 0, 1);
        // paid, 30 days, from converted_at. Pending: L6, L1 again (deadline 03-03) and L7 (03-26).
        // Treated decided: L1 never converts; L2 converts at its entered_at (not after it); L3 on 01-20: 1 of 3.
        // Control decided: L4 on 02-05, within 01-10 + 30d = 02-09; L5 never: 1 of 2.
        assertRow(rows.get(3), "paid", Optional.empty(), 5, 2, 1, 3, 1, 1);
        assertRow(rows.get(4), "paid", Optional.of("A"), 3, 1, 0, 2, 1, 1);
        assertRow(rows.get(5), "paid", Optional.of("B"), 2, 1, 1, 1, 0, 0);
        assertThat(rows).hasSize(6);
        UpliftRow all = rows.get(0);
        assertThat(all.treatedRate()).isEqualTo(0.75);
        assertThat(all.controlRate()).isEqualTo(2.0 / 3);
        ProportionDifference d = ProportionDifference.of(3, 4, 2, 3);
        assertThat(all.difference()).isEqualTo(d.difference());
        assertThat(all.lower()).isEqualTo(d.lower());
        assertThat(all.upper()).isEqualTo(d.upper());
        assertThat(all.relativeUplift()).isCloseTo(0.125, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(all.warning()).contains("only 3 control entries are decided, under --min-control 100: too few to tell");
        assertThat(rows.get(5).relativeUplift()).as("over a control rate of 0").isNaN();
        assertThat(o.overall()).containsExactly(rows.get(0), rows.get(3));
        assertThat(o.written()).containsExactly(dir.resolve("out/uplift.csv"), dir.resolve("out/uplift.html"),
                dir.resolve("out/entry-rejects.csv"));
    }

    /**
     * A goal in hours, and entries without an offset read in the zone: L1 enters at 08:00 local, which is
     * 00:00Z in Asia/Shanghai (12h deadline 12:00Z, so its reply at 19:00Z is too late) but 08:00Z in UTC
     * (deadline 20:00Z: in time). L2's reply is exactly at its deadline, 20:00+08:00 = 12:00Z, in both.
     */
    @Test
    void entriesWithoutAnOffsetAreReadInTheZoneAndHoursAreHours() throws IOException {
        Files.writeString(dir.resolve("plans.yaml"), "plans:\n  - name: p\n"
                + "    goals: [{name: reply, event: reply, within: 12h}]\n");
        Files.writeString(dir.resolve("leads.csv"), "lead_id,created_at\nL1,2026-01-01\nL2,2026-01-01\n");
        Files.writeString(dir.resolve("events.csv"), "lead_id,event,timestamp\nL1,reply,2026-01-10T19:00:00Z\n"
                + "L2,reply,2026-01-10T20:00:00+08:00\n");
        Files.writeString(dir.resolve("entries.csv"), "lead_id,plan,group,bucket,entered_at,grade,score100\n"
                + "L1,p,treated,1,2026-01-10 08:00,A,50\nL2,p,control,2,2026-01-10T00:00:00Z,A,50\n");
        for (String zone : List.of("Asia/Shanghai", "UTC")) {
            UpliftWorkflow.Outcome o = UpliftWorkflow.run(new UpliftWorkflow.Request(dir.resolve("entries.csv"),
                    dir.resolve("plans.yaml"), dir.resolve("leads.csv"), dir.resolve("events.csv"), "2026-01-11",
                    dir.resolve(zone.replace('/', '-')), InputFormat.DEFAULT.withZone(java.time.ZoneId.of(zone)),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0.0, 100, 0.01), n -> { });
            assertRow(o.rows().get(0), "reply", Optional.empty(), 1, 0, zone.equals("UTC") ? 1 : 0, 1, 0, 1);
        }
    }

    private static void assertRow(UpliftRow r, String goal, Optional<String> grade, long tEntries, long tPending,
            long tSuccesses, long cEntries, long cPending, long cSuccesses) {
        assertThat(r.goal()).isEqualTo(goal);
        assertThat(r.grade()).isEqualTo(grade);
        assertThat(new long[] {r.treatedEntries(), r.treatedPending(), r.treatedSuccesses(), r.controlEntries(),
            r.controlPending(), r.controlSuccesses()}).as(goal + " " + grade)
                .containsExactly(tEntries, tPending, tSuccesses, cEntries, cPending, cSuccesses);
    }

    @Test
    void badEntriesGoToTheRejectsFileWithLineAndReason() throws IOException {
        UpliftWorkflow.run(request(dir.resolve("out"), 0.5), n -> { });
        List<String> rejects = Files.readAllLines(dir.resolve("out/entry-rejects.csv"));
        assertThat(rejects).containsExactly(
                "line,reason,lead_id,plan,group,bucket,entered_at,grade,score100",
                "10,column 'group': value 'holdout' is not treated or control,L8,nurture,holdout,1,2026-01-10T00:00:00Z,A,50",
                "11,plan 'nurtur' is not in the plans file; did you mean 'nurture'?,L8,nurtur,control,1,2026-01-10T00:00:00Z,"
                        + "A,50",
                "12,column 'bucket': value '10000' is not a whole number from 0 to 9999,L8,nurture,control,10000,"
                        + "2026-01-10T00:00:00Z,A,50",
                "13,column 'entered_at': value 'yesterday' is not a time,L8,nurture,control,1,yesterday,A,50",
                "14,lead_id 'L9' is not in the leads file,L9,nurture,control,1,2026-01-10T00:00:00Z,A,50",
                "15,\"repeats the lead_id, plan and entered_at of line 2\",L1,nurture,treated,12,2026-01-10T00:00:00Z,A,55",
                "16,column 'score100': value '101' is not a number from 0 to 100,L8,nurture,control,1,2026-01-10T00:00:00Z,"
                        + "A,101",
                "17,\"expected 7 fields as in the header, found 4\",L8,nurture,control,1");
    }

    @Test
    void overTheRejectShareNothingButTheRejectsIsWritten() throws IOException {
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> UpliftWorkflow.run(request(out, 0.25), n -> { }))
                .isInstanceOf(InputDataException.class)
                .hasMessage(dir.resolve("entries.csv") + ": 8 of 16 rows (50.00 %) could not be used, over"
                        + " --max-reject-share 0.25; nothing was written to " + out.resolve("uplift.csv") + "; see "
                        + out.resolve("entry-rejects.csv"));
        assertThat(out.resolve("uplift.csv")).doesNotExist();
        assertThat(out.resolve("entry-rejects.csv")).exists();
    }

    @Test
    void writesTheCsvAndThePageByteForByteTheSameOnARerun() throws IOException {
        UpliftWorkflow.run(request(dir.resolve("a"), 0.5), n -> { });
        UpliftWorkflow.run(request(dir.resolve("b"), 0.5), n -> { });
        for (String f : List.of("uplift.csv", "uplift.html", "entry-rejects.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
        }
        List<String> csv = Files.readAllLines(dir.resolve("a/uplift.csv"));
        assertThat(csv.get(0)).isEqualTo("plan,goal,event,within,grade,treated_entries,treated_pending,treated_n,"
                + "treated_successes,treated_rate,control_entries,control_pending,control_n,control_successes,control_rate,"
                + "difference,ci_lower,ci_upper,relative_uplift,warning");
        // 3/4 against 2/3, by hand: Wilson 0.3006 to 0.9544 and 0.2077 to 0.9385, so the difference 0.0833 has
        // 0.0833 - sqrt(0.4494^2 + 0.2718^2) = -0.4419 and 0.0833 + sqrt(0.2044^2 + 0.4590^2) = 0.5858.
        assertThat(csv.get(1)).isEqualTo("nurture,trial-booked,trial_booked,5d,,5,1,4,3,0.75,3,0,3,2,0.666666666666667,"
                + "0.083333,-0.441853,0.585799,0.125,\"only 3 control entries are decided, under --min-control 100: too few"
                + " to tell\"");
        // 1/1 against 0/1: Wilson's 1/1 starts at 1/(1 + z^2) = 0.206546 and 0/1 ends at z^2/(1 + z^2) = 0.793454,
        // so the lower end is 1 - sqrt(2) * 0.793454 = -0.122109; the upper end is capped at 1.
        assertThat(csv.get(6)).as("a relative uplift over a control rate of 0 is empty").isEqualTo("nurture,paid,converted,"
                + "30d,B,2,1,1,1,1,1,0,1,0,0,1,-0.122109,1,,\"only 1 control entry is decided, under --min-control 100: too"
                + " few to tell\"");
        assertThat(csv).hasSize(7);
    }

}
