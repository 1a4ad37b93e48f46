package dev.scorecard.crm.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.routing.AgentsWorkflow.AgentRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AgentsWorkflow}: a hand-worked fixture, the synthetic call centre with known skill (skilled
 * agents found, lucky ones not mistaken for skilled), bad rows, determinism; and {@code allocate} on
 * the same world beating round robin in true expected conversions.
 */
class AgentsWorkflowTest {
    private static final List<String> GRADES = List.of("A", "B", "C", "D");

    @TempDir
    Path tmp;

    private Path write(String name, String... lines) throws IOException {
        return Files.write(tmp.resolve(name), List.of(lines));
    }

    private static AgentsWorkflow.Outcome run(Path outcomes, Optional<Path> agents, Path out, double minExpected,
            double maxRejectShare) {
        return AgentsWorkflow.run(new AgentsWorkflow.Request(outcomes, agents, out, GRADES, 0.05, minExpected,
                InputFormat.DEFAULT, maxRejectShare));
    }

    /**
     * Pooled rates: A 3 of 5 = 0.6, B 1 of 7. ann (3 A, 1 B, 2 converted): E = 1.8 + 1/7 = 1.942857,
     * V = 3 · 0.24 + (1/7)(6/7) = 0.842449, z = (2 − E)/√V = 0.062257, p = erfc(|z|/√2) = 0.950358,
     * adjusted min(1, 3p) = 1. bob and cy (1 A, 3 B, 1 converted): E = 0.6 + 3/7 = 1.028571, V = 0.607347,
     * z = −0.036662, O/E = 0.972222, tied, so by id. z* = Φ⁻¹(1 − 0.05/6) = 2.393980; ann's interval
     * (2 ± z*√V)/E = 0 (clipped) to 2.160383. (Values from Python's math and statistics.NormalDist.)
     */
    @Test
    void aHandWorkedFixture() throws IOException {
        Path outcomes = write("outcomes.csv", "lead_id,agent_id,grade,assigned_at,converted",
                "1,ann,A,2026-06-01,1", "2,ann,A,2026-06-02,1", "3,ann,A,2026-07-01,0", "4,ann,B,2026-07-02,0",
                "5,bob,A,2026-06-01,0", "6,bob,B,2026-06-01,0", "7,bob,B,2026-06-01,0", "8,bob,B,2026-06-01,1",
                "9,cy,A,2026-06-01,1", "10,cy,B,2026-06-01,0", "11,cy,B,2026-06-01,0", "12,cy,B,2026-06-01,0");
        Path out = tmp.resolve("out");
        AgentsWorkflow.Outcome o = run(outcomes, Optional.empty(), out, 0, 0.01);
        assertThat(o.agents()).extracting(AgentRow::agent).containsExactly("ann", "bob", "cy");
        AgentRow ann = o.agents().get(0);
        assertThat(ann.expected()).isCloseTo(1.9428571428571426, within(1e-12));
        assertThat(ann.variance()).isCloseTo(0.8424489795918367, within(1e-12));
        assertThat(ann.z()).isCloseTo(0.06225728063646929, within(1e-12));
        assertThat(ann.p()).isCloseTo(0.9503579475614236, within(1e-9));
        assertThat(ann.pAdjusted()).isEqualTo(1);
        assertThat(ann.low()).isZero();
        assertThat(ann.high()).isCloseTo(2.16038263049169, within(1e-9));
        assertThat(o.criticalZ()).isCloseTo(2.3939797998185104, within(1e-9));
        AgentRow bob = o.agents().get(1);
        assertThat(bob.z()).isCloseTo(-0.036661778755338194, within(1e-12));
        assertThat(bob.ratio()).isCloseTo(0.9722222222222223, within(1e-12));
        assertThat(o.agents()).extracting(AgentRow::verdict).containsOnly(AgentsWorkflow.WITHIN_NOISE);
        assertThat(Files.readAllLines(out.resolve(AgentsWorkflow.BY_MONTH_CSV))).containsExactly(
                "agent_id,month,leads,converted,expected,o_e", "ann,2026-06,2,2,1.2,1.666667",
                "ann,2026-07,2,0,0.742857,0", "bob,2026-06,4,1,1.028571,0.972222", "cy,2026-06,4,1,1.028571,0.972222");
        assertThat(Files.readAllLines(out.resolve(AgentsWorkflow.BY_GRADE_CSV))).startsWith(
                "agent_id,grade,leads,converted,expected,o_e,conversion_rate,grade_rate",
                "ann,A,3,2,1.8,1.111111,0.666667,0.6", "ann,B,1,0,0.142857,0,0,0.142857");
        // the default minimum of 5 expected conversions judges nobody here
        assertThat(run(outcomes, Optional.empty(), tmp.resolve("o5"), 5, 0.01).agents()).extracting(AgentRow::verdict)
                .containsOnly(AgentsWorkflow.TOO_FEW);
    }

