package dev.scorecard.crm.rules;

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

/** Issue 14, acceptance 1: decay, each cap and their order, conditions, clamping and grades, worked out by hand. */
class RulesWorkflowTest {
    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.copy(Path.of("src/test/resources/rules", name), p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return p;
    }

    private RulesWorkflow.Outcome run(Path rules, List<String> explain) throws IOException {
        return RulesWorkflow.run(new RulesWorkflow.Request(copy("lead-rows.csv"), copy("events.csv"), rules,
                Optional.of(copy("channels.csv")), "2026-11-30", dir.resolve("out"), InputFormat.DEFAULT, false,
                Optional.empty(), explain, Optional.empty(), Optional.empty(), Optional.empty(), 0.9), n -> { });
    }

    @Test
    void everyStepInItsOrder() throws IOException {
        RulesWorkflow.Outcome o = run(copy("rules.yaml"), List.of("A", "E"));
        // As of 2026-11-30T00:00:00Z. Start = channel score x 10 x 0.5: A search/baidu 8 -> 40, B feed (no douyin row) 4
        // -> 20, D agent 3 -> 15, E unknownch -> the (unseen) row's 2 -> 10. C is created after the as-of instant.
        // Lead A:
        //   trial_booked 11-20, 10 days old, half-life 10d: 20 x 0.5 = 10
        //   live_joined 11-25, 5 days: 10 x 0.5^0.5 = 7.0711 -> 7.07
        //   course_view: english 11-29 and 11-28 (8 each), math 11-27 and 11-10 (5 each) = 26, perType cap 20 -> -6
        //   page_view: 11-29 01:00, 02:00 give 2 + 2; 03:00 only 1 (daily cap 5); 04:00 0; 11-20 (within 30d) 2 x 0.5
        //     = 1; 10-20 (beyond 30d) 0 -> 6
        //   level B = 20 + 6 = 26, perLevel cap 22 -> -4; level A = 17.07
        //   engaged: 3 course views in the last 7 days (11-27, 11-28, 11-29), not paid -> +10, high-intent, tier high
        //   north: city beijing -> tag north
        //   40 + 17.07 + 22 + 10 = 89.07 -> 10-point 9, grade A
        // Lead B: course_view 5, complaint -30 (no decay): 20 + 5 - 30 = -5, clamped +5 -> 0; paid on 11-29 -> medium
        // Lead D: no events: 15 -> 10-point 2, grade D
        // Stages (the defaults): A has a high tier -> sales-ready; B paid -> won; D has done nothing yet -> new; E
        //   has events, grade B -> nurturing.
        // Lead E: trial_booked 1, 2 and 3 days old: 20 x 0.5^0.1 = 18.66, 20 x 0.5^0.2 = 17.41, 20 x 0.5^0.3 =
        //   16.245 -> 16.25; live_joined 1 day: 10 x 0.5^0.1 = 9.33 -> level A 61.65 > total cap 60 -> -1.65;
        //   10 + 60 = 70 -> 10-point 7, grade B
        assertThat(Files.readAllLines(dir.resolve("out/scores.csv"))).containsExactly(
                "lead_id,score100,score10,grade,tier,stage,follow_up,tags,channel_points,points_A,points_B,points_N,"
                    + "condition_points,total_cap,clamp",
                "A,89.07,9,A,high,sales-ready,,high-intent;north,40,17.07,22,0,10,0,0",
                "B,0,0,D,medium,won,,,20,0,5,-30,0,0,5",
                "D,15,2,D,low,new,,,15,0,0,0,0,0,0",
                "E,70,7,B,low,nurturing,,,10,61.65,0,0,0,-1.65,0");
        assertThat(Files.readAllLines(dir.resolve("out/grades.csv"))).containsExactly("grade,from,leads,share",
                "A,80,1,0.25", "B,50,1,0.25", "C,20,0,0", "D,0,2,0.5");
        assertThat(o.scored()).isEqualTo(4);
        assertThat(o.leadsAfterAsOf()).isEqualTo(1);
        assertThat(o.events().read()).isEqualTo(21);
        assertThat(o.events().afterAsOf()).isEqualTo(1);
        assertThat(o.events().rejected()).isEqualTo(1); // X is not a lead
        assertThat(o.events().used()).isEqualTo(19);
        assertThat(o.withoutChannelScore()).isZero();
        List<String> explain = Files.readAllLines(dir.resolve("out/explain.csv"));
        assertThat(explain).startsWith("lead_id,step,item,time,rule_points,after_daily_cap,decay,points",
                "A,channel,channel score x 10 x weight,,,,,40",
                "A,event,course_view course=math,2026-11-10T10:00:00Z,5,5,1,5",
                "A,event,trial_booked course=math,2026-11-20T00:00:00Z,20,20,0.5,10",
                "A,event,page_view,2026-11-20T05:00:00Z,2,2,0.5,1");
        assertThat(explain).contains("A,event,page_view,2026-11-29T03:00:00Z,2,1,1,1", "A,event,1 event cut to 0 by the daily cap,,,,,0", "A,event,1 event decayed to 0,,,,,0",
                "A,cap perType,course_view,,,,,-6", "A,cap perLevel,B,,,,,-4", "A,condition,engaged,,,,,10",
                "A,score,A / 9 / high / high-intent;north,,,,,89.07", "E,cap total,rule points,,,,,-1.65",
                "E,score,B / 7 / low,,,,,70");
        assertLedgersAddUp(explain);
    }

