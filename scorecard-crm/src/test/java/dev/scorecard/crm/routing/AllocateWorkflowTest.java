package dev.scorecard.crm.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AllocateWorkflow} on hand-made files: rates worked by hand, every lead accounted for,
 * the two output layouts, reruns byte for byte, and exact errors.
 */
class AllocateWorkflowTest {
    @TempDir
    Path tmp;

    private Path write(String name, String... lines) throws IOException {
        return Files.write(tmp.resolve(name), List.of(lines));
    }

    private Path agents() throws IOException {
        return write("agents.csv", "agent_id,capacity,team,skills,languages", "ann,2,north,,en",
                "bob,2,north,visa,en;zh",
                "cy,0,south,,zh");
    }

    /** L2 needs visa (bob), L3 zh (bob; cy has no room), L5 fr (no one), L6 an unknown grade. */
    private Path leads() throws IOException {
        return write("leads.csv", "lead_id,grade,score100,skill,language", "L1,A,80,,", "L2,A,70,visa,", "L3,B,40,,zh",
                "L4,C,20,,", "L5,D,5,,fr", "L6,E,5,,", "L7,B,30,,");
    }

    private Path history() throws IOException {
        return write("history.csv", "agent_id,grade,converted", "ann,A,1", "ann,A,1", "bob,A,0", "bob,B,1", "zed,B,1");
    }

    /** @return the value as the files write a probability: 15 significant digits */
    private static String p15(double v) {
        return new BigDecimal(v).round(new MathContext(15)).stripTrailingZeros().toPlainString();
    }

    private AllocateWorkflow.Outcome run(Path leads, Optional<Path> history, Path out, double maxRejectShare)
            throws IOException {
        return AllocateWorkflow.run(new AllocateWorkflow.Request(leads, agents(), history, out,
                AllocationOptions.DEFAULTS, InputFormat.DEFAULT, maxRejectShare));
    }

