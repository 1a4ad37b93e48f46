package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scorecard allocate}, black box: what it says adds up, and exact errors with exit code 2. */
class AllocateCommandTest {
    @TempDir
    Path tmp;

    private Path write(String name, String... lines) throws IOException {
        return Files.write(tmp.resolve(name), List.of(lines));
    }

    @Test
    void saysWhereEveryLeadWent() throws IOException {
        Path agents = write("agents.csv", "agent_id,capacity", "ann,1", "bob,1", "cy,0");
        Path leads = write("leads.csv", "lead_id,grade", "L1,A", "L2,B", "L3,C");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("allocate", "--leads", leads.toString(), "--agents", agents.toString(), "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(String.join(System.lineSeparator(),
                "leads: 3 read = 2 assigned + 1 unassigned + 0 rejected",
                "  unassigned: 0 with no eligible agent, 1 with their eligible agents full",
                "agents: 3, capacity 2; 1 with capacity 0 take no leads",
                // without history every rate is 1/2, so every assignment expects the same
                "expected conversions: 1.00 assigned, 1.00 greedy best-first, 1.00 round robin",
                "  +0.0% over greedy best-first, +0.0% over round robin"));
        assertThat(Files.readAllLines(out.resolve("unassigned.csv"))).containsExactly("lead_id,grade,reason",
                "L3,C,eligible agents at capacity");
    }

    @Test
    void aDuplicateAgentIsExitTwoNamingItsLine() throws IOException {
        Path agents = write("agents.csv", "agent_id,capacity", "ann,1", "ann,2");
        Path leads = write("leads.csv", "lead_id,grade", "L1,A");
        CliRun run = CliRun.of("allocate", "--leads", leads.toString(), "--agents", agents.toString(), "--out",
                tmp.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: " + agents + ", line 3").contains(
                "agent 'ann' is already on line 2");
    }

    @Test
    void anOutputOverAnInputIsExitTwo() throws IOException {
        Path agents = write("agents.csv", "agent_id,capacity", "ann,1");
        Path leads = write("leads.csv", "lead_id,grade", "L1,A");
        CliRun run = CliRun.of("allocate", "--leads", leads.toString(), "--agents", agents.toString(), "--out",
                leads.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out").contains("--leads");
        assertThat(Files.readAllLines(leads)).containsExactly("lead_id,grade", "L1,A");
    }

    @Test
    void agentsJudgesTheShippedCentreAndNamesABadOption() throws IOException {
        Path examples = Path.of("..", "examples", "crm");
        Path out = tmp.resolve("agents");
        CliRun run = CliRun.of("agents", "--outcomes", examples.resolve("agent-outcomes.csv").toString(), "--agents",
                examples.resolve("agents.csv").toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("rows: 15345 read = 15345 used + 0 rejected").contains("5 above, 6 below");
        assertThat(out.resolve("agents.html")).exists();
        CliRun bad = CliRun.of("agents", "--outcomes", examples.resolve("agent-outcomes.csv").toString(), "--alpha",
                "0.7", "--out", tmp.resolve("bad").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("error: --alpha: 0.7 is out of range; expected above 0 and below 0.5"
                + " (0.05 for 5 %)");
    }
}
