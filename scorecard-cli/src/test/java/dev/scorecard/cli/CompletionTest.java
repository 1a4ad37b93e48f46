package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scorecard generate-completion} (issue 11): a bash/zsh script that bash accepts and that completes every command. */
class CompletionTest {
    @TempDir
    Path tmp;

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