    @Test
    void movementsSinceThePreviousRun() throws IOException {
        // Last night (made up): A was a B, B a D, D an A, E not there. Tonight A is an A, B a D, D a D, E a B.
        Path previous = Files.write(dir.resolve("previous.csv"), List.of("lead_id,score100,grade", "A,55,B", "B,0,D",
                "D,81,A"));
        RulesWorkflow.Outcome o = RulesWorkflow.run(new RulesWorkflow.Request(copy("lead-rows.csv"), copy("events.csv"),
                copy("rules.yaml"), Optional.of(copy("channels.csv")), "2026-11-30", dir.resolve("out"), InputFormat.DEFAULT,
                false, Optional.empty(), List.of(), Optional.of(previous), Optional.empty(), Optional.empty(), 0.9), n -> { });
        assertThat(Files.readAllLines(dir.resolve("out/movements.csv"))).containsExactly("from,to,leads", "A,D,1", "B,A,1",
                "D,D,1", "(new),B,1");
        assertThat(o.movements().orElseThrow()).containsExactly(1, 1, 1, 1); // up, down, same, new
    }

    /** Every lead's ledger lines add up to its score row, to the hundredth. */
    static void assertLedgersAddUp(List<String> explain) {
        long sum = 0;
        int scores = 0;
        for (String line : explain.subList(1, explain.size())) {
            String[] f = line.split(",", -1);
            long cents = Math.round(Double.parseDouble(f[f.length - 1]) * 100);
            if (f[1].equals("score")) {
                assertThat(sum).as(line).isEqualTo(cents);
                sum = 0;
                scores++;
            } else {
                sum += cents;
            }
        }
        assertThat(scores).isPositive();
    }

    @Test
    void theSameNightTwiceIsByteIdentical() throws IOException {
        run(copy("rules.yaml"), List.of("A"));
        byte[] first = Files.readAllBytes(dir.resolve("out/scores.csv"));
        byte[] firstExplain = Files.readAllBytes(dir.resolve("out/explain.csv"));
        Files.delete(dir.resolve("events.csv"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of("src/test/resources/rules/events.csv")));
        java.util.Collections.reverse(lines.subList(1, lines.size())); // another order of the same events
        Files.write(dir.resolve("shuffled.csv"), lines);
        RulesWorkflow.run(new RulesWorkflow.Request(copy("lead-rows.csv"), dir.resolve("shuffled.csv"), dir.resolve("rules.yaml"),
                Optional.of(copy("channels.csv")), "2026-11-30", dir.resolve("out"), InputFormat.DEFAULT, false,
                Optional.empty(), List.of("A"), Optional.empty(), Optional.empty(), Optional.empty(), 0.9), n -> { });
        assertThat(Files.readAllBytes(dir.resolve("out/scores.csv"))).isEqualTo(first);
        assertThat(Files.readAllBytes(dir.resolve("out/explain.csv"))).isEqualTo(firstExplain);
    }

