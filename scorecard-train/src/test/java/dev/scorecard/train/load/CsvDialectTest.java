package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that need help: no header ({@code names}) and fields padded with spaces ({@code trim}). */
class CsvDialectTest {
    private static final List<String> NAMES = List.of("age", "work", "y");
    private static final CsvDialect NO_HEADER = new CsvDialect(false, NAMES, false);

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** As UCI adult.data writes its rows: ", " between fields, {@code ?} for missing. */
    private static String adultLike(boolean header) {
        StringBuilder sb = new StringBuilder(header ? "age, work, y\n" : "");
        for (int i = 0; i < 40; i++) {
            sb.append(20 + i).append(", ").append(i % 9 == 0 ? "?" : i % 2 == 0 ? "State-gov" : "Private").append(", ")
                    .append(i % 3 == 0 ? ">50K" : "<=50K").append('\n');
        }
        return sb.toString();
    }

    private static CsvLoadOptions options(CsvDialect dialect) {
        return CsvLoadOptions.defaults("y").withPositive(">50K").withMissingValues(List.of("", "?")).withDialect(dialect);
    }

    @Test
    void withoutAHeaderTheFirstLineIsDataNamedByNames() throws IOException {
        Path file = write("39,State-gov,<=50K\n50,Private,>50K\n38,Private,<=50K\n");

        LoadResult r = CsvLoader.load(file, options(NO_HEADER));

        Dataset d = r.dataset();
        assertThat(d.rowCount()).isEqualTo(3);
        assertThat(((NumericColumn) d.feature("age").orElseThrow()).value(0)).isEqualTo(39.0);
        assertThat(((CategoricalColumn) d.feature("work").orElseThrow()).levels()).containsExactly("State-gov", "Private");
        assertThat(d.target().eventCount()).isEqualTo(1);
        assertThat(r.report().rowsRead()).isEqualTo(3);
        assertThat(r.report().header()).isEqualTo(NAMES);
    }

    @Test
    void withoutAHeaderARowWithAnotherFieldCountIsAnErrorAtItsLine() throws IOException {
        Path file = write("39,State-gov,<=50K\n50,Private\n");

        assertThatThrownBy(() -> CsvLoader.load(file, options(NO_HEADER)))
                .isInstanceOf(InputDataException.class)
                .hasMessage(file + ", line 2: expected 3 fields, one per name in names (--names), found 2");
    }

    @Test
    void withoutAHeaderRejectedRowsKeepTheirLines() throws IOException {
        // Line 1 is a data row: the rejects must not be one row off, as they would be with a header skipped.
        Path file = write("39,State-gov,?\n50,Private,>50K\n38,Private,<=50K\n41,Private,<=50K\n");

        LoadResult r = CsvLoader.load(file, options(NO_HEADER).withMissingValues(List.of("?")));

        assertThat(r.rejects()).containsExactly(new RejectedRow(1, "target 'y' is missing", List.of("39", "State-gov", "?")));
        assertThat(r.dataset().rowCount()).isEqualTo(3);
    }

    @Test
    void trimReadsPaddedFieldsAsNumbersLevelsAndMissingTokens() throws IOException {
        // A quote opens a quoted field only right after the delimiter (RFC 4180), so this one follows ','.
        Path file = write(adultLike(true) + "61,\" Private \", <=50K\n");

        LoadResult r = CsvLoader.load(file, options(CsvDialect.DEFAULT.withTrim(true)));

        Dataset d = r.dataset();
        assertThat(r.report().header()).containsExactly("age", "work", "y");
        NumericColumn age = (NumericColumn) d.feature("age").orElseThrow();
        assertThat(age.value(0)).isEqualTo(20.0);
        CategoricalColumn work = (CategoricalColumn) d.feature("work").orElseThrow();
        // The quoted field keeps its spaces: quotes say they are meant.
        assertThat(work.levels()).containsExactly("Private", "State-gov", " Private ");
        assertThat(r.report().column("work").orElseThrow().missingTokenCounts()).isEqualTo(Map.of("?", 5L));
        assertThat(d.target().eventCount()).isEqualTo(14);
        assertThat(r.report().warnings()).isEmpty();
    }

