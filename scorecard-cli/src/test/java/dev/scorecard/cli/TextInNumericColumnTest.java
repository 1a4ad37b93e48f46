package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.json.ModelReader;
import dev.scorecard.core.model.ScorecardModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a few cells of text in a numeric column reject their rows in {@code bin} and {@code train}
 * as they do in {@code score}, instead of silently making the column categorical.
 */
class TextInNumericColumnTest {
    static final String GERMAN = "../datasets/germancredit/germancredit.csv";
    static final String DURATION = "duration_in_month";

    @TempDir
    Path tmp;

    /** The first {@code rows} rows of German credit with {@code text} as duration_in_month in the given data rows (1-based). */
    private Path german(int rows, String text, Set<Integer> at) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(GERMAN));
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i <= rows; i++) {
            String line = lines.get(i);
            // duration_in_month is the second field; the first never holds a comma
            sb.append(at.contains(i) ? line.replaceFirst("^([^,]*),(\\d+),", "$1," + text + ",") : line).append('\n');
        }
        Path f = tmp.resolve("german.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> linesAndReasons(Path rejects) throws IOException {
        List<String> out = new ArrayList<>();
        for (String row : Files.readAllLines(rejects).subList(1, Files.readAllLines(rejects).size())) {
            out.add(row.substring(0, row.indexOf(',', row.indexOf(',') + 1))); // line,reason (no comma in these reasons)
        }
        return out;
    }

    @Test
    void trainRejectsTheRowKeepsTheColumnNumericAndScoreRejectsTheSameRow() throws IOException {
        Path data = german(1000, "abc", Set.of(17));
        Path out = tmp.resolve("model");

        CliRun train = CliRun.of("train", "--data", data.toString(), "--target", "creditability", "--out", out.toString());

        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).startsWith(data + ": 1000 rows, delimiter ',', 1 rejected\n"
                + "  column 'duration_in_month' is numeric: 1 of 1000 non-missing cells is not a number, so its row is"
                + " rejected: 'abc' (line 18)\n");
        assertThat(linesAndReasons(out.resolve("rejects.csv")))
                .containsExactly("18,column 'duration_in_month': value 'abc' is not a number");
        ScorecardModel model = ModelReader.read(out.resolve("model.json"));
        assertThat(model.characteristics()).filteredOn(c -> c.name().equals(DURATION))
                .extracting(Characteristic::type).containsExactly(VariableType.NUMERIC);
        assertThat(model.provenance().rowsRead()).isEqualTo(1000);
        assertThat(model.provenance().rowsRejected()).isEqualTo(1);
        assertThat(model.provenance().trainRows() + model.provenance().testRows()).isEqualTo(999);

        Path scored = tmp.resolve("scored.csv");
        CliRun score = CliRun.of("score", "--model", out.resolve("model.json").toString(), "--data", data.toString(),
                "--out", scored.toString());

        assertThat(score.exitCode()).as(score.err()).isZero();
        assertThat(score.out()).startsWith("1000 rows: 999 scored, 1 rejected");
        assertThat(linesAndReasons(tmp.resolve("scored.csv.rejects.csv")))
                .isEqualTo(linesAndReasons(out.resolve("rejects.csv")));
    }

    /** 1000 numbers allow 5 texts; with 6 the column is categorical, and the summary says why. */
    @Test
    void manyTextCellsKeepTheColumnCategoricalAndTheSummarySaysWhy() throws IOException {
        Path data = german(1000, "n/a", Set.of(3, 50, 51, 400, 401, 999));
        Path out = tmp.resolve("bins");

        CliRun bin = CliRun.of("bin", "--data", data.toString(), "--target", "creditability", "--out", out.toString());

        assertThat(bin.exitCode()).as(bin.err()).isZero();
        assertThat(bin.out()).startsWith(data + ": 1000 rows, delimiter ',', 0 rejected\n"
                + "  column 'duration_in_month' is categorical: 6 of 1000 non-missing cells are not numbers, more than"
                + " the 5 a numeric column may hold: 'n/a' (6 cells, the first on line 4)\n");
        assertThat(out.resolve("rejects.csv")).doesNotExist();
        assertThat(Files.readString(out.resolve("bins.json"))).contains("n/a");
    }

    /** 200 rows allow 5 texts, but 3 rejected rows are 1.5 %, over the default --max-reject-share of 1 %. */
    @Test
    void rowsRejectedForTextCountAgainstMaxRejectShare() throws IOException {
        Path data = german(200, "?", Set.of(10, 20, 30));
        Path out = tmp.resolve("model");

        CliRun over = CliRun.of("train", "--data", data.toString(), "--target", "creditability", "--out", out.toString());

        assertThat(over.exitCode()).isEqualTo(2);
        assertThat(over.err()).isEqualTo("error: " + data + ": 3 of 200 rows (1.50 %) were rejected, over"
                + " --max-reject-share 0.01; see " + out.resolve("rejects.csv") + "\n");
        assertThat(out.resolve("model.json")).doesNotExist();
        assertThat(linesAndReasons(out.resolve("rejects.csv"))).containsExactly(
                "11,column 'duration_in_month': value '?' is not a number",
                "21,column 'duration_in_month': value '?' is not a number",
                "31,column 'duration_in_month': value '?' is not a number");

        CliRun allowed = CliRun.of("train", "--data", data.toString(), "--target", "creditability", "--out", out.toString(),
                "--max-reject-share", "0.02");

        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).startsWith(data + ": 200 rows, delimiter ',', 3 rejected\n"
                + "  column 'duration_in_month' is numeric: 3 of 200 non-missing cells are not numbers, so their rows are"
                + " rejected: '?' (3 cells, the first on line 11)\n");
        assertThat(ModelReader.read(out.resolve("model.json")).provenance().rowsRejected()).isEqualTo(3);
    }
}
