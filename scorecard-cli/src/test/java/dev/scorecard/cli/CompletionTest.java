package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top-level command (issue 11): {@code scorecard generate-completion} gives a bash/zsh script
 * that bash accepts and that completes every command; bare {@code scorecard} is a usage error.
 */
class CompletionTest {
    @TempDir
    Path tmp;

    /** Bare {@code scorecard} is a usage error (issue 11): the command list on standard error, exit 2. */
    @Test
    void bareScorecardListsTheCommandsAndExitsTwo() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Usage: scorecard").contains("train").contains("generate-completion");
        assertThat(CliRun.of("--help").exitCode()).as("asking for help is not an error").isZero();
    }

    /** An unknown option is refused here too; it printed the script and exited 0. */
    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.of("generate-completion", "--bogus");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "Usage: scorecard generate-completion [OPTIONS]; 'scorecard generate-completion --help' lists them.",
                "error: unknown option '--bogus'");
    }

    @Test
    void theCompletionScriptIsValidBashAndKnowsEveryCommand() throws Exception {
        CliRun run = CliRun.of("generate-completion");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("complete -F _complete_scorecard");
        for (String command : new String[] {"demo", "bin", "train", "evaluate", "score", "monitor", "export", "inspect"}) {
            assertThat(run.out()).as(command).contains(command);
        }
        assertThat(run.out()).contains("--max-reject-share").contains("--alert-on");
        Path script = tmp.resolve("scorecard_completion");
        Files.writeString(script, run.out());
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String said = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(said).isZero();
        // Sourced, it registers the function for the command.
        Process sourced = new ProcessBuilder("bash", "-c", "source " + script + " && complete -p scorecard")
                .redirectErrorStream(true).start();
        String registered = new String(sourced.getInputStream().readAllBytes());
        assertThat(sourced.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(registered).contains("_complete_scorecard").contains("scorecard");
    }
}
