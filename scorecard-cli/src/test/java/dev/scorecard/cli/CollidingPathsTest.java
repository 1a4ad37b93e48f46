package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: an output that is an input, or another output, was silently overwritten with exit 0
 * ({@code score --out} equal to {@code --data} replaced the data with its scores). Every command now
 * refuses it with exit 2 and one line naming both options, and leaves the input as it was.
 */
class CollidingPathsTest {
    @TempDir
    static Path shared;

    static Path model;
    static Path trainCsv;
    static byte[] modelBytes;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainTheModel() throws IOException {
        model = SmallModel.train(shared);
        trainCsv = shared.resolve("train.csv");
        modelBytes = Files.readAllBytes(model);
    }

    /** A copy of the small model's data, with one row whose target is missing (a rejected row when loading). */
    private Path data(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Files.readString(trainCsv) + "X1,5000,30,Paris,\n");
        return file;
    }

    private static void refused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + message + "\n");
        assertThat(run.out()).isEmpty();
    }

    private static void unchanged(Path file, byte[] before) throws IOException {
        assertThat(Files.readAllBytes(file)).as(file.toString()).isEqualTo(before);
    }

    @Test
    void score() throws IOException {
        Path data = data(tmp.resolve("leads.csv"));
        byte[] before = Files.readAllBytes(data);
        refused(CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", data.toString()),
                "--out " + data + " and --data " + data + " are the same file; choose another --out");
        Path out = tmp.resolve("scored.csv");
        refused(CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--rejects", data.toString()), "--rejects " + data + " and --data " + data + " are the same file; choose another --rejects");
        refused(CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--rejects", out.toString()), "--rejects " + out + " and --out " + out + " are the same file; choose another --rejects");
        refused(CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", model.toString()),
                "--out " + model + " and --model " + model + " are the same file; choose another --out");
        // The default rejects file beside --out is an output too.
        Path rejectsNamed = data(tmp.resolve("scored.csv.rejects.csv"));
        refused(CliRun.of("score", "--model", model.toString(), "--data", rejectsNamed.toString(), "--out", out.toString()),
                "--out " + out + " (writing scored.csv.rejects.csv) and --data " + rejectsNamed + " are the same file; "
                        + "choose another --out");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), data);
        refused(CliRun.of("score", "--model", model.toString(), "--data", data.toString(), "--out", link.toString()),
                "--out " + link + " and --data " + data + " are the same file; choose another --out");
        unchanged(data, before);
        unchanged(model, modelBytes);
        assertThat(out).doesNotExist();
    }

    @Test
    void bin() throws IOException {
        Path out = tmp.resolve("out");
        Path data = data(out.resolve("bins.csv"));
        byte[] before = Files.readAllBytes(data);
        refused(CliRun.of("bin", "--data", data.toString(), "--target", "y", "--out", out.toString()),
                "--out " + out + " (writing bins.csv) and --data " + data + " are the same file; choose another --out");
        Path elsewhere = data(tmp.resolve("leads.csv"));
        Path bins = Files.writeString(out.resolve("bins.json"), "{\"breaks\": {}}\n");
        refused(CliRun.of("bin", "--data", elsewhere.toString(), "--target", "y", "--bins", bins.toString(), "--out", out.toString()),
                "--out " + out + " (writing bins.json) and --bins " + bins + " are the same file; choose another --out");
        refused(CliRun.of("bin", "--data", elsewhere.toString(), "--target", "y", "--rejects", elsewhere.toString(),
                "--out", tmp.resolve("o2").toString()),
                "--rejects " + elsewhere + " and --data " + elsewhere + " are the same file; choose another --rejects");
        // A linked output folder whose target holds the data as iv.csv.
        Path ivNamed = data(tmp.resolve("real").resolve("iv.csv"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
        refused(CliRun.of("bin", "--data", ivNamed.toString(), "--target", "y", "--out", link.toString()),
                "--out " + link + " (writing iv.csv) and --data " + ivNamed + " are the same file; choose another --out");
        unchanged(data, before);
        unchanged(ivNamed, before);
        assertThat(Files.readString(bins)).isEqualTo("{\"breaks\": {}}\n");
    }

    @Test
    void train() throws IOException {
        Path out = tmp.resolve("out");
        Path data = data(out.resolve("selection.csv"));
        byte[] before = Files.readAllBytes(data);
        refused(CliRun.of("train", "--data", data.toString(), "--target", "y", "--out", out.toString()),
                "--out " + out + " (writing selection.csv) and --data " + data + " are the same file; choose another --out");
        Path elsewhere = data(tmp.resolve("leads.csv"));
        Path test = data(out.resolve("model.json"));
        refused(CliRun.of("train", "--data", elsewhere.toString(), "--target", "y", "--test", test.toString(), "--out", out.toString()),
                "--out " + out + " (writing model.json) and --test " + test + " are the same file; choose another --out");
        Path config = Files.writeString(tmp.resolve("c.yaml"), "target: y\n");
        Path link = Files.createSymbolicLink(tmp.resolve("rejects.csv"), config);
        refused(CliRun.of("train", "--data", elsewhere.toString(), "--config", config.toString(), "--rejects", link.toString(),
                "--out", tmp.resolve("o2").toString()),
                "--rejects " + link + " and --config " + config + " are the same file; choose another --rejects");
        unchanged(data, before);
        unchanged(test, before);
        assertThat(Files.readString(config)).isEqualTo("target: y\n");
    }

    @Test
    void evaluate() throws IOException {
        Path data = data(tmp.resolve("holdout.csv"));
        Path out = tmp.resolve("eval");
        refused(CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--rejects", model.toString()),
                "--rejects " + model + " and --model " + model + " are the same file; choose another --rejects");
        Path gainsNamed = data(tmp.resolve("real").resolve("gains.csv"));
        byte[] before = Files.readAllBytes(gainsNamed);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
        refused(CliRun.of("evaluate", "--model", model.toString(), "--data", gainsNamed.toString(), "--out", link.toString()),
                "--out " + link + " (writing gains.csv) and --data " + gainsNamed + " are the same file; choose another --out");
        unchanged(gainsNamed, before);
        unchanged(model, modelBytes);
    }

    @Test
    void monitor() throws IOException {
        Path out = tmp.resolve("monitor");
        // Monitoring last month's rejects into the same folder would replace them with this run's.
        Path current = data(out.resolve("rejects.csv"));
        byte[] before = Files.readAllBytes(current);
        refused(CliRun.of("monitor", "--model", model.toString(), "--current", current.toString(), "--out", out.toString()),
                "--out " + out + " (writing rejects.csv) and --current " + current + " are the same file; choose another --out");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), current);
        refused(CliRun.of("monitor", "--model", model.toString(), "--current", current.toString(), "--rejects", link.toString(),
                "--out", tmp.resolve("m2").toString()),
                "--rejects " + link + " and --current " + current + " are the same file; choose another --rejects");
        unchanged(current, before);
    }

    @Test
    void export() throws IOException {
        refused(CliRun.of("export", "--model", model.toString(), "--format", "sql", "--out", model.toString()),
                "--out " + model + " and --model " + model + " are the same file; choose another --out");
        Path link = Files.createSymbolicLink(tmp.resolve("scorecard.pmml"), model);
        refused(CliRun.of("export", "--model", model.toString(), "--format", "pmml", "--out", link.toString()),
                "--out " + link + " and --model " + model + " are the same file; choose another --out");
        unchanged(model, modelBytes);
    }

    /**
     * The names each command declares are what it writes: after a real run with rejected rows, every
     * file in the output folder, given back as the input, is refused.
     */
    @Test
    void everyFileACommandWritesIsKeptApartFromItsInputs() throws IOException {
        Path data = data(tmp.resolve("leads.csv"));
        Path binned = tmp.resolve("binned");
        assertRunsThenRefusesEachOutput(binned, "--data",
                List.of("bin", "--data", data.toString(), "--target", "y", "--out", binned.toString(), "-q"),
                "bins.csv", "bins.json", "iv.csv", "rejects.csv");
        Path trained = tmp.resolve("trained");
        assertRunsThenRefusesEachOutput(trained, "--data", List.of("train", "--data", data.toString(), "--target", "y",
                "--test", data.toString(), "--out", trained.toString(), "-q"), "model.json", "report.html", "rejects.csv",
                "test.rejects.csv");
        Path evaluated = tmp.resolve("evaluated");
        assertRunsThenRefusesEachOutput(evaluated, "--data", List.of("evaluate", "--model", model.toString(),
                "--data", data.toString(), "--out", evaluated.toString(), "-q"), "report.json", "score-psi.csv", "rejects.csv");
        Path monitored = tmp.resolve("monitored");
        Path current = Files.writeString(tmp.resolve("current.csv"), Files.readString(trainCsv) + "X2,12x,30,Paris,1\n");
        assertRunsThenRefusesEachOutput(monitored, "--current", List.of("monitor", "--model", model.toString(),
                "--current", current.toString(), "--out", monitored.toString(), "-q"), "report.html", "report.json",
                "rejects.csv");
    }

    private static void assertRunsThenRefusesEachOutput(Path out, String inputOption, List<String> args, String... some)
            throws IOException {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.sorted().toList();
        }
        assertThat(written).extracting(p -> p.getFileName().toString()).as(args.get(0)).contains(some);
        for (Path file : written) {
            List<String> again = new ArrayList<>(args);
            again.set(again.indexOf(inputOption) + 1, file.toString());
            refused(CliRun.of(again.toArray(String[]::new)), "--out " + out + " (writing " + file.getFileName() + ") and "
                    + inputOption + " " + file + " are the same file; choose another --out");
        }
    }
}
