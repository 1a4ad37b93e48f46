package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loader behaviour that needs more than a few lines of CSV or raw bytes; the small cases are data in
 * {@code spec/csv-loading.yaml} ({@link CsvLoadingSpecTest}).
 */
class CsvLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static CsvLoadOptions target(String name) {
        return CsvLoadOptions.defaults(name);
    }

    /** Row i (0-based) of the flip file: starts on line i + 2; rows textAt to textAt + texts - 1 have code A12. */
    private static String flipFile(int rows, int textAt, int texts, int missingTargetAt) {
        StringBuilder sb = new StringBuilder("id,code,amount,y\n");
        for (int i = 0; i < rows; i++) {
            String code = i >= textAt && i < textAt + texts ? "A12" : code(i);
            String y = i == missingTargetAt ? "NA" : String.valueOf(i % 3 == 0 ? 1 : 0);
            sb.append(i).append(',').append(code).append(',').append(i * 0.5).append(',').append(y).append('\n');
        }
        return sb.toString();
    }

    private static String code(int i) {
        return i % 7 == 0 ? "007" : String.valueOf(i % 5);
    }

    /** Ten texts are more than the 5 that 1500 numbers allow ({@link TypeInference}). */
    @Test
    void columnThatTurnsToTextAfterTheSampleIsReadAgainAsCategorical() throws IOException {
        int textAt = LoadPass.SAMPLE_ROWS + 300;
        int missingAt = LoadPass.SAMPLE_ROWS + 400;
        Path file = write("flip.csv", flipFile(1500, textAt, 10, missingAt));

        LoadResult r = CsvLoader.load(file, target("y"));

        Dataset d = r.dataset();
        assertThat(d.rowCount()).isEqualTo(1499);
        CategoricalColumn code = (CategoricalColumn) d.feature("code").orElseThrow();
        assertThat(code.levels()).containsExactly("007", "1", "2", "3", "4", "0", "A12");
        assertThat(code.level(textAt)).isEqualTo("A12"); // no rejected row before it
        assertThat(code.level(7)).isEqualTo("007");
        NumericColumn amount = (NumericColumn) d.feature("amount").orElseThrow();
        assertThat(amount.value(1498)).isEqualTo(1499 * 0.5); // the row after the rejected one moved up
        assertThat(r.report().column("code").orElseThrow())
                .isEqualTo(new ColumnReport("code", ColumnType.CATEGORICAL, false, Map.of(), "feature", Optional.of(
                        new NonNumericCells(10, 1500, 5, 1, List.of(new NonNumericCells.Value("A12", 10, textAt + 2))))));
        assertThat(r.report().column("id").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(r.rejects()).containsExactly(new RejectedRow(missingAt + 2, "target 'y' is missing",
                List.of(String.valueOf(missingAt), code(missingAt), String.valueOf(missingAt * 0.5), "NA")));
        assertThat(r.report().rowsRead()).isEqualTo(1500);
        assertThat(r.report().rowsRejected()).isEqualTo(1);
    }

    /** As {@code score} does with a numeric characteristic: the row is rejected, naming the column and the value. */
    @Test
    void forcedNumericColumnWithTextAfterTheSampleRejectsTheRow() throws IOException {
        Path file = write("forced.csv", flipFile(1500, 1200, 1, -1));
        CsvLoadOptions options = target("y").withType("code", ColumnType.NUMERIC);

        LoadResult r = CsvLoader.load(file, options);

        assertThat(r.rejects()).containsExactly(new RejectedRow(1202, "column 'code': value 'A12' is not a number",
                List.of("1200", "A12", "600.0", "1")));
        assertThat(r.dataset().feature("code").orElseThrow()).isInstanceOf(NumericColumn.class);
        assertThat(r.dataset().rowCount()).isEqualTo(1499);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 999, 1000, 1001, 2500})
    void rowCountsAroundTheSampleSize(int rows) throws IOException {
        StringBuilder sb = new StringBuilder("x,c,y\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(",L").append(i % 3).append(',').append(i % 2 == 0 ? "bad" : "good").append('\n');
        }
        Path file = write("n.csv", sb.toString());
        if (rows == 1) {
            assertThatThrownBy(() -> CsvLoader.load(file, target("y")))
                    .hasMessage(file + ", column 'y': the target has one value only, 'bad' (1); a binary target needs two");
            return;
        }
        LoadResult r = CsvLoader.load(file, target("y"));
        NumericColumn x = (NumericColumn) r.dataset().feature("x").orElseThrow();
        CategoricalColumn c = (CategoricalColumn) r.dataset().feature("c").orElseThrow();
        assertThat(x.size()).isEqualTo(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(x.value(i)).isEqualTo(i);
            assertThat(c.level(i)).isEqualTo("L" + (i % 3));
            assertThat(r.dataset().target().event(i)).isEqualTo(i % 2 == 0 ? 1 : 0);
        }
    }

    @Test
    void growsWhenLaterRowsAreShorterThanTheSample() throws IOException {
        String longText = "t".repeat(400);
        StringBuilder sb = new StringBuilder("x,t,y\n");
        int rows = 40_000;
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(i < LoadPass.SAMPLE_ROWS ? longText : "s").append(',').append(i % 2).append('\n');
        }
        Path file = write("grow.csv", sb.toString());

        LoadResult r = CsvLoader.load(file, target("y"));

        NumericColumn x = (NumericColumn) r.dataset().feature("x").orElseThrow();
        assertThat(x.size()).isEqualTo(rows);
        assertThat(x.value(rows - 1)).isEqualTo(rows - 1);
        assertThat(((CategoricalColumn) r.dataset().feature("t").orElseThrow()).levels()).containsExactly(longText, "s");
    }

    @Test
    void gzipWithMoreRowsThanTheFirstAllocation() throws IOException {
        int rows = 70_000;
        StringBuilder sb = new StringBuilder("x,y\r\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(i % 4 == 0 ? "yes" : "no").append("\r\n");
        }
        Path file = dir.resolve("big.CSV.GZ");
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                StandardCharsets.UTF_8)) {
            w.write(sb.toString());
        }

        LoadResult r = CsvLoader.load(file, target("y"));

        assertThat(r.dataset().rowCount()).isEqualTo(rows);
        assertThat(((NumericColumn) r.dataset().feature("x").orElseThrow()).value(rows - 1)).isEqualTo(rows - 1);
        assertThat(r.dataset().target().eventCount()).isEqualTo(rows / 4);
        assertThat(r.dataset().target().eventLabel()).isEqualTo("yes");
    }

    @Test
    void bomAndCrlfBytes() throws IOException {
        Path file = dir.resolve("bom.csv");
        byte[] body = "id;v\r\n1;x\r\n2;z\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(file, bytes);

        LoadResult r = CsvLoader.load(file, target("v").withPositive("x"));

        assertThat(r.report().header()).containsExactly("id", "v");
        assertThat(r.report().delimiter()).isEqualTo(';');
        assertThat(r.dataset().target().event(0)).isEqualTo(1);
    }

    @Test
    void unclosedQuoteInABigFileIsReportedWhereItOpens() throws IOException {
        Path file = dir.resolve("unclosed.csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("a,b,y\n1,\"x,1\n");
            String row = "2,abcdefghijklmnopqrstuvwxyz,0\n";
            for (long written = 0; written <= LoadPass.MAX_FIELD_CHARS; written += row.length()) {
                w.write(row);
            }
        }

        assertThatThrownBy(() -> CsvLoader.load(file, target("y")))
                .isInstanceOf(InputDataException.class)
                .hasMessage(file + ", line 2: a quoted field opens in the record starting on this line and runs past 16777216"
                        + " characters; most likely its closing quote is missing");
    }

    @Test
    void fileProblems() throws IOException {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CsvLoader.load(missing, target("y")))
                .isInstanceOf(InputDataException.class)
                .hasMessage(missing + ": file not found");
        assertThatThrownBy(() -> CsvLoader.load(dir, target("y")))
                .isInstanceOf(InputDataException.class)
                .hasMessage(dir + ": is a directory, not a CSV file");

        Path notGzip = write("plain.csv.gz", "a,y\n1,1\n");
        assertThatThrownBy(() -> CsvLoader.load(notGzip, target("y")))
                .isInstanceOf(InputDataException.class)
                .hasMessage(notGzip + ": the file is named .gz but is not a valid, complete gzip file (Not in GZIP format)");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write("x,y\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 5000; i++) {
                out.write(("" + i + "," + (i % 2) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] all = bytes.toByteArray();
        Path truncated = dir.resolve("cut.csv.gz");
        Files.write(truncated, Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> CsvLoader.load(truncated, target("y").withDelimiter(',')))
                .isInstanceOf(InputDataException.class)
                .hasMessageStartingWith(truncated + ": the file is named .gz but is not a valid, complete gzip file (");
    }

    /** Every member of a concatenated gzip file is read; damage after the first is an error, not a shorter file. */
    @Test
    void gzipMembers() throws IOException {
        byte[] first = gzipped("x,y\n1,yes\n2,no\n");
        byte[] second = gzipped("3,yes\n4,no\n");
        Path joined = dir.resolve("joined.csv.gz");
        Files.write(joined, concat(first, second));
        assertThat(CsvLoader.load(joined, target("y")).dataset().rowCount()).isEqualTo(4);

        Path damaged = dir.resolve("damaged.csv.gz");
        second[1] = 0; // the second member's magic number
        Files.write(damaged, concat(first, second));
        assertThatThrownBy(() -> CsvLoader.load(damaged, target("y")))
                .isInstanceOf(InputDataException.class)
                .hasMessage(damaged + ": damaged gzip data after member 1: the bytes from offset " + first.length
                        + " on are not a gzip member (trailing garbage, or a damaged member header)");

        Path trailing = dir.resolve("trailing.csv.gz");
        Files.write(trailing, concat(first, "\n\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> CsvLoader.load(trailing, target("y")))
                .isInstanceOf(InputDataException.class)
                .hasMessage(trailing + ": damaged gzip data after member 1: the bytes from offset " + first.length
                        + " on are not a gzip member (trailing garbage, or a damaged member header)");
    }

    private static byte[] gzipped(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void reportAndDatasetOrder() throws IOException {
        Path file = write("order.csv", "b,id,y,skip,a\n1,k1,1,s,x\n2,k2,0,t,NA\n3,k3,0,u,x\n");
        CsvLoadOptions options = target("y").withId(Set.of("id")).withExclude(Set.of("skip"));

        LoadResult r = CsvLoader.load(file, options);

        assertThat(r.dataset().features()).extracting(c -> c.name()).containsExactly("b", "a");
        assertThat(r.dataset().ids()).extracting(c -> c.name()).containsExactly("id");
        assertThat(r.report().columns()).containsExactly(
                new ColumnReport("b", ColumnType.NUMERIC, false, Map.of(), "feature"),
                new ColumnReport("id", ColumnType.CATEGORICAL, false, Map.of(), "id"),
                new ColumnReport("y", ColumnType.CATEGORICAL, false, Map.of(), "target"),
                new ColumnReport("a", ColumnType.CATEGORICAL, false, Map.of("NA", 1L), "feature"));
        assertThat(r.report().column("a").orElseThrow().missingCount()).isEqualTo(1);
        assertThat(r.report().header()).containsExactly("b", "id", "y", "skip", "a");
        assertThat(r.report().file()).isEqualTo(file.toString());
        assertThat(r.dataset().target().name()).isEqualTo("y");
    }
}
