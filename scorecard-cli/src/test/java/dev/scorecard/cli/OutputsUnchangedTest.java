package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's output, byte for byte, on every shipped dataset: bin, train (one run with a
 * challenger), score, evaluate, monitor (one by period), every export format and dialect, inspect
 * and demo. The SHA-256 of each file and of what each command printed (with the temporary folder
 * replaced by {@code <tmp>}) is compared with {@code golden/outputs.sha256}; a restructuring that
 * changes any byte fails here, listing every file that changed. A deliberate change regenerates the
 * list with {@code -Dgolden.update=true} (and the commit says why the bytes moved); a normal run
 * never writes into {@code src/}. On failure the outputs are left in {@code target/golden-actual}
 * to be compared by hand.
 */
class OutputsUnchangedTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/outputs.sha256");

    @TempDir
    Path tmp;

    private final Map<String, String> hashes = new TreeMap<>();

    @Test
    void everyCommandWritesTheSameBytesOnEveryShippedDataset() throws IOException {
        dataset("germancredit", "germancredit/germancredit.csv", "germancredit.yaml", List.of("--challenger", "rf"),
                List.of());
        dataset("credit-data", "credit-data/credit_data.csv", "credit-data.yaml", List.of(), List.of());
        dataset("bank-marketing", "bank-marketing/bank-full.csv.gz", "bank-marketing.yaml", List.of(),
                List.of("--by", "month"));
        dataset("online-shoppers", "online-shoppers/online_shoppers_intention.csv", "online-shoppers.yaml", List.of(),
                List.of("--by", "Month"));
        run("demo", "demo", "--out", tmp.resolve("demo").toString());
        record("demo", tmp.resolve("demo"));

        String actual = render(hashes);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
            return;
        }
        Map<String, String> expected = parse(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        List<String> changed = new ArrayList<>();
        for (String key : union(expected, hashes)) {
            String e = expected.get(key);
            String a = hashes.get(key);
            if (e == null || !e.equals(a)) {
                changed.add(key + (e == null ? " (new)" : a == null ? " (gone)" : " (changed)"));
            }
        }
        if (!changed.isEmpty()) {
            keepForInspection();
        }
        assertThat(changed).as("outputs that differ from %s (copies in target/golden-actual)", GOLDEN).isEmpty();
    }

    private void dataset(String name, String file, String config, List<String> trainExtra, List<String> monitorExtra)
            throws IOException {
        String data = Path.of("../datasets").resolve(file).toString();
        String cfg = Path.of("../examples/configs").resolve(config).toString();
        Path dir = tmp.resolve(name);
        run(name + "/bin", "bin", "--data", data, "--config", cfg, "--out", dir.resolve("bin").toString());
        List<String> train = new ArrayList<>(List.of("train", "--data", data, "--config", cfg, "--out",
                dir.resolve("model").toString()));
        train.addAll(trainExtra);
        run(name + "/train", train.toArray(String[]::new));
        String model = dir.resolve("model/model.json").toString();
        run(name + "/score", "score", "--model", model, "--data", data, "--out", dir.resolve("scored.csv").toString(),
                "--reasons", "3");
        run(name + "/score-jsonl", "score", "--model", model, "--data", data, "--out",
                dir.resolve("scored.jsonl").toString(), "--format", "jsonl");
        run(name + "/evaluate", "evaluate", "--model", model, "--data", data, "--config", cfg, "--out",
                dir.resolve("evaluation").toString());
        List<String> monitor = new ArrayList<>(List.of("monitor", "--model", model, "--current", data, "--out",
                dir.resolve("monitor").toString()));
        monitor.addAll(monitorExtra);
        run(name + "/monitor", monitor.toArray(String[]::new));
        run(name + "/export-pmml", "export", "--model", model, "--format", "pmml", "--out",
                dir.resolve("model.pmml").toString());
        for (String dialect : List.of("ansi", "postgres", "duckdb", "h2", "sqlite")) {
            run(name + "/export-sql-" + dialect, "export", "--model", model, "--format", "sql", "--dialect", dialect,
                    "--out", dir.resolve("model-" + dialect + ".sql").toString());
        }
        run(name + "/export-markdown", "export", "--model", model, "--format", "markdown", "--out",
                dir.resolve("points.md").toString());
        run(name + "/export-csv", "export", "--model", model, "--format", "csv", "--out",
                dir.resolve("points.csv").toString());
        run(name + "/inspect", "inspect", model);
        record(name, dir);
    }

    private void run(String key, String... args) {
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliRun r = CliRun.of(args);
        String where = tmp.toString();
        hashes.put(key + " exit", Integer.toString(r.exitCode()));
        hashes.put(key + " stdout", sha256(r.out().replace(where, "<tmp>").getBytes(StandardCharsets.UTF_8)));
        hashes.put(key + " stderr", sha256(r.err().replace(where, "<tmp>").getBytes(StandardCharsets.UTF_8)));
    }

    private void record(String name, Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = tmp.relativize(f).toString().replace('\\', '/');
                hashes.put(rel, sha256(Files.readAllBytes(f)));
            }
        }
    }

    private void keepForInspection() throws IOException {
        Path keep = Path.of("target/golden-actual");
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = keep.resolve(tmp.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(keep.resolve("outputs.sha256"), render(hashes), StandardCharsets.UTF_8);
    }

    private static String render(Map<String, String> hashes) {
        StringBuilder sb = new StringBuilder();
        hashes.forEach((k, v) -> sb.append(v).append("  ").append(k).append('\n'));
        return sb.toString();
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> m = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                int sep = line.indexOf("  ");
                m.put(line.substring(sep + 2), line.substring(0, sep));
            }
        }
        return m;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
