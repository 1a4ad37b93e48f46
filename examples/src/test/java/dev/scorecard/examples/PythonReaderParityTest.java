package dev.scorecard.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.json.ModelReader;
import dev.scorecard.train.pipeline.ScoreWorkflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/python/score_model.py} scores as the Java scorer does: the same score, score10,
 * grade, reasons and warnings on every row, and the probability to 1e-9 (the parity every scoring
 * path keeps; the script computes it with the platform's {@code exp} rather than
 * {@code StrictMath.exp}, and {@code scorecard score} writes it to 15 decimals). The Java side is
 * {@code scorecard score}'s workflow ({@link ScoreWorkflow}). The rows are germancredit's 1,000 with a
 * few cells made missing (empty and the {@code NA} token) or set to a level training never saw, for
 * the two germancredit models of {@link TrainedModels}, and the fixture {@code small-model.json}'s
 * verification inputs with its edges (special value, cut points, else bin, a row of text in a
 * numeric column that both reject). Skipped when {@code python3} is not on the PATH.
 */
class PythonReaderParityTest {
    private static final Path SCRIPT = Path.of("python/score_model.py");
    private static final Path FIXTURE = Path.of("../scorecard-core/src/test/resources/model/v1/small-model.json");
    private static final String UNSEEN = "a level training never saw";

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsPython() {
        boolean found = false;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            found = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            found = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assumeTrue(found, "python3 is not on the PATH");
    }

    @Test
    void everyGermanCreditRowScoresTheSameInPython() throws Exception {
        for (Path model : TrainedModels.germanCredit()) {
            ScorecardModel m = ModelReader.read(model);
            Path data = tmp.resolve(model.getParent().getFileName() + ".csv");
            writeEditedGermanCredit(m, data);
            List<List<String>> java = scoreWithJava(model, data);
            List<List<String>> python = scoreWithPython(model, data);
            assertThat(java).as(model.toString()).hasSize(1001);
            assertSameScores(model.toString(), java, python);
            String warnings = String.join(" ", java.stream().map(r -> r.get(r.size() - 1)).toList());
            assertThat(warnings).as(model + ": the missing path is exercised").contains("missing:");
            Characteristic categorical = firstOfType(m, VariableType.CATEGORICAL);
            if (categorical.bins().stream().noneMatch(b -> b.kind() == BinKind.ELSE)) {
                assertThat(warnings).as(model + ": the unseen path is exercised")
                        .contains("unseen:" + categorical.name() + "=" + UNSEEN);
            }
        }
    }

    /**
     * credit_data's 4,454 rows with the model whose empty Income, Assets and Debt cells were merged into
     * regular bins ({@code missingBin}): Python sends a missing value to the bin the characteristic
     * names, as the Java scorer does, with no {@code missing:} warning.
     */
    @Test
    void everyCreditDataRowScoresTheSameInPythonWithMissingValuesMerged() throws Exception {
        Path model = TrainedModels.creditDataMerged();
        ScorecardModel m = ModelReader.read(model);
        List<String> merged = m.characteristics().stream().filter(c -> c.missingBin().isPresent())
                .map(Characteristic::name).toList();
        assertThat(merged).as("characteristics whose missing values were merged into a regular bin").isNotEmpty();
        List<List<String>> java = scoreWithJava(model, TrainedModels.CREDIT_DATA);
        assertThat(java).hasSize(4455);
        assertSameScores(model.toString(), java, scoreWithPython(model, TrainedModels.CREDIT_DATA));
        String warnings = String.join(" ", java.stream().map(r -> r.get(r.size() - 1)).toList());
        for (String name : merged) {
            assertThat(warnings).doesNotContain("missing:" + name);
        }
    }