    private Path rules(String... lines) throws IOException {
        return Files.write(dir.resolve("r.yaml"), List.of(lines));
    }

    @Test
    void badRulesAreRefusedNamingTheLineAndKey() throws IOException {
        String levels = "levels: {A: [trial_booked], B: [course_view]}";
        String points = "points: [{event: trial_booked, points: 20}, {event: course_view, points: 5}]";
        assertThatThrownBy(() -> run(rules(levels, points, "conditions:", "  - {when: \"count(trial_booked, 7d) >= 1 and\","
                + " points: 5}"), List.of())).isInstanceOf(InputDataException.class)
                .hasMessageContaining("r.yaml, line 4: key 'conditions[1].when': column 33: expected a value, found the end");
        assertThatThrownBy(() -> run(rules(levels, points, "conditions:", "  - {when: \"registerdDays >= 7\", points: 5}"),
                List.of())).isInstanceOf(InputDataException.class)
                .hasMessageContaining("column 1: unknown name 'registerdDays'; did you mean 'registeredDays'?");
        assertThatThrownBy(() -> run(rules(levels, "points: [{event: trial_bookd, points: 20}]"), List.of()))
                .isInstanceOf(InputDataException.class)
                .hasMessageContaining("line 2: key 'points[1].event': 'trial_bookd' is in no level; put every scored type"
                        + " in one; did you mean 'trial_booked'?");
        assertThatThrownBy(() -> run(rules(levels, points, "caps: {perLevel: {A: 30}, perType: {trial_booked: 25}}"),
                List.of())).isInstanceOf(InputDataException.class)
                .hasMessageContaining("key 'caps.perLevel.A': never binds: the level's types are capped at 25 together");
        assertThatThrownBy(() -> run(rules(levels, points, "caps: {total: 100}"), List.of()))
                .isInstanceOf(InputDataException.class)
                .hasMessageContaining("key 'caps.total': never binds: the score is clamped to 100 anyway");
        assertThatThrownBy(() -> run(rules(levels, points, "grades: [{grade: A, from: 60}, {grade: B, from: 70},"
                + " {grade: C, from: 0}]"), List.of())).isInstanceOf(InputDataException.class)
                .hasMessageContaining("key 'grades[2].from': unreachable: grades go from the best down, and A already takes"
                        + " scores from 60");
        assertThatThrownBy(() -> run(rules(levels, "points: [{event: course_view, points: 5},"
                + " {event: course_view, where: {course: math}, points: 8}]"), List.of()))
                .isInstanceOf(InputDataException.class)
                .hasMessageContaining("never used: the rule on line 2 already gives every course_view with {course=math} its"
                        + " points");
        assertThatThrownBy(() -> run(rules(levels, points, "conditions:", "  - {when: \"points(A)\", points: 5}"),
                List.of())).isInstanceOf(InputDataException.class)
                .hasMessageContaining("the whole is a number, not a condition; compare it, e.g. 'points(A) > 0'");
        assertThatThrownBy(() -> run(rules(levels, points, "conditions:", "  - {when: \"city = 'x'\", points: 5}"),
                List.of())).isInstanceOf(InputDataException.class)
                .hasMessageContaining("column 6: '=' is not an operator; write '==' to compare");
    }

