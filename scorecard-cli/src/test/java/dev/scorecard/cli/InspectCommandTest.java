package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect} takes {@code --quiet} and {@code --verbose} as every other command does. */
class InspectCommandTest {
    @TempDir
    Path tmp;

    @Test
    void verboseAndQuietAreAccepted() throws IOException {
        String model = SmallModel.train(tmp).toString();
        CliRun verbose = CliRun.of("inspect", "--verbose", model);
        assertThat(verbose.exitCode()).as(verbose.err()).isZero();
        assertThat(verbose.out()).startsWith("model 'train' (");
        assertThat(verbose.out()).isEqualTo(CliRun.of("inspect", model).out());

        // Quiet: nothing on success, so the exit code alone says the model loads.
        CliRun quiet = CliRun.of("inspect", "-q", "--model", model);
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).isEmpty();

        Path edited = tmp.resolve("edited.json");
        Files.writeString(edited, Files.readString(Path.of(model)).replace("\"pdo\": 20", "\"pdo\": 40"));
        CliRun refused = CliRun.of("inspect", "--quiet", edited.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).startsWith("error: " + edited + ": checksum mismatch");
    }
}
