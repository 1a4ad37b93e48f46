package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output safety (SPEC §11, §13): {@code scorecard score} runs in its own JVM and is killed with
 * SIGKILL ({@link Process#destroyForcibly()}) while it is writing. Nothing may exist under the output
 * name afterwards, so a downstream job can never pick up half a file. What remains is the temporary
 * file {@code .scored.csv.<random>.tmp} beside it: a killed process runs no cleanup, and the next run
 * writes a new temporary file of its own and renames it over the output name.
 */
class ScoreKilledTest {
    private static final int ROWS = 1_500_000;

    @TempDir
    Path tmp;

    @Test
    void killedMidwayLeavesNothingUnderTheOutputName() throws IOException, InterruptedException {
        Path model = SmallModel.train(tmp);
        Path data = tmp.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(data)) {
            w.write("id,income,age,city\n");
            String[] cities = {"Paris", "Lyon", "Nice", "Lille"};
            for (int i = 0; i < ROWS; i++) {
                w.write("L" + i + "," + (1000 + i % 19000) + "," + (18 + i % 63) + "," + cities[i % 4] + "\n");
            }
        }
        Path dir = Files.createDirectory(tmp.resolve("out"));
        Path out = dir.resolve("scored.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(), "--id", "id", "-q")
                .redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile())
                .start();
        // Kill once the temporary output holds a megabyte: the run is then surely midway.
        Optional<Path> partial = Optional.empty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && System.nanoTime() < deadline) {
            partial = temporaryFiles(dir).stream().filter(f -> size(f) > 1 << 20).findFirst();
            if (partial.isPresent()) {
                break;
            }
            Thread.sleep(1);
        }
        assertThat(p.isAlive()).as("still scoring when killed; stderr: %s", Files.readString(tmp.resolve("stderr.txt")))
                .isTrue();
        assertThat(partial).as("a temporary output file of over 1 MB").isPresent();
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed, not finished").isNotZero();

        assertThat(out).as("nothing under the output name").doesNotExist();
        assertThat(dir.resolve("scored.csv.rejects.csv")).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            // Only the temporary file may remain, the one that was being written.
            assertThat(s.map(f -> f.getFileName().toString()))
                    .containsExactly(partial.get().getFileName().toString())
                    .allMatch(n -> n.matches("\\.scored\\.csv\\.[0-9a-f]+\\.tmp"));
        }
        try (Stream<String> lines = Files.lines(partial.get())) {
            assertThat(lines.count() - 1).as("rows in the temporary file").isPositive().isLessThan(ROWS);
        }

        // A rerun writes the whole output under the name, as if the killed run had never been.
        CliRun again = CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--id", "id", "-q");
        assertThat(again.exitCode()).as(again.err()).isZero();
        try (Stream<String> lines = Files.lines(out)) {
            assertThat(lines.count()).isEqualTo(ROWS + 1);
        }
    }

    private static List<Path> temporaryFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".tmp")).collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0; // renamed or deleted meanwhile
        }
    }
}
