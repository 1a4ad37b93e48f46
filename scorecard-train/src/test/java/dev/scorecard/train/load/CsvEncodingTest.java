package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.NumericColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encodings (issue 10): files in GB18030, Windows-1252 and UTF-16 read with their encoding or their
 * byte order mark; in a UTF-8 file a row holding bytes that are not UTF-8 is a rejected row with its
 * line, column and byte offset, not a failed file.
 */
class CsvEncodingTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String CHINESE = "城市,渠道,y\n北京,官网,1\n上海,电话,0\n广州,官网,0\n深圳,展会,1\n";

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static CsvLoadOptions target(String name) {
        return CsvLoadOptions.defaults(name);
    }

    private static List<String> levels(LoadResult r, String column) {
        return ((CategoricalColumn) r.dataset().feature(column).orElseThrow()).levels();
    }

    @Test
    void gb18030WithItsEncoding() throws IOException {
        Path f = file("crm.csv", CHINESE.getBytes(GB18030));

        LoadResult r = CsvLoader.load(f, target("y").withEncoding(GB18030));

        assertThat(r.report().header()).containsExactly("城市", "渠道", "y");
        assertThat(r.report().encoding()).isEqualTo(GB18030);
        assertThat(levels(r, "城市")).containsExactly("北京", "上海", "广州", "深圳");
        assertThat(levels(r, "渠道")).containsExactly("官网", "电话", "展会");
        assertThat(r.rejects()).isEmpty();
    }

    @Test
    void gbkIsReadAsGbk() throws IOException {
        Path f = file("crm.csv", CHINESE.getBytes(Charset.forName("GBK")));

        LoadResult r = CsvLoader.load(f, target("y").withEncoding(Encodings.parse("gbk")));

        assertThat(levels(r, "城市")).containsExactly("北京", "上海", "广州", "深圳");
    }

    /** Read as UTF-8, a GB18030 header cannot name its columns: an error that suggests --encoding. */
    @Test
    void gb18030ReadAsUtf8SuggestsTheEncoding() throws IOException {
        Path f = file("crm.csv", CHINESE.getBytes(GB18030));

        assertThatThrownBy(() -> CsvLoader.load(f, target("y")))
                .isInstanceOf(InputDataException.class)
                .hasMessage(f + ", line 1: the header has bytes that are not UTF-8 at byte 0 (0xB3 0xC7 0xCA 0xD0); "
                        + "if the file is not UTF-8, pass --encoding, e.g. --encoding GB18030 or --encoding windows-1252");
    }

    /** An ASCII header and Chinese in every row: every row is set aside, and the error says why. */
    @Test
    void everyRowUndecodableSuggestsTheEncoding() throws IOException {
        Path f = file("crm.csv", "city,channel,y\n北京,web,1\n上海,phone,0\n".getBytes(GB18030));

        assertThatThrownBy(() -> CsvLoader.load(f, target("y")))
                .isInstanceOf(InputDataException.class)
                .hasMessage(f + ": every data row (2) holds bytes that are not UTF-8; the first, on line 2: column 'city': "
                        + "bytes that are not UTF-8 at byte 15 (0xB1 0xB1 0xBE 0xA9); if the file is not UTF-8, pass "
                        + "--encoding, e.g. --encoding GB18030 or --encoding windows-1252");
    }

    @Test
    void windows1252WithItsEncoding() throws IOException {
        // 0x80 is the euro sign and 0x9A an s with caron in Windows-1252; neither exists in ISO-8859-1.
        Path f = file("tools.csv", "city,price,y\nKöln,€5,1\nZürich,š,0\nParis,x,1\n".getBytes(WINDOWS_1252));

        LoadResult r = CsvLoader.load(f, target("y").withEncoding(WINDOWS_1252));

        assertThat(levels(r, "city")).containsExactly("Köln", "Zürich", "Paris");
        assertThat(levels(r, "price")).containsExactly("€5", "š", "x");
    }

    /** A byte that Windows-1252 leaves undefined (0x81) rejects its row like a bad UTF-8 byte does. */
    @Test
    void aByteUndefinedInWindows1252RejectsItsRow() throws IOException {
        byte[] bytes = "city,y\nKöln,1\nXX,0\nParis,0\nLyon,1\n".getBytes(WINDOWS_1252);
        bytes[14] = (byte) 0x81; // the first X: "city,y\n" is bytes 0-6, "Köln,1\n" 7-13
        Path f = file("tools.csv", bytes);

        LoadResult r = CsvLoader.load(f, target("y").withEncoding(WINDOWS_1252));

        assertThat(r.rejects()).containsExactly(new RejectedRow(3,
                "column 'city': bytes that are not windows-1252 at byte 14 (0x81)", List.of("\uFFFDX", "0")));
        assertThat(levels(r, "city")).containsExactly("Köln", "Paris", "Lyon");
    }

    @Test
    void utf16FilesAreReadFromTheirByteOrderMark() throws IOException {
        String text = "id,city,y\n1,Köln,1\n2,東京,0\n3,😀,1\n";
        for (Charset c : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bom = c == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
            Path f = file("utf16.csv", concat(bom, text.getBytes(c)));
            // The mark decides, whatever the option says.
            for (Charset asked : List.of(StandardCharsets.UTF_8, WINDOWS_1252)) {
                LoadResult r = CsvLoader.load(f, target("y").withEncoding(asked).withType("id", ColumnType.NUMERIC));
                assertThat(r.report().header()).as("%s read as %s", c, asked).containsExactly("id", "city", "y");
                assertThat(r.report().encoding()).isEqualTo(c);
                assertThat(levels(r, "city")).containsExactly("Köln", "東京", "😀");
                assertThat(((NumericColumn) r.dataset().feature("id").orElseThrow()).value(2)).isEqualTo(3.0);
                assertThat(r.report().delimiter()).isEqualTo(',');
            }
        }
    }

    @Test
    void aUtf8ByteOrderMarkWinsOverTheOption() throws IOException {
        Path f = file("bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "city,y\nKöln,1\nParis,0\n".getBytes(StandardCharsets.UTF_8)));

        LoadResult r = CsvLoader.load(f, target("y").withEncoding(WINDOWS_1252));

        assertThat(r.report().header()).containsExactly("city", "y");
        assertThat(levels(r, "city")).containsExactly("Köln", "Paris");
    }

    @Test
    void aGb18030ByteOrderMarkIsStripped() throws IOException {
        Path f = file("bom.csv", ("\uFEFF" + CHINESE).getBytes(GB18030));

        LoadResult r = CsvLoader.load(f, target("y").withEncoding(GB18030));

        assertThat(r.report().header()).containsExactly("城市", "渠道", "y");
    }

    /** The test that failed before: one bad byte used to fail the whole file. */
    @Test
    void oneBadByteRejectsOneRow() throws IOException {
        byte[] bytes = "city,y\nBerlin,1\nKöln,0\nParis,0\nLyon,1\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = file("latin1.csv", bytes);

        LoadResult r = CsvLoader.load(f, target("y"));

        // "city,y\n" is bytes 0-6, "Berlin,1\n" 7-15, so K is byte 16 and ö (0xF6) byte 17.
        assertThat(r.rejects()).containsExactly(new RejectedRow(3,
                "column 'city': bytes that are not UTF-8 at byte 17 (0xF6)", List.of("K\uFFFDln", "0")));
        assertThat(r.report().rowsRead()).isEqualTo(4);
        assertThat(r.report().rowsRejected()).isEqualTo(1);
        assertThat(r.report().rowsUndecodable()).isEqualTo(1);
        assertThat(r.dataset().rowCount()).isEqualTo(3);
        assertThat(levels(r, "city")).containsExactly("Berlin", "Paris", "Lyon");
    }

    /**
     * Rows set aside for their bytes, rows rejected for their target and rows rejected for a cell that
     * is not a number come back in file order, each with its own fields, also past the type-inference
     * sample and across a second pass.
     */
    @Test
    void undecodableAndTargetRejectsInterleave() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,amount,code,y\n".getBytes(StandardCharsets.UTF_8));
        List<Integer> bad = List.of(0, 3, 4, 1500, 2999);
        List<Integer> noTarget = List.of(2, 5, 1501, 2000);
        int rows = 3000;
        for (int i = 0; i < rows; i++) {
            // Text late in a numeric-looking column, in more cells than 3000 numbers allow: a second pass.
            String code = i >= 2500 && i < 2510 ? "A7" : String.valueOf(i % 9);
            String y = noTarget.contains(i) ? "" : String.valueOf(i % 2);
            String amount = i == 1700 ? "abc" : (bad.contains(i) ? "1" : "") + (i * 2); // one text: a rejected row
            bytes.writeBytes((i + "," + amount + "," + code + "," + y).getBytes(StandardCharsets.UTF_8));
            if (bad.contains(i)) {
                bytes.write(0xFF); // in the last field, which is the target: the row is still set aside, not read
            }
            bytes.write('\n');
        }
        Path f = file("mixed.csv", bytes.toByteArray());

        LoadResult r = CsvLoader.load(f, target("y"));

        List<Long> lines = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (RejectedRow row : r.rejects()) {
            lines.add(row.line());
            reasons.add(row.reason());
            assertThat(row.fields().get(0)).isEqualTo(String.valueOf(row.line() - 2));
        }
        assertThat(lines).containsExactly(2L, 4L, 5L, 6L, 7L, 1502L, 1503L, 1702L, 2002L, 3001L);
        assertThat(reasons.get(0)).startsWith("column 'y': bytes that are not UTF-8 at byte ");
        assertThat(reasons.get(1)).isEqualTo("target 'y' is missing");
        assertThat(reasons.get(7)).isEqualTo("column 'amount': value 'abc' is not a number");
        assertThat(r.rejects().get(0).fields()).containsExactly("0", "10", "0", "0\uFFFD");
        assertThat(r.report().rowsRead()).isEqualTo(rows);
        assertThat(r.report().rowsRejected()).isEqualTo(10);
        assertThat(r.report().rowsUndecodable()).isEqualTo(5);
        assertThat(r.dataset().rowCount()).isEqualTo(rows - 10);
        assertThat(r.report().column("code").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
        // The set-aside rows' amounts (1 prefixed) never reached the column; the kept ones are in order.
        NumericColumn amount = (NumericColumn) r.dataset().feature("amount").orElseThrow();
        assertThat(amount.value(0)).isEqualTo(2.0); // row 1
        assertThat(amount.value(1)).isEqualTo(12.0); // row 6
        assertThat(((CategoricalColumn) r.dataset().feature("code").orElseThrow()).levels()).contains("A7");
    }

    /** Bytes that are not UTF-8 in a numeric column do not make it categorical: the row is set aside first. */
    @Test
    void aBadByteDoesNotSwayTheColumnType() throws IOException {
        byte[] bytes = "x,y\n1,1\n2\u00e9,0\n3,0\n4,1\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = file("types.csv", bytes);

        LoadResult r = CsvLoader.load(f, target("y"));

        assertThat(r.dataset().feature("x").orElseThrow()).isInstanceOf(NumericColumn.class);
        assertThat(r.rejects()).extracting(RejectedRow::reason).containsExactly("column 'x': bytes that are not UTF-8 at byte 9 (0xE9)");
    }

    @Test
    void gzippedRowsAreRejectedToo() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write("city,y\nBerlin,1\nK\u00f6ln,0\nParis,0\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        Path f = file("latin1.csv.gz", gz.toByteArray());

        LoadResult r = CsvLoader.load(f, target("y"));

        assertThat(r.rejects()).extracting(RejectedRow::reason)
                .containsExactly("column 'city': bytes that are not UTF-8 at byte 17 (0xF6)");
    }

    /** The scorer's reader: the same rows, the same reasons, the header refused with the advice. */
    @Test
    void theScoringReaderMarksTheSameRows() throws IOException {
        byte[] bytes = "city,n\nBerlin,1\nK\u00f6ln,2\nParis,\u00e93\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = file("latin1.csv", bytes);
        List<String> seen = new ArrayList<>();
        List<List<String>> rejectedFields = new ArrayList<>();
        try (CsvCells c = CsvCells.open(f, ',', StandardCharsets.UTF_8, new int[] {1}, new int[] {0}, 1, List.of(""))) {
            while (c.next()) {
                seen.add(c.line() + ":" + c.undecodable() + ":" + (c.undecodable() == null ? "-" : c.undecodableField()));
                if (c.undecodable() != null) {
                    rejectedFields.add(c.fields()); // what the rejects file gets, as read
                }
            }
        }
        assertThat(seen).containsExactly("2:null:-", "3:bytes that are not UTF-8 at byte 17 (0xF6):0",
                "4:bytes that are not UTF-8 at byte 29 (0xE9):1");
        assertThat(rejectedFields).containsExactly(List.of("K\uFFFDln", "2"), List.of("Paris", "\uFFFD3"));

        try (CsvRows rows = CsvRows.open(f, Optional.empty(), StandardCharsets.UTF_8)) {
            assertThat(rows.header()).containsExactly("city", "n");
            assertThat(rows.next()).isTrue();
            assertThat(rows.undecodable()).isEmpty();
            assertThat(rows.next()).isTrue();
            assertThat(rows.undecodable()).contains("bytes that are not UTF-8 at byte 17 (0xF6)");
            assertThat(rows.fields()).containsExactly("K\uFFFDln", "2");
        }

        Path badHeader = file("header.csv", "K\u00f6ln,n\n1,2\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CsvRows.open(badHeader, Optional.empty(), StandardCharsets.UTF_8))
                .isInstanceOf(InputDataException.class)
                .hasMessage(badHeader + ", line 1: the header has bytes that are not UTF-8 at byte 1 (0xF6); if the file is "
                        + "not UTF-8, pass --encoding, e.g. --encoding GB18030 or --encoding windows-1252");
    }

    @Test
    void encodingNames() {
        assertThat(Encodings.parse("utf-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Encodings.parse("GB18030")).isEqualTo(GB18030);
        assertThat(Encodings.parse("cp1252")).isEqualTo(WINDOWS_1252);
        assertThatThrownBy(() -> Encodings.parse("UTF-9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown encoding 'UTF-9'; use a name Java knows, such as UTF-8, GB18030, GBK, windows-1252, "
                        + "ISO-8859-1 or UTF-16LE");
        assertThatThrownBy(() -> Encodings.parse("not a name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown encoding 'not a name'; ");
        assertThat(Encodings.advice(GB18030)).isEqualTo("; if the file is not GB18030, pass its encoding with --encoding, "
                + "e.g. --encoding UTF-8");
        assertThat(Encodings.adviceFor(3, 5, StandardCharsets.UTF_8)).startsWith("; if the file is not UTF-8");
        assertThat(Encodings.adviceFor(2, 4, StandardCharsets.UTF_8)).isEmpty();
        assertThat(Encodings.adviceFor(0, 0, StandardCharsets.UTF_8)).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
