package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.train.io.OutputSet;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output sets under kill (issue 10; SPEC §11): {@code train} and {@code score} run in their own JVM
 * and are killed at random moments, with SIGKILL and sometimes SIGTERM, while two alternating runs
 * (A and B, with different outputs) write into the same place. After every kill the outputs on disk
 * must be exactly A's set or exactly B's, byte for byte, once a commit the killed run may have left
 * half-done is completed (as the next run does); after SIGTERM no temporary file of the killed run
 * may remain; and a final run leaves no temporary file or commit record at all. A's score set holds
 * a rejects file and B's does not, so a stale rejects file would show as a mix.
 */
class KilledRunsTest {
    private static final int TRIALS = 50;
    private static final long SEED = 20261202L;

    @TempDir
    Path tmp;

    @Test
    void trainKilledAtRandomLeavesOneWholeSet() throws Exception {
        Path data = Path.of("../datasets/germancredit/germancredit.csv");
        Path out = tmp.resolve("model");
        List<String> a = List.of("train", "--data", data.toString(), "--target", "creditability", "--positive", "bad",
                "--seed", "1", "--out", out.toString(), "-q");
        List<String> b = List.of("train", "--data", data.toString(), "--target", "creditability", "--positive", "bad",
                "--seed", "2", "--max-bins", "4", "--out", out.toString(), "-q");
        trials(out, List.of(out), a, b);
    }

    @Test
    void scoreKilledAtRandomLeavesOneWholeSet() throws Exception {
        Path model = SmallModel.train(tmp);
        Path dataA = tmp.resolve("a.csv");
        Path dataB = tmp.resolve("b.csv");
        write(dataA, 300_000, true);
        write(dataB, 300_000, false);
        Path dir = Files.createDirectory(tmp.resolve("scores"));
        Path out = dir.resolve("scored.csv");
        List<String> a = List.of("score", "--model", model.toString(), "--data", dataA.toString(), "--out", out.toString(),
                "--id", "id", "-q");
        List<String> b = List.of("score", "--model", model.toString(), "--data", dataB.toString(), "--out", out.toString(),
                "--id", "id", "-q");
        trials(dir, List.of(dir), a, b);
    }

    /**
     * Runs A and B once to learn their sets, then {@value #TRIALS} runs killed at random, each the
     * other of the two than what the folder holds.
     */
    private void trials(Path dir, List<Path> watched, List<String> a, List<String> b) throws Exception {
        long startA = System.nanoTime();
        run(a);
        long duration = System.nanoTime() - startA;
        Map<String, String> setA = snapshot(dir);
        run(b);
        Map<String, String> setB = snapshot(dir);
        assertThat(setA).as("A and B differ").isNotEqualTo(setB);
        Random random = new Random(SEED);
        boolean holdsA = false;
        int committing = 0;
        int killedMidway = 0;
        for (int t = 0; t < TRIALS; t++) {
            List<String> args = holdsA ? b : a;
            boolean term = t % 5 == 4;
            Process p = start(args);
            // Kill anywhere from before the JVM is up to after the run would have finished.
            long delay = (long) (random.nextDouble() * duration * 1.1);
            TimeUnit.NANOSECONDS.sleep(delay);
            boolean finished = !p.isAlive();
            if (term) {
                p.destroy();
            } else {
                p.destroyForcibly();
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (!finished && p.exitValue() != 0) {
                killedMidway++;
            }
            if (hasCommitRecord(dir)) {
                committing++;
                OutputSet.tidy(dir); // what the next run does first; the killed run is gone
            }
            if (term) {
                assertThat(temporaryFiles(dir)).as("trial %d: SIGTERM cleans up the temporary files", t)
                        .noneMatch(f -> f.contains("." + p.pid() + "-"));
            }
            Map<String, String> now = snapshot(dir);
            assertThat(now.equals(setA) || now.equals(setB))
                    .as("trial %d (%s after %d ms): the outputs are A's or B's, not a mix: %s", t, term ? "SIGTERM" : "SIGKILL",
                            delay / 1_000_000, diff(now, setA, setB))
                    .isTrue();
            holdsA = now.equals(setA);
        }
        assertThat(killedMidway).as("runs killed before they finished").isGreaterThan(TRIALS / 3);
        // The next run removes every leftover of the killed ones.
        run(holdsA ? b : a);
        assertThat(snapshot(dir)).isEqualTo(holdsA ? setB : setA);
        assertThat(temporaryFiles(dir)).as("temporary files after the next run").isEmpty();
        assertThat(hasCommitRecord(dir)).isFalse();
        System.out.printf("%d trials: %d killed midway, %d left a commit to complete%n", TRIALS, killedMidway, committing);
    }

    private static String diff(Map<String, String> now, Map<String, String> a, Map<String, String> b) {
        List<String> lines = new ArrayList<>();
        for (String f : now.keySet()) {
            String h = now.get(f);
            lines.add(f + "=" + (h.equals(a.get(f)) ? "A" : "") + (h.equals(b.get(f)) ? "B" : "")
                    + (!h.equals(a.get(f)) && !h.equals(b.get(f)) ? "neither" : ""));
        }
        for (String f : a.keySet()) {
            if (!now.containsKey(f)) {
                lines.add(f + " missing (in A)");
            }
        }
        for (String f : b.keySet()) {
            if (!now.containsKey(f) && !a.containsKey(f)) {
                lines.add(f + " missing (in B)");
            }
        }
        return String.join(", ", lines);
    }

    private static void write(Path file, int rows, boolean someBad) throws IOException {
        String[] cities = {"Paris", "Lyon", "Nice", "Lille"};
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,income,age,city\n");
            for (int i = 0; i < rows; i++) {
                String age = someBad && i % 199 == 0 ? "abc" : String.valueOf(18 + (i * 7 + (someBad ? 0 : 3)) % 63);
                w.write("L" + i + "," + (1000 + i % 19000) + "," + age + "," + cities[i % 4] + "\n");
            }
        }
    }

    /** @return each visible (not temporary) file under {@code dir} with its SHA-256 */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(f).toString();
                if (!f.getFileName().toString().startsWith(".")) {
                    files.put(name, sha256(f));
                }
            }
        }
        return files;
    }

    private static List<String> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".") && n.endsWith(".tmp")).toList();
        }
    }

    private static boolean hasCommitRecord(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().startsWith(".scorecard-commit."));
        }
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Process start(List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile())
                .start();
    }

    private void run(List<String> args) throws Exception {
        Process p = start(args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", args, Files.readString(tmp.resolve("stderr.txt"))).isZero();
    }
}
