package dev.scorecard.train.load;

import de.siegmar.fastcsv.reader.CsvParseException;
import dev.scorecard.core.internal.StrictNumberParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams chosen cells of a CSV file with no String for a number: the columns asked for as numbers
 * are parsed to doubles (NaN for a missing token), the columns asked for as text become Strings, and
 * every other column is skipped. This is the scoring path's reader; the rows it cannot use are
 * fetched again, as text, with {@link #fetch}. Same dialect rules and line numbers as {@link CsvRows}.
 *
 * <p>Two threads share the work: a background thread runs the CSV parser and copies the wanted
 * cells' characters into blocks of rows; the caller's thread takes the blocks in order, turns the
 * cells into numbers and Strings, and does its own work on each row (scoring, writing) while the
 * next block is being parsed. A parse error reaches the caller after every row before it, at the
 * same point a single-threaded reader would throw it. At most {@value #BLOCKS} blocks of
 * {@value #BLOCK_ROWS} rows exist, so memory stays constant. Not thread-safe: one caller.
 *
 * <p>A row with bytes that are not text in the file's encoding is still returned, with
 * {@link #undecodable()} saying what and where; its cells hold escapes instead of those bytes and
 * must not be used (the caller rejects the row).
 */
public final class CsvCells implements Closeable {
    /** Rows per block handed from the parsing thread to the caller. */
    static final int BLOCK_ROWS = CsvBlocks.BLOCK_ROWS;
    /** Blocks in flight. */
    static final int BLOCKS = CsvBlocks.BLOCKS;
    /** Distinct values a repeated-text slot keeps before it goes back to a new String per cell. */
    private static final int MAX_DICTIONARY = 10_000;

    private final int numberSlots;
    private final int textSlots;
    private final MissingTokens missing;
    private final CharDictionary[] dictionaries;
    private final CsvBlocks blocks;
    private final double[] numbers;
    private final String[] bad;
    private final String[] texts;
    private long dataRow = -1;

    private CsvCells(InputFile source, char delimiter, int width, int[] numberColumns, int[] textColumns,
            int repeatedTexts, List<String> missingTokens) {
        this.numberSlots = numberColumns.length;
        this.textSlots = textColumns.length;
        this.missing = new MissingTokens(missingTokens);
        this.dictionaries = new CharDictionary[textColumns.length];
        for (int t = 0; t < repeatedTexts; t++) {
            dictionaries[t] = new CharDictionary();
        }
        numbers = new double[numberSlots];
        bad = new String[numberSlots];
        texts = new String[textSlots];
        int max = width;
        for (int c : numberColumns) {
            max = Math.max(max, c + 1);
        }
        for (int c : textColumns) {
            max = Math.max(max, c + 1);
        }
        // One slot per wanted cell: numbers first, then texts. A column asked for more than once (a
        // characteristic also copied with --keep, an --id also kept) is copied into its first slot,
        // and its other slots point at that copy.
        int[] slotOf = new int[max];
        Arrays.fill(slotOf, -1);
        int[][] sameAs = new int[max][];
        for (int s = 0; s < numberSlots + textSlots; s++) {
            int c = s < numberSlots ? numberColumns[s] : textColumns[s - numberSlots];
            if (slotOf[c] < 0) {
                slotOf[c] = s;
            } else {
                int[] more = sameAs[c] == null ? new int[0] : sameAs[c];
                more = Arrays.copyOf(more, more.length + 1);
                more[more.length - 1] = s;
                sameAs[c] = more;
            }
        }
        blocks = new CsvBlocks(source.open(), delimiter, slotOf, sameAs, numberSlots + textSlots, true,
                (e, line, fetching) -> {
                    long at = fetching ? line + 1 : line;
                    if (e instanceof CsvParseException p) {
                        return LoadPass.translate(p, source, at);
                    }
                    if (e instanceof UncheckedIOException u) {
                        return source.translate(u.getCause(), at);
                    }
                    return e;
                });
    }

    /**
     * @param file the CSV file (its header is skipped)
     * @param delimiter the delimiter
     * @param encoding the encoding of a file without a byte order mark
     * @param width the header's number of fields
     * @param numberColumns column indices to parse as numbers, in slot order
     * @param textColumns column indices to keep as text, in slot order (a column may be asked for in
     *     several slots, also as a number: each slot gets the cell)
     * @param repeatedTexts how many of the first text slots hold few distinct values (categorical
     *     levels): their Strings are made once per distinct value and then reused, so a row allocates
     *     none and a map lookup finds the hash already computed
     * @param missingTokens cell texts that mean missing, for the number columns
     * @return the open reader, before the first data row
     */
    public static CsvCells open(Path file, char delimiter, Charset encoding, int width, int[] numberColumns,
            int[] textColumns, int repeatedTexts, List<String> missingTokens) {
        return new CsvCells(InputFile.of(file, encoding), delimiter, width, numberColumns, textColumns, repeatedTexts, missingTokens);
    }

    /** @return true when a next data row was read */
    public boolean next() {
        if (!blocks.next()) {
            return false;
        }
        dataRow++;
        readRow();
        return true;
    }

    private void readRow() {
        char[] chars = blocks.chars();
        for (int n = 0; n < numberSlots; n++) {
            int start = blocks.start(n);
            bad[n] = null;
            if (start < 0) {
                numbers[n] = Double.NaN;
                continue;
            }
            int len = blocks.length(n);
            if (missing.match(chars, start, len) >= 0) {
                numbers[n] = Double.NaN;
                continue;
            }
            double v = StrictNumberParser.parse(chars, start, len);
            if (v != v) {
                bad[n] = new String(chars, start, len);
            }
            numbers[n] = v;
        }
        for (int t = 0; t < textSlots; t++) {
            int start = blocks.start(numberSlots + t);
            if (start < 0) {
                texts[t] = null;
                continue;
            }
            int len = blocks.length(numberSlots + t);
            CharDictionary d = dictionaries[t];
            if (d == null) {
                texts[t] = new String(chars, start, len);
            } else {
                texts[t] = d.levels().get(d.code(chars, start, len));
                if (d.size() > MAX_DICTIONARY) {
                    dictionaries[t] = null; // not few values after all: stop holding them
                }
            }
        }
    }

    /** @return the 0-based data row (for {@link #fetch}) */
    public long dataRow() {
        return dataRow;
    }

    /** @return the physical line the row starts on */
    public long line() {
        return blocks.line();
    }

    /** @return the number of fields the row has */
    public int fieldCount() {
        return blocks.fieldCount();
    }

    /**
     * @return for a row with bytes that are not text in the file's encoding, what and where (e.g.
     *     {@code bytes that are not UTF-8 at byte 57 (0xE9)}), null for every other row; such a
     *     row's cells are not to be used
     */
    public String undecodable() {
        return blocks.undecodable();
    }

    /** @return the 0-based field (column) that {@link #undecodable()} is about */
    public int undecodableField() {
        return blocks.undecodableField();
    }

    /** @return the encoding the file is read in (asked for, or its byte order mark's), once a row was read */
    public Charset charset() {
        return blocks.charset();
    }

    /** @return number slot {@code slot}: NaN when missing or not a number (see {@link #badNumber}) */
    public double number(int slot) {
        return numbers[slot];
    }

    /** @return the text of number slot {@code slot} when it is not a number, null otherwise */
    public String badNumber(int slot) {
        return bad[slot];
    }

    /** @return text slot {@code slot}, or null when the row is too short to have it */
    public String text(int slot) {
        return texts[slot];
    }

    /**
     * Reads chosen data rows again as text, for a rejects file.
     *
     * @param file the file
     * @param delimiter the delimiter
     * @param encoding the encoding of a file without a byte order mark
     * @param dataRows 0-based data rows, strictly increasing
     * @return each row's fields, in the same order, with U+FFFD for each byte that is not text
     */
    public static List<List<String>> fetch(Path file, char delimiter, Charset encoding, int[] dataRows) {
        List<List<String>> out = new ArrayList<>();
        for (RowFetcher.Row r : RowFetcher.fetch(InputFile.of(file, encoding), delimiter, dataRows)) {
            out.add(r.fields());
        }
        return out;
    }

    /** Stops the parsing thread (when the caller stops early) and waits for it to close the file. */
    @Override
    public void close() throws IOException {
        blocks.close();
    }
}
