package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that needs more heap than it has (issue 10): before, a Java stack trace with exit 1; now one
 * line that says so and names the option that gives more, the previous outputs untouched and no
 * temporary file left.
 */
class OutOfMemoryTest {
    @TempDir
    Path tmp;

    @Test
    void trainOutOfHeapSaysHowToGiveMoreAndLeavesThePreviousModel() throws Exception {
        Path small = tmp.resolve("small.csv");
        Path big = tmp.resolve("big.csv");
        write(small, 2_000);
        write(big, 400_000); // 20 numeric columns: 64 MB of doubles alone
        Path out = tmp.resolve("model");
        CliRun first = CliRun.of("train", "--data", small.toString(), "--target", "y", "--out", out.toString(), "-q");
        assertThat(first.exitCode()).as(first.err()).isZero();
        byte[] model = Files.readAllBytes(out.resolve("model.json"));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--data", big.toString(), "--target", "y", "--out", out.toString(), "-q").start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(err).startsWith("error: out of memory: the Java heap (").contains("SCORECARD_JAVA_OPTS=-Xmx")
                .doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(err.lines().count()).isEqualTo(1);
        assertThat(Files.readAllBytes(out.resolve("model.json"))).as("the previous model stands").isEqualTo(model);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /**
     * 400,000 rows × 20 decimal columns (8M cells) train, evaluate and report under 128 MB of heap:
     * about 8 bytes a cell (decimals held in 4 bytes, a split that shares the rows, WOE as bin codes).
     * The build before needed 224 MB for this file, about 20 bytes a cell, and fails here.
     */
    @Test
    void eightMillionCellsTrainUnder128Mb() throws Exception {
        Path data = tmp.resolve("cells.csv");
        write(data, 400_000);
        Path out = tmp.resolve("model");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--data", data.toString(), "--target", "y", "--out", out.toString(), "-q").start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(Files.readString(out.resolve("model.json"))).contains("\"trainRows\": 280000");
    }

    private static void write(Path file, int rows) throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            StringBuilder head = new StringBuilder();
            for (int c = 0; c < 20; c++) {
                head.append('x').append(c).append(',');
            }
            w.write(head + "y\n");
            for (int i = 0; i < rows; i++) {
                StringBuilder row = new StringBuilder();
                double sum = 0;
                for (int c = 0; c < 20; c++) {
                    double v = Math.round(r.nextDouble() * 1000) / 10.0;
                    sum += c < 3 ? v : 0;
                    row.append(v).append(',');
                }
                row.append(sum / 150 + r.nextDouble() > 1.4 ? 1 : 0).append('\n');
                w.write(row.toString());
            }
        }
    }
}
