package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, activation: journeys night by night (steps, waits, conditions on responses, a response
 * that stops, the end that tags and leads into another plan), quiet hours in each lead's zone,
 * do-not-disturb, the sale lock, limits, priorities and preemption, the control split and the state
 * across runs — every outcome worked out by hand from the fixture.
 */
class ActivateWorkflowTest {
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private ActivateWorkflow.Outcome night(Path plans, Path scores, String asOf, Optional<Path> dnd) throws IOException {
        return night(plans, List.of(scores), asOf, dnd, dir.resolve("state"));
    }

    private ActivateWorkflow.Outcome night(Path plans, List<Path> scores, String asOf, Optional<Path> dnd, Path state)
            throws IOException {
        return ActivateWorkflow.run(new ActivateWorkflow.Request(plans, dir.resolve("leads.csv"), scores,
                Optional.of(dir.resolve("events.csv")), dnd, asOf, dir.resolve("out-" + asOf), state, InputFormat.DEFAULT,
                false, 0.5));
    }

    private List<String> lines(String asOf, String file) throws IOException {
        List<String> all = Files.readAllLines(dir.resolve("out-" + asOf).resolve(file));
        return all.subList(1, all.size());
    }

    /** activations.csv without the send time and key: lead, plan, step, outcome, reason. */
    private List<String> steps(String asOf) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : lines(asOf, ActivateWorkflow.ACTIVATIONS_CSV)) {
            String[] f = l.split(",", -1);
            out.add(f[0] + " " + f[1] + " " + f[2] + " " + f[4] + (f[5].isEmpty() ? "" : " " + f[5]));
        }
        return out;
    }

    private void journeyFixture() throws IOException {
        write("leads.csv", "lead_id,channel,created_at,converted_at", "L1,web,2026-05-01,", "L2,web,2026-05-01,",
                "L3,web,2026-05-01,", "L4,web,2026-05-01,");
        write("events.csv", "lead_id,event,timestamp",
                "L2,app_open,2026-06-01T10:00:00Z", // after L2 entered: push-2 is skipped
                "L3,wechat_add,2026-06-04T09:00:00Z", // seen on the night of 06-05: stops L3's journey
                "L1,app_open,2026-05-20T10:00:00Z"); // before L1 entered: not a response
        write("scores.csv", "lead_id,score100,grade", "L1,40,B", "L2,39,B", "L3,38,B", "L4,10,D");
    }

    private Path journeyPlans() throws IOException {
        return write("plans.yaml", "control: 0", "plans:",
                "  - name: journey", "    priority: 1", "    audience: \"grade == 'B'\"",
                "    steps:", "      - {name: push-1, channel: push}",
                "      - {name: push-2, channel: push, after: 2d, when: \"responses(app_open) == 0\"}",
                "      - {name: sms, channel: sms, after: 2d}",
                "    responses:", "      - {event: wechat_add, tag: wechat-responsive, stop: true}",
                "    end: {after: 1d, tag: lost, then: again}",
                "  - name: again", "    priority: 2", "    audience: \"false\"", "    control: 0",
                "    steps:", "      - {name: wake, channel: sms}");
    }

    @Test
    void aJourneyNightByNight() throws IOException {
        journeyFixture();
        Path plans = journeyPlans();
        Path scores = dir.resolve("scores.csv");
        night(plans, scores, "2026-06-01", Optional.empty());
        assertThat(steps("2026-06-01")).containsExactly("L1 journey push-1 sent", "L2 journey push-1 sent",
                "L3 journey push-1 sent");
        night(plans, scores, "2026-06-02", Optional.empty());
        assertThat(steps("2026-06-02")).isEmpty(); // push-2 waits 2 days
        night(plans, scores, "2026-06-03", Optional.empty());
        assertThat(steps("2026-06-03")).containsExactly("L1 journey push-2 sent", "L2 journey push-2 skipped condition",
                "L3 journey push-2 sent");
        night(plans, scores, "2026-06-04", Optional.empty());
        assertThat(steps("2026-06-04")).isEmpty(); // L3's wechat_add is after this night
        night(plans, scores, "2026-06-05", Optional.empty());
        // L3 responded (stopped, tagged); L1 and L2 get the SMS two days after push-2 (sent or skipped).
        assertThat(steps("2026-06-05")).containsExactly("L1 journey sms sent", "L2 journey sms sent");
        ActivateWorkflow.Outcome six = night(plans, scores, "2026-06-06", Optional.empty());
        // A day after the last step L1 and L2 end, tagged lost, and enter 'again' whose first step goes at once.
        assertThat(steps("2026-06-06")).containsExactly("L1 again wake sent", "L2 again wake sent");
        assertThat(lines("2026-06-06", ActivateWorkflow.JOURNEYS_CSV)).containsExactly(
                "L1,again,treated,8113,2026-06-06T00:00:00Z,ended,1,2026-06-06T00:00:00Z,2026-06-06T00:00:00Z,completed,",
                "L1,journey,treated,4325,2026-06-01T00:00:00Z,ended,3,2026-06-05T00:00:00Z,2026-06-06T00:00:00Z,completed,lost",
                "L2,again,treated,9668,2026-06-06T00:00:00Z,ended,1,2026-06-06T00:00:00Z,2026-06-06T00:00:00Z,completed,",
                "L2,journey,treated,1261,2026-06-01T00:00:00Z,ended,3,2026-06-05T00:00:00Z,2026-06-06T00:00:00Z,completed,lost",
                "L3,journey,treated,7102,2026-06-01T00:00:00Z,ended,2,2026-06-03T00:00:00Z,2026-06-05T00:00:00Z,"
                        + "responded:wechat_add,wechat-responsive");
        // L3 is in the audience again, but a lead re-enters a plan only 30 days after its entry.
        ActivateWorkflow.PlanOutcome journey = six.plans().get(0);
        assertThat(journey.audience()).isEqualTo(3);
        assertThat(journey.notEntered()).containsEntry("reenter-wait", 3L);
        ActivateWorkflow.PlanOutcome again = six.plans().get(1);
        assertThat(again.forced()).isEqualTo(2);
        assertThat(again.treated()).isEqualTo(2);
        assertThat(lines("2026-06-06", ActivateWorkflow.ENTRIES_CSV)).containsExactly(
                "L1,journey,treated,4325,2026-06-01T00:00:00Z,B,40", "L2,journey,treated,1261,2026-06-01T00:00:00Z,B,39",
                "L3,journey,treated,7102,2026-06-01T00:00:00Z,B,38", "L1,again,treated,8113,2026-06-06T00:00:00Z,B,40",
                "L2,again,treated,9668,2026-06-06T00:00:00Z,B,39");
    }

    @Test
    void theSameNightAgainWritesTheSameOutputsAndDecidesNothingNew() throws IOException {
        journeyFixture();
        Path plans = journeyPlans();
        Path scores = dir.resolve("scores.csv");
        night(plans, scores, "2026-06-01", Optional.empty());
        byte[] first = Files.readAllBytes(dir.resolve("out-2026-06-01").resolve(ActivateWorkflow.MESSAGES_JSONL));
        Files.delete(dir.resolve("out-2026-06-01").resolve(ActivateWorkflow.MESSAGES_JSONL));
        // Even with other scores, the night was decided: the same messages, nothing sent twice.
        write("scores.csv", "lead_id,score100,grade", "L1,40,B", "L2,39,B", "L3,38,B", "L4,10,B");
        ActivateWorkflow.Outcome again = night(plans, scores, "2026-06-01", Optional.empty());
        assertThat(again.resumed()).isTrue();
        assertThat(Files.readAllBytes(dir.resolve("out-2026-06-01").resolve(ActivateWorkflow.MESSAGES_JSONL)))
                .isEqualTo(first);
        assertThat(lines("2026-06-01", ActivateWorkflow.ENTRIES_CSV)).hasSize(3);
        assertThatThrownBy(() -> night(plans, scores, "2026-05-31", Optional.empty()))
                .isInstanceOf(InputDataException.class)
                .hasMessageContaining("--as-of 2026-05-31 is before it, and activation does not go back");
    }

    @Test
    void twoFreshStatesGiveByteIdenticalOutputs() throws IOException {
        journeyFixture();
        Path plans = journeyPlans();
        List<Path> scores = List.of(dir.resolve("scores.csv"));
        List<byte[]> a = new ArrayList<>();
        for (String night : List.of("2026-06-01", "2026-06-03", "2026-06-05", "2026-06-06")) {
            night(plans, scores, night, Optional.empty(), dir.resolve("state-a"));
            for (String f : List.of(ActivateWorkflow.ACTIVATIONS_CSV, ActivateWorkflow.MESSAGES_JSONL,
                    ActivateWorkflow.JOURNEYS_CSV, ActivateWorkflow.SUMMARY_CSV, ActivateWorkflow.ENTRIES_CSV)) {
                a.add(Files.readAllBytes(dir.resolve("out-" + night).resolve(f)));
            }
        }
        int k = 0;
        for (String night : List.of("2026-06-01", "2026-06-03", "2026-06-05", "2026-06-06")) {
            night(plans, scores, night, Optional.empty(), dir.resolve("state-b"));
            for (String f : List.of(ActivateWorkflow.ACTIVATIONS_CSV, ActivateWorkflow.MESSAGES_JSONL,
                    ActivateWorkflow.JOURNEYS_CSV, ActivateWorkflow.SUMMARY_CSV, ActivateWorkflow.ENTRIES_CSV)) {
                assertThat(Files.readAllBytes(dir.resolve("out-" + night).resolve(f))).as(night + " " + f)
                        .isEqualTo(a.get(k++));
            }
        }
    }

    @Test
    void quietHoursInEachLeadsZone() throws IOException {
        write("leads.csv", "lead_id,channel,created_at,timezone", "S,web,2026-05-01,Asia/Shanghai",
                "N,web,2026-05-01,America/New_York", "U,web,2026-05-01,", "T,web,2026-05-01,Asia/Tokyo",
                "X,web,2026-05-01,Mars/Olympus");
        write("events.csv", "lead_id,event,timestamp");
        Path scores = write("scores.csv", "lead_id,score100,grade", "S,50,B", "N,50,B", "U,50,B", "T,50,B", "X,50,B");
        Path plans = write("plans.yaml", "control: 0", "plans:", "  - name: p", "    priority: 1",
                "    audience: \"true\"", "    quietHours: {from: \"21:00\", to: \"08:00\"}");
        // 16:00 UTC: 00:00 in Shanghai (quiet until 08:00), 12:00 in New York, 16:00 UTC, 01:00 in Tokyo.
        night(plans, scores, "2026-06-01T16:00:00Z", Optional.empty());
        List<String> sendAt = new ArrayList<>();
        for (String l : lines("2026-06-01T16:00:00Z", ActivateWorkflow.ACTIVATIONS_CSV)) {
            String[] f = l.split(",", -1);
            sendAt.add(f[0] + " " + f[6]);
        }
        assertThat(sendAt).containsExactly("S 2026-06-02T08:00:00+08:00",
                "N 2026-06-01T12:00:00-04:00", "U 2026-06-01T16:00:00Z", "T 2026-06-02T08:00:00+09:00",
                "X 2026-06-01T16:00:00Z");
    }

    @Test
    void doNotDisturbSaleLockLimitsAndTheirCounts() throws IOException {
        write("leads.csv", "lead_id,channel,created_at,converted_at", "A,web,2026-05-01,", "B,web,2026-05-01,",
                "C,web,2026-05-01,2026-05-25", "D,web,2026-05-01,2026-04-01", "E,web,2026-05-01,", "F,web,2026-05-01,",
                "G,web,2026-05-01,");
        write("events.csv", "lead_id,event,timestamp");
        Path scores = write("scores.csv", "lead_id,score100,grade,team", "A,90,A,x", "B,80,A,x", "C,70,A,x",
                "D,60,A,y", "E,50,A,x", "F,40,A,y", "G,30,A,y");
        Path dnd = write("dnd.csv", "lead_id,until", "B,", "E,2026-05-30", "nobody,");
        Path plans = write("plans.yaml", "control: 0", "plans:", "  - name: p", "    priority: 1",
                "    audience: \"grade == 'A'\"", "    saleLock: 30d", "    limits: {perDay: 3, perTeam: {column: team,"
                        + " max: 2}}");
        ActivateWorkflow.Outcome o = night(plans, scores, "2026-06-01", Optional.of(dnd));
        // B on the list; E's entry expired; C sold 7 days ago (locked), D 61 days ago (free).
        // Free, by score: A(x) E(x) D(y) F(y) G(y): A, E enter (team x full), D, F (team y), G over the day's 3? No:
        // the day's limit is 3: A, E, D enter; F is over the limit, G too.
        assertThat(steps("2026-06-01")).containsExactly("A p notify sent", "D p notify sent", "E p notify sent");
        assertThat(lines("2026-06-01", ActivateWorkflow.NOT_ENTERED_CSV)).containsExactly("B,p,do-not-disturb",
                "C,p,sale-lock", "F,p,over-limit", "G,p,over-limit");
        ActivateWorkflow.PlanOutcome p = o.plans().get(0);
        assertThat(p.audience()).isEqualTo(7);
        assertThat(p.treated() + p.control() + p.alreadyIn() + p.taken()
                + p.notEntered().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(p.audience());
    }

    @Test
    void aTeamLimitBindsBeforeTheDaysLimit() throws IOException {
        write("leads.csv", "lead_id,channel,created_at", "A,web,2026-05-01", "B,web,2026-05-01", "C,web,2026-05-01",
                "D,web,2026-05-01");
        write("events.csv", "lead_id,event,timestamp");
        Path scores = write("scores.csv", "lead_id,score100,grade,team", "A,90,A,x", "B,80,A,x", "C,70,A,x",
                "D,60,A,y");
        Path plans = write("plans.yaml", "control: 0", "plans:", "  - name: p", "    priority: 1",
                "    audience: \"true\"", "    limits: {perDay: 3, perTeam: {column: team, max: 2}}");
        night(plans, scores, "2026-06-01", Optional.empty());
        assertThat(steps("2026-06-01")).containsExactly("A p notify sent", "B p notify sent", "D p notify sent");
        assertThat(lines("2026-06-01", ActivateWorkflow.NOT_ENTERED_CSV)).containsExactly("C,p,over-team-limit");
    }

    @Test
    void aMoreImportantPlanTakesTheLeadOutOfALesserJourney() throws IOException {
        write("leads.csv", "lead_id,channel,created_at", "A,web,2026-05-01");
        write("events.csv", "lead_id,event,timestamp");
        Path plans = write("plans.yaml", "control: 0", "plans:",
                "  - name: sales", "    priority: 1", "    audience: \"grade == 'A'\"",
                "  - name: nurture", "    priority: 2", "    audience: \"grade == 'C'\"", "    steps:",
                "      - {name: one}", "      - {name: two, after: 3d}");
        Path scores = write("scores.csv", "lead_id,score100,grade", "A,30,C");
        night(plans, scores, "2026-06-01", Optional.empty());
        assertThat(steps("2026-06-01")).containsExactly("A nurture one sent");
        write("scores.csv", "lead_id,score100,grade", "A,80,A");
        ActivateWorkflow.Outcome o = night(plans, scores, "2026-06-02", Optional.empty());
        assertThat(steps("2026-06-02")).containsExactly("A sales notify sent");
        assertThat(o.plans().get(1).ended()).containsEntry("preempted", 1L);
        assertThat(lines("2026-06-02", ActivateWorkflow.JOURNEYS_CSV)).anyMatch(l -> l.startsWith("A,nurture,")
                && l.contains(",ended,") && l.contains("preempted:sales"));
        write("scores.csv", "lead_id,score100,grade", "A,30,C");
        night(plans, scores, "2026-06-05", Optional.empty());
        assertThat(steps("2026-06-05")).isEmpty(); // step two never goes: the journey ended
    }

    @Test
    void previousGradeSeesTheLastNight() throws IOException {
        write("leads.csv", "lead_id,channel,created_at", "A,web,2026-05-01", "B,web,2026-05-01");
        write("events.csv", "lead_id,event,timestamp");
        Path plans = write("plans.yaml", "control: 0", "plans:", "  - name: newly-a", "    priority: 1",
                "    audience: \"grade == 'A' and previousGrade != 'A'\"", "    reenter: 1d");
        Path scores = write("scores.csv", "lead_id,score100,grade", "A,80,A", "B,30,C");
        night(plans, scores, "2026-06-01", Optional.empty());
        assertThat(steps("2026-06-01")).containsExactly("A newly-a notify sent");
        write("scores.csv", "lead_id,score100,grade", "A,80,A", "B,85,A");
        night(plans, scores, "2026-06-02", Optional.empty());
        assertThat(steps("2026-06-02")).containsExactly("B newly-a notify sent"); // A was A the night before
    }

    @Test
    void theControlGroupIsAStableHashAndIsNeverSent() throws IOException {
        List<String> leads = new ArrayList<>(List.of("lead_id,channel,created_at"));
        List<String> scores = new ArrayList<>(List.of("lead_id,score100,grade"));
        for (int i = 0; i < 2000; i++) {
            leads.add("L" + i + ",web,2026-05-01");
            scores.add("L" + i + ",50,B");
        }
        write("leads.csv", leads.toArray(String[]::new));
        write("events.csv", "lead_id,event,timestamp");
        Path s = write("scores.csv", scores.toArray(String[]::new));
        Path plans = write("plans.yaml", "plans:", "  - name: p", "    priority: 1", "    audience: \"true\"",
                "    control: 0.25");
        ActivateWorkflow.Outcome o = night(plans, s, "2026-06-01", Optional.empty());
        long control = 0;
        for (String l : lines("2026-06-01", ActivateWorkflow.ENTRIES_CSV)) {
            String[] f = l.split(",");
            assertThat(f[2]).isEqualTo(Integer.parseInt(f[3]) < 2500 ? "control" : "treated");
            control += f[2].equals("control") ? 1 : 0;
        }
        assertThat(o.plans().get(0).control()).isEqualTo(control);
        // 25 % of 2000 = 500; a binomial's standard deviation here is about 19.4.
        assertThat(control).isBetween(440L, 560L);
        assertThat(lines("2026-06-01", ActivateWorkflow.ACTIVATIONS_CSV)).hasSize((int) (2000 - control));
        for (String l : lines("2026-06-01", ActivateWorkflow.ACTIVATIONS_CSV)) {
            String lead = l.substring(0, l.indexOf(','));
            assertThat(Buckets.of(lead, "p")).isGreaterThanOrEqualTo(2500);
        }
    }

    @Test
    void bucketsAreSha256OfLeadAndPlan() {
        // Computed independently with Python's hashlib: int.from_bytes(sha256(lead + b'\0' + plan)[:8], 'big') % 10000.
        assertThat(Buckets.of("L1", "journey")).isEqualTo(4325);
        assertThat(Buckets.of("L0000001", "sales-ready")).isEqualTo(8719);
        assertThat(Buckets.of("lead-\u00e9", "nurture")).isEqualTo(6341);
    }

    @Test
    void badPlansNameTheLineAndKey() throws IOException {
        journeyFixture();
        Path scores = dir.resolve("scores.csv");
        assertThatThrownBy(() -> night(write("p1.yaml", "plans:", "  - name: a", "    priority: 1", "    audience: x",
                "    audince: y"), scores, "2026-06-01", Optional.empty()))
                .isInstanceOf(InputDataException.class).hasMessageContaining("line 5")
                .hasMessageContaining("key 'plans[1].audince': unknown key; did you mean 'audience'?");
        assertThatThrownBy(() -> night(write("p2.yaml", "plans:", "  - name: a", "    priority: 1",
                "    audience: \"grade == 'B' and scroe100 > 3\""), scores, "2026-06-01", Optional.empty()))
                .isInstanceOf(InputDataException.class)
                .hasMessageContaining("line 4: key 'plans[1].audience': column 18: unknown name 'scroe100'; did you mean"
                        + " 'score100'?");
        assertThatThrownBy(() -> night(write("p3.yaml", "plans:", "  - name: a", "    priority: 1",
                "    audience: \"true\"", "    payload: '{\"grade\": \"{{grade}}\"}'"), scores, "2026-06-01",
                Optional.empty())).isInstanceOf(InputDataException.class)
                .hasMessageContaining("key 'plans[1].payload': the payload is not JSON once each {{name}} is a value");
        assertThatThrownBy(() -> night(write("p4.yaml", "plans:", "  - name: a", "    priority: 1",
                "    audience: \"true\"", "    end: {then: nurtur}", "  - name: nurture", "    priority: 2",
                "    audience: \"true\""), scores, "2026-06-01", Optional.empty()))
                .isInstanceOf(InputDataException.class)
                .hasMessageContaining("end.then names plan 'nurtur', which is not in the file; did you mean 'nurture'?");
        assertThatThrownBy(() -> night(write("p5.yaml", "plans:", "  - name: a", "    priority: 1",
                "    audience: \"responses(app_open) > 0\""), scores, "2026-06-01", Optional.empty()))
                .isInstanceOf(InputDataException.class)
                .hasMessageContaining("use it in a step's when, not in an audience");
        assertThatThrownBy(() -> night(write("p6.yaml", "plans:", "  - name: a", "    priority: 1",
                "    audience: \"true\"", "  - name: b", "    priority: 1", "    audience: \"true\""), scores,
                "2026-06-01", Optional.empty())).isInstanceOf(InputDataException.class)
                .hasMessageContaining("priorities are unique");
        assertThatThrownBy(() -> night(write("p7.yaml", "plans:", "  - name: a", "    priority: 1",
                "    audience: \"true\"", "    payload: '{\"x\": {{secret_column}}}'"), scores, "2026-06-01",
                Optional.empty())).isInstanceOf(InputDataException.class)
                .hasMessageContaining("payload names {{secret_column}}, which is neither a column of the scores files");
        assertThatThrownBy(() -> night(write("p8.yaml", "plans:", "  - name: a", "    priority: 1",
                "    audience: \"true\"", "    control: 0.95"), scores, "2026-06-01", Optional.empty()))
                .isInstanceOf(InputDataException.class).hasMessageContaining("key 'plans[1].control': 0.95 is not a"
                        + " share from 0 to 0.9");
        assertThatThrownBy(() -> night(write("p9.yaml", "plans:", "  - name: a", "    priority: 1",
                "    audience: \"true\"", "    limits: {perDay: 5, perTeam: {column: grade, max: 5}}"), scores,
                "2026-06-01", Optional.empty())).isInstanceOf(InputDataException.class)
                .hasMessageContaining("max 5 per team can never bind: perDay is 5");
    }

    @Test
    void aSecondRunOnTheSameStateIsRefused() throws IOException {
        journeyFixture();
        try (ActivationStore held = ActivationStore.open(dir.resolve("state"))) {
            assertThat(held.lastAsOf()).isEmpty();
            assertThatThrownBy(() -> night(journeyPlans(), dir.resolve("scores.csv"), "2026-06-01", Optional.empty()))
                    .isInstanceOf(InputDataException.class)
                    .hasMessageContaining("another run is using this state (its file is locked)");
        }
    }

    @Test
    void scoresRowsThatCannotBeUsedAreRejectedWithTheirLineAndTooManyStopTheNight() throws IOException {
        journeyFixture();
        Path scores = write("scores.csv", "lead_id,score100,grade", "L1,40,B", "L9,39,B", "L1,41,B", "L3,38", "L2,39,B",
                "L4,10,D"); // 3 of 6 rejected: at the 0.5 these runs allow
        ActivateWorkflow.Outcome o = night(journeyPlans(), scores, "2026-06-01", Optional.empty());
        assertThat(Files.readAllLines(dir.resolve("out-2026-06-01").resolve("scores-rejects.csv"))).containsExactly(
                "line,reason,lead_id,score100,grade",
                "3,lead 'L9' is not in the leads file (or was rejected there),L9,39,B",
                "4,lead 'L1' is already on line 2,L1,41,B",
                "5,\"expected 3 fields as in the header, found 2\",L3,38");
        assertThat(steps("2026-06-01")).containsExactly("L1 journey push-1 sent", "L2 journey push-1 sent");
        assertThat(o.plans().get(0).audience()).isEqualTo(2);
        // Over the share, the night is not decided: the state stays empty.
        write("scores.csv", "lead_id,score100,grade", "L1,40,B", "L9,39,B", "L1,41,B", "L3,38", "L2,1,B");
        assertThatThrownBy(() -> ActivateWorkflow.run(new ActivateWorkflow.Request(journeyPlans(),
                dir.resolve("leads.csv"), List.of(scores), Optional.of(dir.resolve("events.csv")), Optional.empty(),
                "2026-06-01", dir.resolve("out-x"), dir.resolve("state-x"), InputFormat.DEFAULT, false, 0.1)))
                .isInstanceOf(InputDataException.class)
                .hasMessageContaining("3 of 5 rows (60.00 %) could not be used, over --max-reject-share 0.1; nothing was"
                        + " decided");
        try (ActivationStore s = ActivationStore.open(dir.resolve("state-x"))) {
            assertThat(s.lastAsOf()).isEmpty();
        }
    }
}