    @Test
    void stagesEnterAndLeaveTheDormantPool() throws IOException {
        Path leads = Files.write(dir.resolve("s-leads.csv"), List.of("lead_id,created_at,city,follow_up,converted,converted_at",
                "P,2026-08-01,,,0,", "Q,2026-08-01,,,0,", "R,2026-08-01,,intent clear,0,", "S,2026-11-29,,,0,",
                "T,2026-08-01,,contacting,1,2026-11-01"));
        Path events = Files.write(dir.resolve("s-events.csv"), List.of("lead_id,event,timestamp,value,course",
                "P,page_view,2026-09-01T10:00:00Z,,", "Q,page_view,2026-09-01T10:00:00Z,,",
                "Q,trial_booked,2026-11-29T10:00:00Z,,math", "R,page_view,2026-09-01T10:00:00Z,,"));
        List<String> yaml = new java.util.ArrayList<>(Files.readAllLines(Path.of("src/test/resources/rules/rules.yaml")));
        yaml.addAll(List.of("stages:", "  - {stage: won, when: \"paid\"}",
                "  - {stage: following, when: \"follow_up != ''\", status: follow_up}",
                "  - {stage: dormant, when: \"count(A, 90d) == 0 and (daysSince(any) > 30 or registeredDays > 90)\"}",
                "  - {stage: sales-ready, when: \"grade == bestGrade\"}", "  - {stage: nurturing, when: \"count(any) >= 1\"}",
                "  - {stage: new, when: \"true\"}"));
        Path rules = Files.write(dir.resolve("s.yaml"), yaml);
        // 2026-09-02: P and Q viewed a page yesterday -> nurturing; R and T have a follow-up status -> following (T
        // pays only on 11-01); S does not exist yet. 2026-11-28: P and Q have done nothing for 88 days and nothing of level A -> dormant; R is still
        // being followed; T paid on 11-01 -> won (before its follow-up status). 2026-11-30: Q booked a trial on 11-29 ->
        // out of the pool (18.66 points: grade D, so nurturing); S, created yesterday, has done nothing -> new.
        assertThat(stages(leads, events, rules, "2026-09-02")).containsExactly("P nurturing ", "Q nurturing ",
                "R following intent clear", "T following contacting");
        assertThat(stages(leads, events, rules, "2026-11-28")).containsExactly("P dormant ", "Q dormant ",
                "R following intent clear", "T won ");
        assertThat(stages(leads, events, rules, "2026-11-30")).containsExactly("P dormant ", "Q nurturing ",
                "R following intent clear", "S new ", "T won ");
        assertThatThrownBy(() -> stages(leads, events, Files.write(dir.resolve("bad.yaml"), List.of("levels: {A: [x]}",
                "points: [{event: x, points: 1}]", "stages:", "  - {stage: dormnt, when: \"true\"}")), "2026-11-30"))
                .hasMessageContaining("key 'stages[1].stage': 'dormnt' is not a stage; the stages are new, nurturing,"
                        + " sales-ready, following, won, repeat, dormant; did you mean 'dormant'?");
        assertThatThrownBy(() -> stages(leads, events, Files.write(dir.resolve("bad.yaml"), List.of("levels: {A: [x]}",
                "points: [{event: x, points: 1}]", "stages:", "  - {stage: new, when: \"true\"}",
                "  - {stage: won, when: \"paid\"}")), "2026-11-30"))
                .hasMessageContaining("unreachable: the stage rule before it holds for every lead");
    }

    private List<String> stages(Path leads, Path events, Path rules, String asOf) throws IOException {
        RulesWorkflow.run(new RulesWorkflow.Request(leads, events, rules, Optional.empty(), asOf, dir.resolve("s-out"),
                InputFormat.DEFAULT, false, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                0.9), n -> { });
        List<String> out = new java.util.ArrayList<>();
        List<String> rows = Files.readAllLines(dir.resolve("s-out/scores.csv"));
        for (String line : rows.subList(1, rows.size())) {
            String[] f = line.split(",", -1);
            out.add(f[0] + " " + f[5] + " " + f[6]);
        }
        return out;
    }
}