    @Test
    void trimAndNoHeaderTogether() throws IOException {
        LoadResult trimmed = CsvLoader.load(write(adultLike(false)), options(new CsvDialect(false, NAMES, true)));
        Path headed = dir.resolve("headed.csv");
        Files.writeString(headed, adultLike(true).replace(", ", ","), StandardCharsets.UTF_8);
        LoadResult plain = CsvLoader.load(headed, options(CsvDialect.DEFAULT));

        assertThat(((NumericColumn) trimmed.dataset().feature("age").orElseThrow()).copyValues())
                .isEqualTo(((NumericColumn) plain.dataset().feature("age").orElseThrow()).copyValues());
        CategoricalColumn work = (CategoricalColumn) trimmed.dataset().feature("work").orElseThrow();
        CategoricalColumn plainWork = (CategoricalColumn) plain.dataset().feature("work").orElseThrow();
        assertThat(work.levels()).isEqualTo(plainWork.levels());
        for (int r = 0; r < work.size(); r++) {
            assertThat(work.code(r)).as("row %d", r).isEqualTo(plainWork.code(r));
        }
        assertThat(trimmed.report().columns()).isEqualTo(plain.report().columns());
    }

    @Test
    void withoutTrimPaddedNumbersAreCategoricalWithAWarning() throws IOException {
        Path file = write(adultLike(true));

        LoadResult r = CsvLoader.load(file, CsvLoadOptions.defaults(" y").withPositive(" >50K"));

        assertThat(r.report().column("age").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC); // first field: no space
        assertThat(r.report().column(" work").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(r.report().warnings()).isEmpty(); // text, padded or not, is no number

        Path padded = write("y, age\n" + adultLike(false).lines().map(l -> l.split(", ")[2] + ", " + l.split(", ")[0])
                .reduce("", (a, b) -> a + b + "\n"));
        LoadResult p = CsvLoader.load(padded, CsvLoadOptions.defaults("y").withPositive(">50K"));

        assertThat(p.report().column(" age").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(p.report().warnings()).containsExactly(padded + ": column ' age' holds numbers with spaces around them,"
                + " e.g. ' 20' on line 2, so it is loaded as categorical; pass --trim (trim: true in the config) to read"
                + " them as numbers");
    }

    @Test
    void aPaddedMissingTokenDoesNotHideTheWarning() throws IOException {
        Path file = write("y,amount\n1, 12\n0, NA\n1,7\n0, 3.5 \n");

        LoadResult r = CsvLoader.load(file, CsvLoadOptions.defaults("y"));

        assertThat(r.report().warnings()).containsExactly(file + ": column 'amount' holds numbers with spaces around them,"
                + " e.g. ' 12' on line 2, so it is loaded as categorical; pass --trim (trim: true in the config) to read"
                + " them as numbers");
        assertThat(CsvLoader.load(file, CsvLoadOptions.defaults("y").withDialect(CsvDialect.DEFAULT.withTrim(true)))
                .report().column("amount").orElseThrow())
                .isEqualTo(new ColumnReport("amount", ColumnType.NUMERIC, false, Map.of("NA", 1L), "feature", Optional.empty()));
    }

    @Test
    void scoringCellsReadTheSameDialect() throws IOException {
        Path file = write(" 39 , State-gov\n\"  50\", Private\n");
        try (CsvCells c = CsvCells.open(file, Optional.of(','), StandardCharsets.UTF_8, List.of(""),
                new CsvDialect(false, List.of("age", "work"), true))) {
            c.select(new int[] {0}, new int[] {1}, 1);
            assertThat(c.header()).containsExactly("age", "work");
            assertThat(c.next()).isTrue();
            assertThat(c.number(0)).isEqualTo(39.0);
            assertThat(c.text(0)).isEqualTo("State-gov");
            assertThat(c.line()).isEqualTo(1);
            assertThat(c.next()).isTrue();
            assertThat(c.badNumber(0)).isEqualTo("  50"); // quoted: kept as written
            assertThat(c.next()).isFalse();
        }
    }

    @Test
    void namesAreCheckedAgainstTheHeaderOption() {
        assertThatThrownBy(() -> new CsvDialect(false, List.of(), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a file without a header (--no-header, header: false) needs the column names: pass --names a,b,c"
                        + " or set names: [a, b, c] in the config");
        assertThatThrownBy(() -> new CsvDialect(false, List.of("a", "b", "a", "c", "b", "a"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("names: duplicate column names 'a' (names 1, 3 and 6), 'b' (names 2 and 5)");
        assertThatThrownBy(() -> new CsvDialect(true, List.of("a"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("names (--names, names:) are for a file without a header; the file's header names its columns:"
                        + " add --no-header (header: false) when the first line is data");
        assertThatThrownBy(() -> new CsvDialect(false, List.of("a", ""), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("names: name 2 is empty");
    }
}