    /**
     * Rates by hand (k = 20) from the 4 usable history rows: p(A) = (2 + 1) / (3 + 2) = 3/5, team north's
     * A = (2 + 20 · 3/5) / (3 + 20) = 14/23, ann's A = (2 + 20 · 14/23) / (2 + 20) = 326/506, bob's A =
     * (0 + 280/23) / 21 = 280/483; p(B) = 2/3, north's B = (1 + 40/3) / 21 = 43/63, ann's B (no history)
     * = 43/63, bob's B = (1 + 20 · 43/63) / 21 = 923/1323. Bob must take L2 and L3, so ann gets L1 and L7;
     * L4 finds both full; L5 nobody speaks fr.
     */
    @Test
    void assignsAsWorkedByHandAndAccountsForEveryLead() throws IOException {
        Path out = tmp.resolve("out");
        AllocateWorkflow.Outcome o = run(leads(), Optional.of(history()), out, 0.5);
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.ASSIGNMENT_CSV))).containsExactly(
                "lead_id,agent_id,expected",
                "L1,ann," + p15(326.0 / 506),
                "L2,bob," + p15(280.0 / 483),
                "L3,bob," + p15(923.0 / 1323),
                "L7,ann," + p15(43.0 / 63));
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.UNASSIGNED_CSV))).containsExactly(
                "lead_id,grade,reason", "L4,C," + AllocateWorkflow.CAPACITY,
                "L5,D," + AllocateWorkflow.NO_ELIGIBLE_AGENT);
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.LEAD_REJECTS_CSV))).containsExactly(
                "line,reason,lead_id,grade,score100,skill,language",
                "7,\"column 'grade': 'E' is not one of --grades A,B,C,D\",L6,E,5,,");
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.HISTORY_REJECTS_CSV))).containsExactly(
                "line,reason,agent_id,grade,converted", "6,agent 'zed' is not in the agents file,zed,B,1");
        assertThat(o.leadsRead()).isEqualTo(o.assigned() + o.unassigned() + o.leadsRejected()).isEqualTo(7);
        assertThat(o.assigned()).isEqualTo(4);
        assertThat(o.idleAgents()).isEqualTo(1);
        assertThat(o.capacity()).isEqualTo(4);
        double expected = 326.0 / 506 + 280.0 / 483 + 923.0 / 1323 + 43.0 / 63;
        assertThat(o.expected()).isCloseTo(expected, within(1e-12));
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.AGENTS_CSV))).containsExactly(
                "agent_id,capacity,assigned,top_assigned,top_floor,floor_shortfall,expected",
                "ann,2,2,1,0,0," + Math.round((326.0 / 506 + 43.0 / 63) * 1e6) / 1e6,
                "bob,2,2,1,0,0," + Math.round((280.0 / 483 + 923.0 / 1323) * 1e6) / 1e6,
                "cy,0,0,0,0,0,0");
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.SUMMARY_CSV))).contains("leads_read,7",
                "leads_rejected,1", "assigned,4", "unassigned_no_eligible_agent,1", "unassigned_at_capacity,1",
                "agents_without_capacity,1", "history_read,5", "history_rejected,1");
    }

    @Test
    void theBestAgentGetsTheBestLeadWhenThereIsAChoice() throws IOException {
        // ann converts A leads 9 of 10, bob 1 of 10; one A lead and one D lead, one seat each
        Path agents = write("agents.csv", "agent_id,capacity", "ann,1", "bob,1");
        StringBuilder h = new StringBuilder("agent_id,grade,converted\n");
        for (int i = 0; i < 10; i++) {
            h.append("ann,A,").append(i < 9 ? 1 : 0).append('\n').append("bob,A,").append(i < 1 ? 1 : 0).append('\n');
        }
        Path history = Files.writeString(tmp.resolve("h.csv"), h);
        Path leads = write("leads.csv", "lead_id,grade", "x,D", "y,A");
        Path out = tmp.resolve("o");
        AllocateWorkflow.Outcome o = AllocateWorkflow.run(new AllocateWorkflow.Request(leads, agents,
                Optional.of(history), out, AllocationOptions.DEFAULTS, InputFormat.DEFAULT, 0.01));
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.ASSIGNMENT_CSV))).extracting(l -> l.substring(0,
                l.lastIndexOf(','))).containsExactly("lead_id,agent_id", "x,bob", "y,ann");
        // D has no history: both at 1/2; ann's A = (9 + 20 * a) / 30 beats bob's (1 + 20 * a) / 30
        assertThat(o.expected()).isGreaterThan(o.expectedRoundRobin());
    }

    /**
     * ann converts A leads 9 of 10 and bob 1 of 10, so without a floor ann takes both A leads; a floor of
     * half the capacity (1 of 2) gives bob one, at the cost of ann's A rate minus bob's.
     */
    @Test
    void theFloorGivesEveryAgentTopLeadsAndItsCostIsShown() throws IOException {
        Path agents = write("agents.csv", "agent_id,capacity", "ann,2", "bob,2");
        StringBuilder h = new StringBuilder("agent_id,grade,converted\n");
        for (int i = 0; i < 10; i++) {
            h.append("ann,A,").append(i < 9 ? 1 : 0).append('\n').append("bob,A,").append(i < 1 ? 1 : 0).append('\n');
        }
        Path history = Files.writeString(tmp.resolve("h.csv"), h);
        Path leads = write("leads.csv", "lead_id,grade", "a1,A", "a2,A", "d1,D", "d2,D");
        Path out = tmp.resolve("o");
        AllocateWorkflow.Outcome o = AllocateWorkflow.run(new AllocateWorkflow.Request(leads, agents,
                Optional.of(history), out, new AllocationOptions(List.of("A", "B", "C", "D"), 20, 0.5),
                InputFormat.DEFAULT, 0.01));
        // p(A) = 11/22 = 1/2; ann's A = (9 + 10) / 30, bob's A = (1 + 10) / 30; D is 1/2 for both
        double ann = 19.0 / 30;
        double bob = 11.0 / 30;
        assertThat(o.floorRequired()).isEqualTo(2);
        assertThat(o.floorMet()).isEqualTo(2);
        assertThat(o.expected()).isCloseTo(ann + bob + 1, within(1e-12));
        assertThat(o.expectedWithoutFloor()).isCloseTo(2 * ann + 1, within(1e-12));
        assertThat(o.expectedGreedy()).isCloseTo(2 * ann + 1, within(1e-12));
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.AGENTS_CSV))).extracting(l -> l.substring(0,
                l.lastIndexOf(','))).containsExactly("agent_id,capacity,assigned,top_assigned,top_floor,floor_shortfall",
                "ann,2,2,1,1,0", "bob,2,2,1,1,0");
    }

    /** Without history every rate is 1/2: with too few seats the best grades, then the best scores, are served. */
    @Test
    void withTiedRatesTheBestLeadsAreServedFirst() throws IOException {
        Path agents = write("agents.csv", "agent_id,capacity", "ann,2", "bob,1");
        Path leads = write("leads.csv", "lead_id,grade,score100", "d1,D,10", "a1,A,90", "c1,C,30", "b1,B,60",
                "a2,A,80", "d2,D,5", "b2,B,50");
        Path out = tmp.resolve("o");
        AllocateWorkflow.run(new AllocateWorkflow.Request(leads, agents, Optional.empty(), out,
                AllocationOptions.DEFAULTS, InputFormat.DEFAULT, 0.01));
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.UNASSIGNED_CSV))).containsExactly(
                "lead_id,grade,reason", "d1,D,eligible agents at capacity", "c1,C,eligible agents at capacity",
                "d2,D,eligible agents at capacity", "b2,B,eligible agents at capacity");
    }

    /** Shifts: an evening lead goes to the one agent who works evenings, a lead asking nothing to either. */
    @Test
    void aLeadAskingForAShiftGoesToAnAgentWhoWorksIt() throws IOException {
        Path agents = write("shifts.csv", "agent_id,capacity,shift", "ann,1,day", "bob,2,day;evening");
        Path leads = write("leads.csv", "lead_id,grade,shift", "e1,A,evening", "e2,A,evening", "n1,B,night",
                "d1,B,day", "x1,C,");
        Path out = tmp.resolve("o");
        AllocateWorkflow.run(new AllocateWorkflow.Request(leads, agents, Optional.empty(), out,
                AllocationOptions.DEFAULTS, InputFormat.DEFAULT, 0.01));
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.ASSIGNMENT_CSV))).extracting(l -> l.substring(0,
                l.lastIndexOf(','))).containsExactly("lead_id,agent_id", "e1,bob", "e2,bob", "d1,ann");
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.UNASSIGNED_CSV))).containsExactly(
                "lead_id,grade,reason", "n1,B," + AllocateWorkflow.NO_ELIGIBLE_AGENT, "x1,C," + AllocateWorkflow.CAPACITY);
    }

    @Test
    void anOutFileNamesTheOthersAfterIt() throws IOException {
        Path out = tmp.resolve("day").resolve("assignment.csv");
        AllocateWorkflow.Outcome o = run(leads(), Optional.empty(), out, 0.5);
        assertThat(o.written()).containsExactly(out, tmp.resolve("day/assignment.unassigned.csv"),
                tmp.resolve("day/assignment.agents.csv"), tmp.resolve("day/assignment.summary.csv"),
                tmp.resolve("day/assignment.lead-rejects.csv"));
        for (Path p : o.written()) {
            assertThat(p).exists();
        }
        assertThat(tmp.resolve("day/assignment.history-rejects.csv")).doesNotExist();
    }

    @Test
    void aRerunWritesTheSameBytes() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        run(leads(), Optional.of(history()), a, 0.5);
        run(leads(), Optional.of(history()), b, 0.5);
        for (String name : List.of(AllocateWorkflow.ASSIGNMENT_CSV, AllocateWorkflow.UNASSIGNED_CSV,
                AllocateWorkflow.AGENTS_CSV, AllocateWorkflow.SUMMARY_CSV, AllocateWorkflow.LEAD_REJECTS_CSV)) {
            assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
        }
    }

    @Test
    void tooManyRejectedLeadsFailAndWriteNothing() throws IOException {
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> run(leads(), Optional.empty(), out, 0.01)).isInstanceOf(InputDataException.class)
                .hasMessageStartingWith(tmp.resolve("leads.csv") + ": 1 of 7 rows");
        assertThat(out.resolve(AllocateWorkflow.ASSIGNMENT_CSV)).doesNotExist();
    }

    @Test
    void aDuplicateLeadIsRejectedNamingTheFirstLine() throws IOException {
        Path leads = write("dup.csv", "lead_id,grade", "L1,A", "L2,B", "L1,C");
        Path out = tmp.resolve("out");
        AllocateWorkflow.Outcome o = run(leads, Optional.empty(), out, 0.5);
        assertThat(Files.readAllLines(out.resolve(AllocateWorkflow.LEAD_REJECTS_CSV))).containsExactly(
                "line,reason,lead_id,grade", "4,lead 'L1' is already on line 2,L1,C");
        assertThat(o.assigned()).isEqualTo(2);
    }

    @Test
    void badAgentsFilesAreErrorsNamingLineAndColumn() throws IOException {
        Path leads = write("ok.csv", "lead_id,grade", "L1,A");
        String[][] cases = {
            {"agent_id,capacity\nann,2\nann,3\n", "line 3", "agent 'ann' is already on line 2"},
            {"agent_id,capacity\nann,-1\n", "line 2", "-1 is negative"},
            {"agent_id,capacity\nann,2.5\n", "line 2", "'2.5' is not a whole number"},
            {"agent_id,capacity\n", "line 1", "no agents"},
            {"agent_id,seats\nann,2\n", "line 1", "no column 'capacity'; its header: agent_id, seats"},
        };
        for (String[] c : cases) {
            Path agents = Files.writeString(tmp.resolve("agents.csv"), c[0]);
            assertThatThrownBy(() -> AllocateWorkflow.run(new AllocateWorkflow.Request(leads, agents,
                    Optional.empty(), tmp.resolve("out"), AllocationOptions.DEFAULTS, InputFormat.DEFAULT, 0.01)))
                    .as(c[0]).isInstanceOf(InputDataException.class).hasMessageContaining(agents.toString())
                    .hasMessageContaining(c[1]).hasMessageContaining(c[2]);
        }
    }

    @Test
    void aLeadsFileWithoutGradeNamesItsHeader() throws IOException {
        Path leads = write("nograde.csv", "lead_id,score100", "L1,50");
        assertThatThrownBy(() -> run(leads, Optional.empty(), tmp.resolve("out"), 0.01))
                .isInstanceOf(InputDataException.class).hasMessageContaining("no column 'grade'; its header: lead_id,"
                        + " score100");
    }

    @Test
    void aBadOptionNamesIt() {
        assertThatThrownBy(() -> new AllocationOptions(List.of("A", "A"), 20, 0))
                .hasMessageStartingWith("--grades: A,A must be distinct");
        assertThatThrownBy(() -> new AllocationOptions(List.of("A"), 0, 0)).hasMessageStartingWith("--shrinkage: 0.0");
        assertThatThrownBy(() -> new AllocationOptions(List.of("A"), 20, 1.5))
                .hasMessageStartingWith("--min-top-share: 1.5");
    }
}