    @Test
    void theFixtureScoresTheSameInPythonIncludingItsEdges() throws Exception {
        ScorecardModel m = ModelReader.read(FIXTURE);
        Path data = tmp.resolve("small.csv");
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(data)) {
            w.writeRecord("duration", "purpose");
            m.verification().forEach(v -> w.writeRecord(orEmpty(v.inputs().get("duration")),
                    orEmpty(v.inputs().get("purpose"))));
            w.writeRecord("-1", "business");
            w.writeRecord("8.5", "vacation (été)");
            w.writeRecord("20.5", "");
            w.writeRecord("8.499999999999998", "NA");
            w.writeRecord("-0", "radio/television");
            w.writeRecord("2.05e1", UNSEEN);
            w.writeRecord("twelve", "car (new)"); // rejected by both: text in a numeric column
            w.writeRecord("N/A", "N/A");
        }
        List<List<String>> java = scoreWithJava(FIXTURE, data);
        assertThat(java).hasSize(1 + m.verification().size() + 7);
        assertSameScores("small-model.json", java, scoreWithPython(FIXTURE, data));
    }

    /** Every model's verification rows hit every bin, a missing row and an unseen level: the leads model has missing bins. */
    @Test
    void theVerificationRowsOfEveryModelScoreTheSame() throws Exception {
        List<Path> models = new ArrayList<>(TrainedModels.all());
        models.add(FIXTURE);
        models.add(FIXTURE.resolveSibling("small-model-candidates.json"));
        models.add(FIXTURE.resolveSibling("small-model-merged-missing.json"));
        for (Path model : models) {
            ScorecardModel m = ModelReader.read(model);
            Path data = tmp.resolve("verification-" + models.indexOf(model) + ".csv");
            try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(data)) {
                List<String> names = m.characteristics().stream().map(Characteristic::name).toList();
                w.writeRecord(names);
                m.verification().forEach(v -> w.writeRecord(names.stream().map(n -> orEmpty(v.inputs().get(n))).toList()));
            }
            List<List<String>> java = scoreWithJava(model, data);
            assertThat(java).as(model.toString()).hasSize(1 + m.verification().size());
            assertSameScores(model.toString(), java, scoreWithPython(model, data));
        }
    }

    @Test
    void pythonRefusesAModelWhoseChecksumDoesNotMatch() throws Exception {
        Path edited = tmp.resolve("edited.json");
        Files.writeString(edited, Files.readString(FIXTURE).replace("\"points\": 40,", "\"points\": 41,"));
        Process p = new ProcessBuilder("python3", SCRIPT.toString(), edited.toString(), FIXTURE.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output).contains("checksum mismatch");
    }

    /** germancredit with missing cells (empty, {@code NA}) and unseen levels in a few rows of two characteristics. */
    private static void writeEditedGermanCredit(ScorecardModel m, Path out) throws IOException {
        String numeric = firstOfType(m, VariableType.NUMERIC).name();
        String categorical = firstOfType(m, VariableType.CATEGORICAL).name();
        try (CsvReader<CsvRecord> in = CsvReader.builder().ofCsvRecord(TrainedModels.GERMAN_CREDIT);
                CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
            List<String> header = null;
            int row = 0;
            for (CsvRecord r : in) {
                List<String> fields = new ArrayList<>(r.getFields());
                if (header == null) {
                    header = fields;
                } else {
                    int n = header.indexOf(numeric);
                    int c = header.indexOf(categorical);
                    switch (row++) {
                        case 0, 1 -> fields.set(n, "");
                        case 2 -> fields.set(n, "NA");
                        case 3 -> fields.set(c, "");
                        case 4 -> fields.set(c, "NA");
                        case 5, 6, 7 -> fields.set(c, UNSEEN);
                        case 8 -> {
                            fields.set(n, "");
                            fields.set(c, UNSEEN);
                        }
                        default -> { }
                    }
                }
                w.writeRecord(fields);
            }
        }
    }

    private static Characteristic firstOfType(ScorecardModel m, VariableType type) {
        return m.characteristics().stream().filter(c -> c.type() == type).findFirst().orElseThrow();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private List<List<String>> scoreWithJava(Path model, Path data) throws IOException {
        Path out = tmp.resolve(data.getFileName() + ".java.csv");
        ScoreWorkflow.run(new ScoreWorkflow.Request(model, data, out, List.of(), List.of(), 4, ReasonBaseline.MAX,
                ScoreWorkflow.Format.CSV, false, false, Optional.empty(), 1.0, false, Optional.empty(),
                StandardCharsets.UTF_8), rows -> { });
        return read(out);
    }

    private List<List<String>> scoreWithPython(Path model, Path data) throws IOException, InterruptedException {
        Path out = tmp.resolve(data.getFileName() + ".python.csv");
        Process p = new ProcessBuilder("python3", SCRIPT.toString(), model.toString(), data.toString(), "--out",
                out.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the script finishes").isTrue();
        assertThat(p.exitValue()).as("exit code; the script said: %s", output).isZero();
        return read(out);
    }

    private static List<List<String>> read(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> in = CsvReader.builder().ofCsvRecord(csv)) {
            for (CsvRecord r : in) {
                rows.add(r.getFields());
            }
        }
        return rows;
    }

    /** Compares the two outputs row by row, collecting every conflict before failing once. */
    private static void assertSameScores(String what, List<List<String>> java, List<List<String>> python) {
        assertThat(python).as(what + ": rows").hasSameSizeAs(java);
        assertThat(python.get(0)).as(what + ": header").isEqualTo(java.get(0));
        List<String> header = java.get(0);
        int probability = header.indexOf("probability");
        int score = header.indexOf("score");
        List<String> conflicts = new ArrayList<>();
        for (int i = 1; i < java.size(); i++) {
            List<String> j = java.get(i);
            List<String> py = python.get(i);
            for (int col = 0; col < header.size(); col++) {
                boolean same;
                if (col == probability) {
                    same = Math.abs(Double.parseDouble(j.get(col)) - Double.parseDouble(py.get(col))) <= 1e-9;
                } else if (col == score) {
                    same = Double.parseDouble(j.get(col)) == Double.parseDouble(py.get(col));
                } else {
                    same = j.get(col).equals(py.get(col));
                }
                if (!same) {
                    conflicts.add("row " + i + ", " + header.get(col) + ": Java " + j.get(col) + ", Python " + py.get(col));
                }
            }
        }
        assertThat(conflicts).as(what).isEmpty();
    }
}
