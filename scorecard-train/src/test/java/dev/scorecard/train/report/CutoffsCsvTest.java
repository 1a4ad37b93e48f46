package dev.scorecard.train.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.train.eval.Evaluation;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cutoffs.csv} read back: the bands that were written, exactly, and clear errors for anything else. */
class CutoffsCsvTest {
    private static final GermanCreditFixture F = GermanCreditFixture.get();

    @TempDir
    Path tmp;

    private Path write(List<Evaluation> evaluations) throws IOException {
        Path file = tmp.resolve("cutoffs.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            EvaluationTables.writeCutoffs(evaluations, w);
        }
        return file;
    }

    @Test
    void readsBackEveryBandOfTheEvaluationAskedFor() throws IOException {
        Path both = write(List.of(F.trainEvaluation, F.testEvaluation));
        assertThat(CutoffsCsv.read(both, "train")).isEqualTo(F.trainEvaluation.cutoffs().bands());
        assertThat(CutoffsCsv.read(both, "test")).isEqualTo(F.testEvaluation.cutoffs().bands());
        assertThat(CutoffsCsv.read(both, "holdout")).isEmpty();
        // One evaluation: no evaluation column, every row is it.
        Path one = write(List.of(F.testEvaluation));
        assertThat(CutoffsCsv.read(one, "train")).isEqualTo(F.testEvaluation.cutoffs().bands());
    }

    @Test
    void anythingElseIsAnErrorNamingTheLine() throws IOException {
        Path file = write(List.of(F.testEvaluation));
        List<String> lines = Files.readAllLines(file);

        Files.write(file, List.of("band,rows", "1,2"));
        assertThatThrownBy(() -> CutoffsCsv.read(file, "train")).isInstanceOf(InputDataException.class)
                .hasMessage(file + ", line 1: not a cut-off table: the header is band,rows, expected "
                        + String.join(",", EvaluationTables.CUTOFFS_HEADER));
        Files.write(file, List.of(lines.get(0), lines.get(1).replaceFirst("^1,", "one,")));
        assertThatThrownBy(() -> CutoffsCsv.read(file, "train")).isInstanceOf(InputDataException.class)
                .hasMessage(file + ", line 2, column 'band': 'one' is not a whole number");
        Files.write(file, List.of(lines.get(0), lines.get(1).replaceFirst(",[^,]+$", ",0.4d")));
        assertThatThrownBy(() -> CutoffsCsv.read(file, "train")).isInstanceOf(InputDataException.class)
                .hasMessage(file + ", line 2, column 'ks': '0.4d' is not a number");
        Files.write(file, List.of(lines.get(0), lines.get(1).replaceFirst(",[^,]+$", ",1.5")));
        assertThatThrownBy(() -> CutoffsCsv.read(file, "train")).isInstanceOf(InputDataException.class)
                .hasMessageStartingWith(file + ", line 2: cut-off band 1: rates out of range: ");
        Files.write(file, List.of(lines.get(0), "1,2,3"));
        assertThatThrownBy(() -> CutoffsCsv.read(file, "train")).isInstanceOf(InputDataException.class)
                .hasMessage(file + ", line 2: 3 fields, the header has 15");
    }
}
