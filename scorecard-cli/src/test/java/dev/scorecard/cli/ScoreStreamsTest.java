package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score} reads its input through one open (issue 10): standard input, a FIFO and a plain
 * file give the same scores and the same rejects file, byte for byte; the scores can go to standard
 * output; the rejects file belongs to the run (a clean rerun removes it); and memory stays constant
 * however many rows are rejected.
 */
class ScoreStreamsTest {
    @TempDir
    Path tmp;

    private Path model;
    private Path data;

    @BeforeEach
    void setUp() throws IOException {
        model = SmallModel.train(tmp);
        data = tmp.resolve("leads.csv");
        write(data, 5_000, 37);
    }

    @Test
    void standardInputAndOutputGiveTheFileRunsBytes() throws Exception {
        Path expected = tmp.resolve("file.csv");
        CliRun file = CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", expected.toString(),
                "--id", "id", "--max-reject-share", "0.5", "-q");
        assertThat(file.exitCode()).as(file.err()).isZero();

        Path rejects = tmp.resolve("piped.rejects.csv");
        Process p = start(List.of("score", "--model", model.toString(), "--data", "-", "--out", "-", "--id", "id",
                "--rejects", rejects.toString(), "--max-reject-share", "0.5"));
        try (OutputStream in = p.getOutputStream()) {
            Files.copy(data, in); // a real pipe: nothing can be read from it twice
        }
        byte[] scores = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(scores).isEqualTo(Files.readAllBytes(expected));
        assertThat(err).as("the summary goes to standard error").contains("5000 rows: ").contains("wrote standard output");
        assertThat(Files.readAllBytes(rejects)).isEqualTo(Files.readAllBytes(tmp.resolve("file.csv.rejects.csv")));
    }

    @Test
    void gzipOnStandardInputIsDetected() throws Exception {
        Path expected = tmp.resolve("file.csv");
        assertThat(CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", expected.toString(),
                "--max-reject-share", "0.5", "-q").exitCode()).isZero();
        Path out = tmp.resolve("from-gzip.csv");
        Process p = start(List.of("score", "--model", model.toString(), "--data", "-", "--out", out.toString(),
                "--max-reject-share", "0.5", "-q"));
        try (OutputStream in = new GZIPOutputStream(p.getOutputStream())) {
            Files.copy(data, in);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
    }

    /**
     * {@code --points --woe} from gzip on standard input to standard output: the bytes of the run on
     * the file, and the same rejects file as a run without the options.
     */
    @Test
    void pointsAndWoeStreamFromGzipToStandardOutput() throws Exception {
        Path expected = tmp.resolve("file.csv");
        CliRun file = CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", expected.toString(),
                "--id", "id", "--points", "--woe", "--max-reject-share", "0.5", "-q");
        assertThat(file.exitCode()).as(file.err()).isZero();
        Path plain = tmp.resolve("plain.csv");
        assertThat(CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", plain.toString(),
                "--id", "id", "--max-reject-share", "0.5", "-q").exitCode()).isZero();
        assertThat(Files.readAllLines(expected).get(0)).endsWith(",warnings,points_income,points_city,points_age,"
                + "woe_income,woe_city,woe_age");

        Path rejects = tmp.resolve("piped.rejects.csv");
        Process p = start(List.of("score", "--model", model.toString(), "--data", "-", "--out", "-", "--id", "id",
                "--points", "--woe", "--rejects", rejects.toString(), "--max-reject-share", "0.5"));
        try (OutputStream in = new GZIPOutputStream(p.getOutputStream())) {
            Files.copy(data, in);
        }
        byte[] scores = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(scores).isEqualTo(Files.readAllBytes(expected));
        assertThat(Files.readAllBytes(rejects)).isEqualTo(Files.readAllBytes(tmp.resolve("plain.csv.rejects.csv")));
        assertThat(Files.readAllBytes(tmp.resolve("file.csv.rejects.csv")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("plain.csv.rejects.csv")));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoIsReadOnceWithItsRejects() throws Exception {
        Path fifo = tmp.resolve("leads.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mk.exitValue()).isZero();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                Files.copy(data, out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        Path out = tmp.resolve("fifo-scores.csv");
        CliRun run = CliRun.of("score", "--model", model.toString(), "--data", fifo.toString(), "--out", out.toString(),
                "--id", "id", "--max-reject-share", "0.5");
        writer.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rejects = Files.readAllLines(tmp.resolve("fifo-scores.csv.rejects.csv"));
        // Every 37th row has age "abc": the rejects file holds those rows, read as they went by.
        assertThat(rejects).hasSize(1 + (5_000 + 36) / 37);
        assertThat(rejects.get(1)).isEqualTo("2,column 'age': value 'abc' is not a number,L0,1000,abc,Paris");
    }

    @Test
    void aCleanRerunRemovesTheEarlierRejectsFile() throws IOException {
        Path out = tmp.resolve("scores.csv");
        Path rejects = tmp.resolve("scores.csv.rejects.csv");
        assertThat(CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--max-reject-share", "0.5", "-q").exitCode()).isZero();
        assertThat(rejects).exists();
        Path clean = tmp.resolve("clean.csv");
        write(clean, 100, 0);
        CliRun rerun = CliRun.of("score", "--model", model.toString(), "--data", clean.toString(), "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("100 rows: 100 scored, 0 rejected");
        assertThat(rejects).as("the earlier run's rejects are not left beside these scores").doesNotExist();
    }

    @Test
    void tooManyRejectsLeaveTheRejectsAloneAndNoEarlierScores() throws IOException {
        Path out = tmp.resolve("scores.csv");
        Path clean = tmp.resolve("clean.csv");
        write(clean, 100, 0);
        assertThat(CliRun.of("score", "--model", model.toString(), "--data", clean.toString(), "--out", out.toString(), "-q")
                .exitCode()).isZero();
        CliRun failed = CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString());
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err()).contains("could not be scored, over --max-reject-share 0.01");
        assertThat(out).as("scores of the earlier run are not left beside this run's rejects").doesNotExist();
        assertThat(tmp.resolve("scores.csv.rejects.csv")).exists();
    }

    /**
     * A producer replaces the input (temp file + rename) while {@code score} reads it. Before, the
     * rejects file read its rows again from the path, so they came from the new file and did not hold
     * the values their reasons named; now each rejected row is written as the run read it.
     */
    @Test
    void replacingTheInputMidRunLeavesRejectsThatHoldTheirReasons() throws Exception {
        Path big = tmp.resolve("feed.csv");
        write(big, 1_000_000, 1_000);
        Path dir = Files.createDirectory(tmp.resolve("out"));
        Path out = dir.resolve("scores.csv");
        Process p = start(List.of("score", "--model", model.toString(), "--data", big.toString(), "--out", out.toString(),
                "--id", "id", "-q"));
        p.getOutputStream().close();
        // Replace the file once the run has surely begun reading it: its temporary output has rows.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean started = false;
        while (!started && p.isAlive() && System.nanoTime() < deadline) {
            try (var files = Files.list(dir)) {
                started = files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp") && f.toFile().length() > 1 << 16);
            }
            Thread.sleep(2);
        }
        assertThat(started).as("replaced while the run was reading").isTrue();
        Path next = tmp.resolve("feed.next.csv");
        write(next, 1_000_000, 0); // the next feed: no bad row at all
        Files.move(next, big, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        List<String> rejects = Files.readAllLines(dir.resolve("scores.csv.rejects.csv"));
        assertThat(rejects).hasSize(1 + 1_000);
        for (String row : rejects.subList(1, rejects.size())) {
            assertThat(row).as("the row holds the value its reason names").contains("value 'abc' is not a number").endsWith(
                    ",abc," + row.substring(row.lastIndexOf(',') + 1));
        }
    }

    /**
     * Half of a million rows rejected under a 48 MB heap: before, the rejects were held in memory
     * and read back from the file (out of memory); now each goes to the rejects file as it is found.
     */
    @Test
    void rejectsDoNotGrowTheHeap() throws Exception {
        Path big = tmp.resolve("big.csv");
        write(big, 1_000_000, 2);
        Path out = tmp.resolve("big-scores.csv");
        Process p = start(List.of("-Xmx48m"), List.of("score", "--model", model.toString(), "--data", big.toString(), "--out",
                out.toString(), "--id", "id", "--max-reject-share", "1", "-q"));
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        try (var lines = Files.lines(tmp.resolve("big-scores.csv.rejects.csv"))) {
            assertThat(lines.count()).isEqualTo(1 + 500_000);
        }
        try (var lines = Files.lines(out)) {
            assertThat(lines.count()).isEqualTo(1 + 500_000);
        }
    }

    /** Writes {@code rows} leads; every {@code badEvery}-th (from the first) has a non-number age, none when 0. */
    private static void write(Path file, int rows, int badEvery) throws IOException {
        String[] cities = {"Paris", "Lyon", "Nice", "Lille"};
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,income,age,city\n");
            for (int i = 0; i < rows; i++) {
                String age = badEvery > 0 && i % badEvery == 0 ? "abc" : String.valueOf(18 + i % 63);
                w.write("L" + i + "," + (1000 + i % 19000) + "," + age + "," + cities[i % 4] + "\n");
            }
        }
    }

    private Process start(List<String> args) throws IOException {
        return start(List.of(), args);
    }

    private Process start(List<String> jvm, List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).directory(tmp.toFile()).start();
    }
}