    /**
     * Twenty call centres of 40 agents with about 800 leads each. Bonferroni at 5 % bounds the chance of
     * any false "above" in a centre by 5 %, so over 20 centres about one is expected; allowing 3 keeps
     * the test from failing by chance (P(more than 3) < 2 %) while a method that ignores the lead mix
     * flags the 6 lucky agents of every centre.
     */
    @Test
    void skilledAgentsAreFoundAndLuckyOnesAreNotMistakenForSkilled() throws IOException {
        int skilledFound = 0;
        int weakFound = 0;
        int falseAbove = 0;
        int luckyAbove = 0;
        int luckyTopByRawRate = 0;
        for (int seed = 1; seed <= 20; seed++) {
            SyntheticAgents world = SyntheticAgents.write(tmp.resolve("w" + seed), seed, 40, 800);
            AgentsWorkflow.Outcome o = run(world.outcomesFile, Optional.of(world.agentsFile),
                    tmp.resolve("out" + seed), 5, 0.01);
            for (AgentRow r : o.agents()) {
                String kind = world.kind.get(r.agent());
                boolean above = r.verdict().equals(AgentsWorkflow.ABOVE);
                skilledFound += kind.equals(SyntheticAgents.SKILLED) && above ? 1 : 0;
                weakFound += kind.equals(SyntheticAgents.WEAK) && r.verdict().equals(AgentsWorkflow.BELOW) ? 1 : 0;
                falseAbove += !kind.equals(SyntheticAgents.SKILLED) && above ? 1 : 0;
                luckyAbove += kind.equals(SyntheticAgents.LUCKY) && above ? 1 : 0;
            }
            // what a raw conversion rate would have said: the lucky agents at the top
            List<AgentRow> byRate = new ArrayList<>(o.agents());
            byRate.sort(Comparator.comparingDouble(AgentRow::rate).reversed());
            luckyTopByRawRate += (int) byRate.subList(0, 6).stream()
                    .filter(r -> world.kind.get(r.agent()).equals(SyntheticAgents.LUCKY)).count();
            // and by O/E the six skilled agents lead
            assertThat(o.agents().subList(0, 6)).extracting(r -> world.kind.get(r.agent())).as("seed %d", seed)
                    .containsOnly(SyntheticAgents.SKILLED);
        }
        String seen = String.format(java.util.Locale.ROOT, "skilled found %d, weak found %d, false above %d, lucky above"
                + " %d, lucky in the raw top 6 %d", skilledFound, weakFound, falseAbove, luckyAbove, luckyTopByRawRate);
        assertThat(skilledFound).as("skilled agents found above, of 120; " + seen).isGreaterThanOrEqualTo(102);
        assertThat(weakFound).as("weak agents found below, of 120; " + seen).isGreaterThanOrEqualTo(102);
        assertThat(luckyAbove).as("lucky agents called skilled").isZero();
        assertThat(falseAbove).as("agents called skilled who are not").isLessThanOrEqualTo(3);
        assertThat(luckyTopByRawRate).as("lucky agents among the top 6 raw rates, of 120").isGreaterThanOrEqualTo(90);
    }

