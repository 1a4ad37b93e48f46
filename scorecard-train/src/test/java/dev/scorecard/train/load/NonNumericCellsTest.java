package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.NumericColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A few cells that are not numbers in a numeric column reject their rows, as {@code score} rejects
 * them, instead of making the column categorical ({@link TypeInference}); many keep it categorical.
 * Either way the report names the cells. Row i (0-based) of every file here starts on line i + 2.
 */
class NonNumericCellsTest {
    @TempDir
    Path dir;

    /** Columns id, age (20 + i % 50, or the text {@code age.apply(i)} when not null), city, y. */
    private Path file(int rows, IntFunction<String> age) throws IOException {
        StringBuilder sb = new StringBuilder("id,age,city,y\n");
        for (int i = 0; i < rows; i++) {
            String text = age.apply(i);
            sb.append(i).append(',').append(text != null ? text : String.valueOf(20 + i % 50)).append(',')
                    .append(i % 3 == 0 ? "Pune" : "Delhi").append(',').append(i % 4 == 0 ? 1 : 0).append('\n');
        }
        Path f = dir.resolve("ages.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> fields(int i, String age) {
        return List.of(String.valueOf(i), age, i % 3 == 0 ? "Pune" : "Delhi", i % 4 == 0 ? "1" : "0");
    }

    private static NumericColumn numeric(LoadResult r, String name) {
        assertThat(r.dataset().feature(name).orElseThrow()).as(name).isInstanceOf(NumericColumn.class);
        return (NumericColumn) r.dataset().feature(name).orElseThrow();
    }

    @ParameterizedTest(name = "text in data row {0}")
    @ValueSource(ints = {15, 1500}) // in the type-inference sample, and after it
    void oneTextCellRejectsItsRowAndTheColumnStaysNumeric(int at) throws IOException {
        Path f = file(2000, i -> i == at ? "abc" : null);

        LoadResult r = CsvLoader.load(f, CsvLoadOptions.defaults("y"));

        assertThat(r.rejects()).containsExactly(new RejectedRow(at + 2, "column 'age': value 'abc' is not a number",
                fields(at, "abc")));
        assertThat(r.report().rowsRead()).isEqualTo(2000);
        assertThat(r.report().rowsRejected()).isEqualTo(1);
        assertThat(r.dataset().rowCount()).isEqualTo(1999);
        NumericColumn age = numeric(r, "age");
        assertThat(age.value(at - 1)).isEqualTo(20 + (at - 1) % 50);
        assertThat(age.value(at)).isEqualTo(20 + (at + 1) % 50); // the next row moved up
        assertThat(r.report().column("age").orElseThrow()).isEqualTo(new ColumnReport("age", ColumnType.NUMERIC, false,
                Map.of(), "feature", Optional.of(new NonNumericCells(1, 2000, 5, 1,
                        List.of(new NonNumericCells.Value("abc", 1, at + 2))))));
        assertThat(r.report().column("city").orElseThrow().nonNumeric()).isEmpty();
        assertThat(r.report().column("id").orElseThrow().nonNumeric()).isEmpty();
    }

    /** 20,000 non-missing cells allow max(5, 20) = 20 non-numbers; the 21st makes the column categorical. */
    @ParameterizedTest(name = "{0} text cells")
    @ValueSource(ints = {20, 21})
    void theAllowanceIsExact(int texts) throws IOException {
        int rows = 20_000;
        // Spread over the file, in and after the sample; two different texts, taking turns.
        int step = rows / texts;
        Path f = file(rows, i -> i % step == 7 && i / step < texts ? (i / step % 2 == 0 ? "?" : "n/a") : null);

        LoadResult r = CsvLoader.load(f, CsvLoadOptions.defaults("y"));

        ColumnReport age = r.report().column("age").orElseThrow();
        NonNumericCells cells = age.nonNumeric().orElseThrow();
        assertThat(cells.cells()).isEqualTo(texts);
        assertThat(cells.nonMissing()).isEqualTo(rows);
        assertThat(cells.allowed()).isEqualTo(20);
        assertThat(cells.values()).extracting(NonNumericCells.Value::text).containsExactlyInAnyOrder("?", "n/a");
        if (texts == 20) {
            assertThat(age.type()).isEqualTo(ColumnType.NUMERIC);
            assertThat(r.rejects()).hasSize(20).allSatisfy(x -> assertThat(x.reason()).matches(
                    "column 'age': value '(\\?|n/a)' is not a number"));
            assertThat(numeric(r, "age").size()).isEqualTo(rows - 20);
        } else {
            assertThat(age.type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(r.rejects()).isEmpty();
            assertThat(r.dataset().feature("age").orElseThrow()).isInstanceOf(CategoricalColumn.class);
        }
    }

    @Test
    void aColumnOfMostlyTextStaysCategoricalWithoutANote() throws IOException {
        Path f = file(3000, i -> i % 10 < 7 ? "young" : null);

        LoadResult r = CsvLoader.load(f, CsvLoadOptions.defaults("y"));

        ColumnReport age = r.report().column("age").orElseThrow();
        assertThat(age.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(age.nonNumeric()).isEmpty();
        assertThat(r.rejects()).isEmpty();
    }

    @Test
    void aCategoricalColumnOfMostlyNumbersIsNotedWithItsTexts() throws IOException {
        // 40 % text: categorical, but the numbers are the majority, so the report says which texts did it.
        Path f = file(1000, i -> i % 5 == 1 ? "none" : i % 5 == 3 ? "unknown" + (i == 3 ? "!" : "") : null);

        LoadResult r = CsvLoader.load(f, CsvLoadOptions.defaults("y"));

        assertThat(r.report().column("age").orElseThrow().nonNumeric()).contains(new NonNumericCells(400, 1000, 5, 3,
                List.of(new NonNumericCells.Value("none", 200, 3), new NonNumericCells.Value("unknown", 199, 10),
                        new NonNumericCells.Value("unknown!", 1, 5))));
    }

    /**
     * 150 texts in the first 1000 rows read the column as categorical, but 200,000 cells allow 200:
     * the column is turned into numbers in memory, without a second read.
     */
    @Test
    void textEarlyInABigFileStillLeavesItNumeric() throws IOException {
        int rows = 200_000;
        Path f = file(rows, i -> i < 1000 && i % 20 < 3 ? "x" + i % 3 : null);

        LoadResult r = CsvLoader.load(f, CsvLoadOptions.defaults("y"));

        NumericColumn age = numeric(r, "age");
        assertThat(age.size()).isEqualTo(rows - 150);
        assertThat(r.rejects()).hasSize(150);
        assertThat(r.rejects().get(0)).isEqualTo(new RejectedRow(2, "column 'age': value 'x0' is not a number",
                fields(0, "x0")));
        assertThat(age.value(0)).isEqualTo(23); // rows 0 to 2 rejected
        assertThat(age.value(rows - 151)).isEqualTo(20 + (rows - 1) % 50);
        assertThat(r.report().column("age").orElseThrow().nonNumeric().orElseThrow().values())
                .extracting(NonNumericCells.Value::text).containsExactly("x0", "x1", "x2");
    }

    /**
     * Long rows in the sample make the loader expect few rows and give the column up after 5 texts; the
     * second read, categorical, counts all 30 of 40,000 cells and turns the column into numbers.
     */
    @Test
    void aColumnGivenUpTooEarlyEndsNumericAllTheSame() throws IOException {
        int rows = 40_000;
        StringBuilder sb = new StringBuilder("age,note,y\n");
        for (int i = 0; i < rows; i++) {
            String age = i >= 5000 && i < 5030 ? "abc" : String.valueOf(i % 90);
            sb.append(age).append(',').append(i < LoadPass.SAMPLE_ROWS ? "t".repeat(400) : "s").append(',')
                    .append(i % 2).append('\n');
        }
        Path f = dir.resolve("long-sample.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);

        LoadResult r = CsvLoader.load(f, CsvLoadOptions.defaults("y"));

        assertThat(numeric(r, "age").size()).isEqualTo(rows - 30);
        assertThat(r.rejects()).hasSize(30);
        assertThat(r.rejects().get(29).line()).isEqualTo(5031);
        assertThat(r.report().column("age").orElseThrow().nonNumeric().orElseThrow().values())
                .containsExactly(new NonNumericCells.Value("abc", 30, 5002));
    }

    @Test
    void aRowWithTwoBadCellsAndABadTargetIsRejectedOnceForItsFirstColumn() throws IOException {
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 100; i++) {
            boolean bad = i == 40;
            sb.append(bad ? "x" : i).append(',').append(bad ? "z" : i * 2).append(',').append(bad ? "" : i % 2).append('\n');
        }
        Path f = dir.resolve("two.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);

        LoadResult r = CsvLoader.load(f, CsvLoadOptions.defaults("y"));

        assertThat(r.rejects()).containsExactly(new RejectedRow(42, "column 'a': value 'x' is not a number",
                List.of("x", "z", "")));
        assertThat(r.report().rowsRejected()).isEqualTo(1);
        assertThat(r.report().column("b").orElseThrow().nonNumeric().orElseThrow().values())
                .containsExactly(new NonNumericCells.Value("z", 1, 42));
    }

    @Test
    void aForcedTypeWins() throws IOException {
        Path f = file(2000, i -> i == 1500 ? "abc" : i == 1600 ? "def" : null);

        LoadResult categorical = CsvLoader.load(f, CsvLoadOptions.defaults("y").withType("age", ColumnType.CATEGORICAL));
        assertThat(categorical.rejects()).isEmpty();
        assertThat(categorical.report().column("age").orElseThrow().nonNumeric()).isEmpty();
        assertThat(((CategoricalColumn) categorical.dataset().feature("age").orElseThrow()).level(1500)).isEqualTo("abc");

        // Forced numeric: every non-number rejects its row, however many there are.
        Path many = file(2000, i -> i % 100 == 0 ? "abc" : null);
        LoadResult numeric = CsvLoader.load(many, CsvLoadOptions.defaults("y").withType("age", ColumnType.NUMERIC));
        assertThat(numeric.rejects()).hasSize(20);
        assertThat(numeric(numeric, "age").size()).isEqualTo(1980);
        ColumnReport age = numeric.report().column("age").orElseThrow();
        assertThat(age.typeForced()).isTrue();
        assertThat(age.nonNumeric().orElseThrow().values()).containsExactly(new NonNumericCells.Value("abc", 20, 2));
    }

    @Test
    void idAndTargetColumnsAreNeverNumeric() throws IOException {
        Path f = file(2000, i -> null);
        String text = Files.readString(f).replace("\n1500,", "\nX1500,");
        Files.writeString(f, text);

        LoadResult r = CsvLoader.load(f, CsvLoadOptions.defaults("y").withId(Set.of("id")));

        assertThat(r.rejects()).isEmpty();
        assertThat(r.report().column("id").orElseThrow().nonNumeric()).isEmpty();
        assertThat(((CategoricalColumn) r.dataset().ids().get(0)).level(1500)).isEqualTo("X1500");
    }

    /** Missing tokens are not "not numbers": they neither count against the allowance nor reject a row. */
    @Test
    void missingTokensAreNotTexts() throws IOException {
        List<String> tokens = new ArrayList<>(CsvLoadOptions.DEFAULT_MISSING_VALUES);
        Path f = file(2000, i -> i < 700 ? tokens.get(i % tokens.size()) : i == 1900 ? "abc" : null);

        LoadResult r = CsvLoader.load(f, CsvLoadOptions.defaults("y"));

        NonNumericCells cells = r.report().column("age").orElseThrow().nonNumeric().orElseThrow();
        assertThat(cells.nonMissing()).isEqualTo(1300);
        assertThat(cells.cells()).isEqualTo(1);
        assertThat(numeric(r, "age").size()).isEqualTo(1999);
    }
}
