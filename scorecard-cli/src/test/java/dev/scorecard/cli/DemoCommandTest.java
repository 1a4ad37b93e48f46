package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void demoTrainsScoresAndSaysWhereEverythingIs() throws IOException {
        CliRun run = CliRun.of("demo", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1000 applicants, 800 for training, 200 set aside", "scored-applications.csv");
        // 200 applications scored, plus the header; the kept target column lets a reader check the grades.
        assertThat(Files.readAllLines(tmp.resolve("scored-applications.csv"))).hasSize(201);
        assertThat(Files.exists(tmp.resolve("model").resolve("model.json"))).isTrue();

        CliRun inspect = CliRun.of("inspect", tmp.resolve("model").resolve("model.json").toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("base points: ", "status_of_existing_checking_account (β ", "grades:", "  A    score >= ",
                "  E    score >= any");
    }

    @Test
    void inspectOfAMissingFileIsAClearError() {
        CliRun run = CliRun.of("inspect", tmp.resolve("none.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + tmp.resolve("none.json") + ": model file not found\n");
    }
}
