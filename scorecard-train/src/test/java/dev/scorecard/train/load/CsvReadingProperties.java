package dev.scorecard.train.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.InputDataException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random CSV bytes through the reader that {@code scorecard score} uses ({@link CsvRows} for the
 * header, then {@link CsvCells} for the rows, every column asked for as text and the first also as a
 * number), against {@link ReferenceCsv}, an independent reader for the RFC 4180 subset:
 * <ul>
 *   <li>CSV that the reference reads: the same header, the same rows with the same fields, field
 *       counts and starting lines, and numbers exactly as the strict grammar says; bytes that are
 *       not UTF-8 read as one U+FFFD each (the reference decodes them so), and exactly the rows
 *       holding some are marked {@link CsvCells#undecodable()};
 *   <li>such bytes in the header: an {@link InputDataException} at the header's line;
 *   <li>an unclosed quote: the rows before it, then an {@link InputDataException} at the line its
 *       record starts on;
 *   <li>anything else the reference refuses (text after a closing quote): a prefix of the
 *       reference's rows, then an {@link InputDataException} that names a line;
 * </ul>
 * never another exception type, and never a hang (each try has 10 s).
 *
 * <p>Each try has its own seed, printed on failure. The default run, 2,000 tries, takes about 5 s;
 * a longer one: {@code mvn -o -pl scorecard-train test -Dtest=CsvReadingProperties -Dfuzz.tries=1000000}
 * (add {@code -Dfuzz.seed=N} to start elsewhere, or to replay a failing seed with {@code -Dfuzz.tries=1}).
 */
class CsvReadingProperties {
    private static final Pattern STRICT_NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final List<String> MISSING = List.of("", "NA");
    /** Pieces of CSV, weighted by repetition: structure, numbers, missing tokens, non-ASCII. */
    private static final String[] PIECES = {",", ",", ",", ";", "\t", "|", "\"", "\"", "\"\"", "\n", "\n", "\r\n", "\r",
        "a", "b", "x y", "1", "12", "-0", "1.5", "1e3", "1e400", " ", "NA", "N", "é", "東", "\uD83D\uDE00", "\u0000", "'"};
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    @TempDir
    static Path dir;

    private static ExecutorService runner;

    @BeforeAll
    static void start() {
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "csv-properties");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        runner.shutdownNow();
    }

    @Test
    void randomCsvReadsLikeTheReferenceOrFailsWithALine() throws Exception {
        long firstSeed = Long.getLong("fuzz.seed", 20_260_601L);
        int tries = Integer.getInteger("fuzz.tries", 2000);
        System.out.println("CsvReadingProperties: seeds " + firstSeed + " to " + (firstSeed + tries - 1));
        int[] outcomes = new int[3]; // read fully, refused with a line, not UTF-8 (read with marked rows or refused)
        for (int t = 0; t < tries; t++) {
            long seed = firstSeed + t;
            Future<Integer> f = runner.submit(() -> oneTry(seed));
            try {
                outcomes[f.get(10, TimeUnit.SECONDS)]++;
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new AssertionError("seed " + seed + ": no answer in 10 s (a hang?)");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("seed " + seed + ": " + e.getCause(), e.getCause());
            }
        }
        System.out.printf("CsvReadingProperties: %d read, %d refused with a line, %d not UTF-8%n",
                outcomes[0], outcomes[1], outcomes[2]);
        // The generator must reach each branch, or the property proves little.
        if (tries >= 1000) {
            assertThat(java.util.Arrays.stream(outcomes).min().orElse(0)).as("the rarest outcome").isGreaterThan(tries / 50);
        }
    }

    /** @return 0 when the file was read fully, 1 when it was refused with a line, 2 when it was not UTF-8 */
    private static int oneTry(long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        char delimiter = rnd.nextInt(3) == 0 ? DELIMITERS[rnd.nextInt(DELIMITERS.length)] : ',';
        byte[] bytes = generate(rnd, delimiter);
        boolean gzip = rnd.nextInt(8) == 0;
        Path file = dir.resolve(gzip ? "f.csv.gz" : "f.csv");
        if (gzip) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        String what = "seed " + seed + " (delimiter '" + delimiter + "', " + (gzip ? "gzip, " : "") + "bytes "
                + describe(bytes) + ")";

        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = decode(bytes, start);
        boolean utf8 = text.indexOf('\uFFFD') < 0; // the generator never writes U+FFFD itself
        List<ReferenceCsv.Row> expected;
        ReferenceCsv.Invalid invalid = null;
        try {
            expected = ReferenceCsv.parse(text, delimiter);
        } catch (ReferenceCsv.Invalid e) {
            invalid = e;
            expected = ReferenceCsv.parseUntilInvalid(text, delimiter);
        }
        boolean headerBad = !expected.isEmpty() && String.join("", expected.get(0).fields()).indexOf('\uFFFD') >= 0;
        boolean readable = invalid == null && !headerBad;
        if (!expected.isEmpty()) { // CsvRows names empty header fields by position
            expected = new ArrayList<>(expected);
            List<String> h = new ArrayList<>(expected.get(0).fields());
            for (int i = 0; i < h.size(); i++) {
                if (h.get(i).isEmpty()) {
                    h.set(i, "unnamed_" + (i + 1));
                }
            }
            expected.set(0, new ReferenceCsv.Row(expected.get(0).line(), h));
        }

        List<ReferenceCsv.Row> read = new ArrayList<>();
        List<Long> marked = new ArrayList<>();
        try {
            readAll(file, delimiter, read, marked);
        } catch (InputDataException e) {
            assertThat(read).as(what + ": rows before the error").isEqualTo(expected.subList(0, Math.min(read.size(),
                    expected.size())));
            assertThat(read.size()).as(what + ": rows before the error").isLessThanOrEqualTo(expected.size());
            if (readable) {
                assertThat(expected).as(what + ": a readable file refused: " + e.getMessage()).isEmpty();
                assertThat(e.getMessage()).as(what).endsWith(": file is empty (no header)");
                return utf8 ? 1 : 2;
            }
            assertThat(e.line()).as(what + ": the error names a line: " + e.getMessage()).isPositive();
            if (headerBad) {
                assertThat(e.getMessage()).as(what).contains(": the header has bytes that are not UTF-8 at byte ");
                assertThat(e.line()).as(what).isEqualTo(expected.get(0).line());
                return 2;
            }
            if (invalid.unclosed) {
                assertThat(e.getMessage()).as(what).contains("unclosed quote");
                assertThat(e.line()).as(what + ": " + e.getMessage()).isEqualTo(invalid.line);
                assertThat(read).as(what + ": every row before the unclosed quote").isEqualTo(expected);
            }
            return utf8 ? 1 : 2;
        } catch (RuntimeException e) {
            throw new AssertionError(what + " threw " + e, e);
        }
        assertThat(readable).as(what + ": read although the reference refuses it"
                + (invalid != null ? " (" + invalid.getMessage() + ")" : " (bytes that are not UTF-8 in the header)")).isTrue();
        assertThat(read).as(what).isEqualTo(expected);
        List<Long> withBadBytes = new ArrayList<>();
        for (ReferenceCsv.Row r : expected.subList(1, expected.size())) {
            if (String.join("", r.fields()).indexOf('\uFFFD') >= 0) {
                withBadBytes.add(r.line());
            }
        }
        assertThat(marked).as(what + ": the rows marked as holding bytes that are not UTF-8").isEqualTo(withBadBytes);
        return utf8 ? 0 : 2;
    }

    /** The reference decoding: strict UTF-8, each byte of a sequence the decoder refuses becoming one U+FFFD. */
    private static String decode(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (!r.isError()) {
                break;
            }
            for (int i = 0; i < r.length(); i++) {
                in.get();
                out.put('\uFFFD');
            }
        }
        return out.flip().toString();
    }

    /** @return the field with each escape (a lone low surrogate U+DC00..U+DCFF) as U+FFFD */
    private static String unescaped(String field) {
        StringBuilder sb = new StringBuilder(field);
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c >= '\uDC00' && c <= '\uDCFF' && (i == 0 || !Character.isHighSurrogate(field.charAt(i - 1)))) {
                sb.setCharAt(i, '\uFFFD');
            }
        }
        return sb.toString();
    }

    /**
     * Reads the file as the scorer does and records what it saw as reference rows: the header from
     * {@link CsvRows}, then each data row's fields from {@link CsvCells}, checking the number slot on
     * the way.
     */
    private static void readAll(Path file, char delimiter, List<ReferenceCsv.Row> read, List<Long> marked) throws IOException {
        int width;
        try (CsvRows head = CsvRows.open(file, Optional.of(delimiter), StandardCharsets.UTF_8)) {
            List<String> h = head.header();
            read.add(new ReferenceCsv.Row(head.headerLine(), h));
            width = h.size();
        }
        int wide = 64; // more columns than a generated row has
        int[] all = new int[wide];
        for (int i = 0; i < wide; i++) {
            all[i] = i;
        }
        try (CsvCells cells = CsvCells.open(file, delimiter, StandardCharsets.UTF_8, new int[] {0}, all, 1, MISSING)) {
            while (cells.next()) {
                int n = cells.fieldCount();
                assertThat(n).isLessThanOrEqualTo(wide);
                List<String> fields = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    fields.add(unescaped(cells.text(i)));
                }
                assertThat(n == wide || cells.text(n) == null).as("no text past the row's last field").isTrue();
                if (cells.undecodable() != null) {
                    marked.add(cells.line());
                    assertThat(fields.get(cells.undecodableField())).as("the field named").contains("\uFFFD");
                } else {
                    checkNumber(fields.get(0), cells.number(0), cells.badNumber(0));
                }
                read.add(new ReferenceCsv.Row(cells.line(), fields));
            }
        }
    }

    /** The strict grammar, written out independently of StrictNumberParser. */
    private static void checkNumber(String text, double number, String bad) {
        if (MISSING.contains(text)) {
            assertThat(number).as("'%s' is missing", text).isNaN();
            assertThat(bad).isNull();
        } else if (STRICT_NUMBER.matcher(text).matches() && Double.isFinite(Double.parseDouble(text))) {
            assertThat(bad).as("'%s' is a number", text).isNull();
            assertThat(Double.doubleToRawLongBits(number)).as("'%s'", text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        } else {
            assertThat(number).as("'%s' is not a number", text).isNaN();
            assertThat(bad).isEqualTo(text);
        }
    }

    /** Half the files are rows of fields, the other half a soup of CSV pieces; some get stray bytes or a BOM. */
    private static byte[] generate(SplittableRandom rnd, char delimiter) {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextBoolean()) {
            int rows = rnd.nextInt(6);
            int width = 1 + rnd.nextInt(4);
            for (int r = 0; r < rows; r++) {
                int fields = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(5) : width; // some ragged rows
                for (int f = 0; f < fields; f++) {
                    if (f > 0) {
                        sb.append(delimiter);
                    }
                    String content = soup(rnd, rnd.nextInt(4));
                    if (rnd.nextInt(3) == 0) {
                        sb.append('"').append(content.replace("\"", "\"\"")).append('"');
                    } else {
                        sb.append(content.replace(String.valueOf(delimiter), "").replace("\"", "").replace("\r", "")
                                .replace("\n", ""));
                    }
                }
                String[] ends = {"\n", "\r\n", "\r", "\n\n", ""};
                sb.append(r == rows - 1 ? ends[rnd.nextInt(ends.length)] : ends[rnd.nextInt(4)]);
            }
            if (rnd.nextInt(6) == 0 && sb.length() > 0) { // break it once: drop one character
                sb.deleteCharAt(rnd.nextInt(sb.length()));
            }
        } else {
            sb.append(soup(rnd, rnd.nextInt(40)));
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (rnd.nextInt(10) == 0) {
            bytes = withBom(bytes);
        }
        if (rnd.nextInt(12) == 0 && bytes.length > 0) {
            bytes[rnd.nextInt(bytes.length)] = (byte) (0x80 + rnd.nextInt(0x80)); // likely not UTF-8
        }
        return bytes;
    }

    private static String soup(SplittableRandom rnd, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            sb.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static byte[] withBom(byte[] bytes) {
        byte[] out = new byte[bytes.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, out, 3, bytes.length);
        return out;
    }

    private static String describe(byte[] bytes) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.append('"').toString();
    }
}