    /**
     * allocate on the same world: the history's rates, shrunk, steer the A leads to the skilled agents,
     * so the assignment converts more than round robin by the agents' true skill, not only by the rates
     * it estimated itself.
     */
    @Test
    void allocateOnTheSyntheticCentreBeatsRoundRobinInTrueConversions() throws IOException {
        SyntheticAgents world = SyntheticAgents.write(tmp.resolve("w"), 7, 40, 800);
        StringBuilder leads = new StringBuilder("lead_id,grade,score100\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int n = 3000;
        for (int i = 0; i < n; i++) {
            int g = rnd.nextInt(10) < 1 ? 0 : rnd.nextInt(10) < 3 ? 1 : rnd.nextInt(2) == 0 ? 2 : 3;
            leads.append("N").append(i).append(',').append(SyntheticAgents.GRADES[g]).append(',')
                    .append(90 - 25 * g).append('\n');
        }
        Path leadsFile = Files.writeString(tmp.resolve("new-leads.csv"), leads);
        Path out = tmp.resolve("alloc");
        AllocateWorkflow.Outcome o = AllocateWorkflow.run(new AllocateWorkflow.Request(leadsFile, world.agentsFile,
                Optional.of(world.outcomesFile), out, AllocationOptions.DEFAULTS, InputFormat.DEFAULT, 0.01));
        assertThat(o.expected()).isGreaterThan(o.expectedRoundRobin() * 1.05).isGreaterThanOrEqualTo(
                o.expectedGreedy() - 1e-9);
        Map<String, String> gradeOf = Files.readAllLines(leadsFile).stream().skip(1).map(l -> l.split(","))
                .collect(Collectors.toMap(f -> f[0], f -> f[1]));
        double trueOptimal = 0;
        for (String line : Files.readAllLines(out.resolve(AllocateWorkflow.ASSIGNMENT_CSV)).subList(1,
                (int) o.assigned() + 1)) {
            String[] f = line.split(",");
            trueOptimal += SyntheticAgents.BASE[GRADES.indexOf(gradeOf.get(f[0]))] * world.multiplier.get(f[1]);
        }
        // round robin by the same rule as Allocator.roundRobin: leads by score, then id; agents in turn
        List<String> order = gradeOf.keySet().stream().sorted(Comparator.comparing((String id) -> GRADES.indexOf(
                gradeOf.get(id))).thenComparing(id -> id)).toList();
        List<String> ids = new ArrayList<>(world.kind.keySet());
        int[] left = Files.readAllLines(world.agentsFile).stream().skip(1).mapToInt(l -> Integer.parseInt(
                l.split(",")[1])).toArray();
        double trueRoundRobin = 0;
        int turn = 0;
        for (String id : order) {
            for (int k = 0; k < ids.size(); k++) {
                int a = (turn + k) % ids.size();
                if (left[a] > 0) {
                    left[a]--;
                    turn = (a + 1) % ids.size();
                    trueRoundRobin += SyntheticAgents.BASE[GRADES.indexOf(gradeOf.get(id))]
                            * world.multiplier.get(ids.get(a));
                    break;
                }
            }
        }
        assertThat(trueOptimal).as("true expected conversions, optimal against round robin")
                .isGreaterThan(trueRoundRobin * 1.05);
    }

    @Test
    void badRowsAreRejectedWithTheirReasonAndTheCountsAddUp() throws IOException {
        Path agents = write("agents.csv", "agent_id,capacity", "ann,5", "bob,5", "idle,0");
        Path outcomes = write("outcomes.csv", "lead_id,agent_id,grade,assigned_at,converted,contacted,expected",
                "1,ann,A,2026-06-01,1,1,0.5", "2,ann,Z,2026-06-01,1,1,0.5", "1,bob,A,2026-06-01,0,1,0.5",
                "3,bob,A,soon,0,1,0.5", "4,bob,A,2026-06-01,yes,1,0.5", "5,zed,A,2026-06-01,0,1,0.5",
                "6,bob,B,2026-06-01,0,1,1.5", "7,bob,B,2026-06-01,0,0,0.25");
        Path out = tmp.resolve("out");
        AgentsWorkflow.Outcome o = run(outcomes, Optional.of(agents), out, 0, 0.9);
        assertThat(Files.readAllLines(out.resolve(AgentsWorkflow.REJECTS_CSV))).containsExactly(
                "line,reason,lead_id,agent_id,grade,assigned_at,converted,contacted,expected",
                "3,\"column 'grade': 'Z' is not one of --grades A,B,C,D\",2,ann,Z,2026-06-01,1,1,0.5",
                "4,lead '1' is already on line 2,1,bob,A,2026-06-01,0,1,0.5",
                "5,column 'assigned_at': 'soon' is not a time,3,bob,A,soon,0,1,0.5",
                "6,\"column 'converted': 'yes' is not 0, 1, true or false\",4,bob,A,2026-06-01,yes,1,0.5",
                "7,agent 'zed' is not in the agents file,5,zed,A,2026-06-01,0,1,0.5",
                "8,column 'expected': '1.5' is not a probability from 0 to 1,6,bob,B,2026-06-01,0,1,1.5");
        assertThat(o.rowsRead()).isEqualTo(o.rowsUsed() + o.rowsRejected()).isEqualTo(8);
        assertThat(o.rowsUsed()).isEqualTo(2);
        assertThat(o.usedExpected()).isTrue();
        assertThat(o.agents()).extracting(AgentRow::agent, AgentRow::expected, AgentRow::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ann", 0.5, AgentsWorkflow.WITHIN_NOISE),
                org.assertj.core.groups.Tuple.tuple("bob", 0.25, AgentsWorkflow.WITHIN_NOISE),
                org.assertj.core.groups.Tuple.tuple("idle", 0.0, AgentsWorkflow.NO_LEADS));
        assertThat(Files.readAllLines(out.resolve(AgentsWorkflow.SUMMARY_CSV))).contains("rows_read,8", "rows_used,2",
                "rows_rejected,6", "no_leads,1", "expectation,expected column");

        assertThatThrownBy(() -> run(outcomes, Optional.of(agents), tmp.resolve("strict"), 0, 0.01))
                .isInstanceOf(InputDataException.class).hasMessageStartingWith(outcomes + ": 6 of 8 rows");
        assertThat(tmp.resolve("strict").resolve(AgentsWorkflow.AGENTS_CSV)).doesNotExist();
        Path noTime = write("no-time.csv", "lead_id,agent_id,grade,converted", "1,ann,A,1");
        assertThatThrownBy(() -> run(noTime, Optional.empty(), tmp.resolve("x"), 0, 0.01))
                .isInstanceOf(InputDataException.class).hasMessageContaining("no column 'assigned_at'");
    }

    @Test
    void aRerunWritesTheSameBytes() throws IOException {
        SyntheticAgents world = SyntheticAgents.write(tmp.resolve("w"), 3, 20, 200);
        run(world.outcomesFile, Optional.of(world.agentsFile), tmp.resolve("a"), 5, 0.01);
        run(world.outcomesFile, Optional.of(world.agentsFile), tmp.resolve("b"), 5, 0.01);
        for (String name : List.of(AgentsWorkflow.AGENTS_CSV, AgentsWorkflow.BY_GRADE_CSV, AgentsWorkflow.BY_MONTH_CSV,
                AgentsWorkflow.SUMMARY_CSV, AgentsWorkflow.AGENTS_HTML)) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(name)));
        }
        assertThat(Files.readString(tmp.resolve("a").resolve(AgentsWorkflow.AGENTS_HTML))).contains("<svg")
                .doesNotContain("<script", "src=\"http", "href=\"http");
    }

    /**
     * The shipped example (examples/crm/agents.csv and agent-outcomes.csv, used by docs/commands.md) is
     * this synthetic centre, seed 11: 20 agents, about 800 leads each. {@code -Dexamples.update=true}
     * rewrites it.
     */
    @Test
    void theShippedExampleIsTheSyntheticCentre() throws IOException {
        SyntheticAgents world = SyntheticAgents.write(tmp.resolve("w"), 11, 20, 800);
        Path examples = Path.of("..", "examples", "crm");
        Path agents = examples.resolve("agents.csv");
        Path outcomes = examples.resolve("agent-outcomes.csv");
        if (Boolean.getBoolean("examples.update")) {
            Files.copy(world.agentsFile, agents, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(world.outcomesFile, outcomes, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.readAllBytes(agents)).isEqualTo(Files.readAllBytes(world.agentsFile));
        assertThat(Files.readAllBytes(outcomes)).isEqualTo(Files.readAllBytes(world.outcomesFile));
    }
}
