package dev.scorecard.train.load;

import de.siegmar.fastcsv.reader.CsvParseException;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.StrictNumberParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Streams chosen cells of a CSV file with no String for a number: the columns asked for as numbers
 * are parsed to doubles (NaN for a missing token), the columns asked for as text become Strings, and
 * every other column is only kept as characters, so that a row the caller rejects can be written
 * to a rejects file as it was read ({@link #fields()}) without reading the file again. This is the
 * scoring path's reader. Same dialect rules, header names and line numbers as {@link CsvRows}.
 *
 * <p>The file is opened once: the delimiter is detected from characters read ahead and then handed
 * to the parser, and the header is the parser's first record. So standard input ({@code -}), a pipe
 * or a file being replaced while it is read give the same rows as a plain file.
 *
 * <p>Two threads share the work: a background thread runs the CSV parser and copies each row's
 * characters into blocks of rows; the caller's thread takes the blocks in order, turns the chosen
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

    private final InputFile source;
    private final MissingTokens missing;
    private final CsvBlocks blocks;
    private final char delimiter;
    private final List<String> header;
    private final long headerLine;
    private final CsvDialect dialect;
    private int[] numberColumns;
    private int[] textColumns;
    private CharDictionary[] dictionaries;
    private double[] numbers;
    private String[] bad;
    private String[] texts;
    private CellView[] views = new CellView[0];
    private long dataRow = -1;
    private int viewOnly;
    private final long lineShift;

    private CsvCells(InputFile source, Optional<Character> delimiter, List<String> missingTokens, CsvDialect dialect,
            long lineShift) {
        this.source = source;
        this.lineShift = lineShift;
        this.dialect = dialect;
        this.missing = new MissingTokens(missingTokens);
        DecodingReader in = source.open();
        try {
            this.delimiter = delimiter.isPresent() ? delimiter.get()
                    : DelimiterDetector.detect(in.peek(DelimiterDetector.PREFIX_CHARS), in.peekedToEnd());
        } catch (IOException e) {
            closeQuietly(in);
            throw source.translate(e, 0);
        }
        blocks = new CsvBlocks(in, this.delimiter, null, null, 0, false, dialect.trim(), (e, line, fetching) -> {
            long at = (fetching ? line + 1 : line) + lineShift;
            if (e instanceof CsvParseException p) {
                return LoadPass.translate(p, source, at);
            }
            if (e instanceof UncheckedIOException u) {
                return source.translate(u.getCause(), at);
            }
            return e;
        });
        try {
            if (!dialect.header()) {
                header = dialect.names(); // the first record is the first data row
                headerLine = 0;
            } else {
                if (!blocks.next()) {
                    throw source.emptyFile();
                }
                headerLine = blocks.line();
                if (blocks.undecodable() != null) {
                    throw source.undecodableHeader(headerLine, blocks.undecodable(), blocks.charset());
                }
                header = CsvRows.headerNames(fields());
            }
        } catch (RuntimeException e) {
            closeQuietly(this);
            throw e;
        }
        select(new int[0], new int[0], 0);
    }

    /**
     * Opens the file and reads its header.
     *
     * @param file the CSV or .csv.gz file, or {@code -} for standard input
     * @param delimiter the delimiter, or empty to detect it
     * @param encoding the encoding of a file without a byte order mark
     * @param missingTokens cell texts that mean missing, for the number columns
     * @return the open reader, before the first data row; {@link #select} the cells wanted
     * @throws InputDataException when the file cannot be read, is empty or has bytes that are not
     *     text in its header
     */
    public static CsvCells open(Path file, Optional<Character> delimiter, Charset encoding, List<String> missingTokens) {
        return open(file, delimiter, encoding, missingTokens, CsvDialect.DEFAULT);
    }

    /**
     * Opens the file and reads its header, or takes the dialect's names for a file without one.
     *
     * @param dialect whether the file has a header (else the names), and whether cells are trimmed
     * @return the open reader, before the first data row; {@link #select} the cells wanted
     * @see #open(Path, Optional, Charset, List)
     */
    public static CsvCells open(Path file, Optional<Character> delimiter, Charset encoding, List<String> missingTokens,
            CsvDialect dialect) {
        return new CsvCells(InputFile.of(file, encoding), delimiter, missingTokens, dialect, 0);
    }

    /**
     * Opens a file's header line and the rows of a byte range after it: the lines appended to a log
     * since an earlier run read its first {@code from} bytes. Line numbers are the file's own.
     *
     * @param file a plain CSV file with a header (not .gz, not standard input)
     * @param head the bytes of the header line, its line end included
     * @param from where the rows start, a line start at or after {@code head}
     * @param to where they end, a line end
     * @param linesBefore the lines in {@code [head, from)}
     * @return the open reader, before the first row of the range
     * @see #open(Path, Optional, Charset, List, CsvDialect)
     */
    public static CsvCells openRange(Path file, Optional<Character> delimiter, Charset encoding, List<String> missingTokens,
            CsvDialect dialect, long head, long from, long to, long linesBefore) {
        return new CsvCells(InputFile.of(file, encoding).range(head, from, to), delimiter, missingTokens, dialect,
                linesBefore);
    }

    /**
     * Opens the file and chooses its cells at once.
     *
     * @param file the CSV file (its header is skipped)
     * @param delimiter the delimiter
     * @param encoding the encoding of a file without a byte order mark
     * @param numberColumns column indices to parse as numbers, in slot order
     * @param textColumns column indices to keep as text, in slot order
     * @param repeatedTexts how many of the first text slots hold few distinct values
     * @param missingTokens cell texts that mean missing, for the number columns
     * @return the open reader, before the first data row
     */
    public static CsvCells open(Path file, char delimiter, Charset encoding, int[] numberColumns, int[] textColumns,
            int repeatedTexts, List<String> missingTokens) {
        CsvCells c = open(file, Optional.of(delimiter), encoding, missingTokens);
        c.select(numberColumns, textColumns, repeatedTexts);
        return c;
    }

    /**
     * Chooses the cells the caller reads, before the first data row.
     *
     * @param numberColumns column indices to parse as numbers, in slot order
     * @param textColumns column indices to keep as text, in slot order (a column may be asked for in
     *     several slots, also as a number: each slot gets the cell)
     * @param repeatedTexts how many of the first text slots hold few distinct values (categorical
     *     levels): their Strings are made once per distinct value and then reused, so a row allocates
     *     none and a map lookup finds the hash already computed
     */
    public void select(int[] numberColumns, int[] textColumns, int repeatedTexts) {
        if (dataRow >= 0) {
            throw new IllegalStateException("select before the first row");
        }
        this.numberColumns = numberColumns.clone();
        this.textColumns = textColumns.clone();
        dictionaries = new CharDictionary[textColumns.length];
        for (int t = 0; t < repeatedTexts; t++) {
            dictionaries[t] = new CharDictionary();
        }
        numbers = new double[numberColumns.length];
        bad = new String[numberColumns.length];
        texts = new String[textColumns.length];
    }

    /**
     * @return the header's column names (empty names become {@code unnamed_<position>}), or the
     *     dialect's names for a file without a header
     */
    public List<String> header() {
        return header;
    }

    /** @return the physical line the header starts on; 0 for a file without a header */
    public long headerLine() {
        return headerLine;
    }

    /** @return how the file is read: header or names, trimming */
    public CsvDialect dialect() {
        return dialect;
    }

    /** @return the delimiter given or detected */
    public char delimiter() {
        return delimiter;
    }

    /** @return the file's name for messages ({@code standard input} for {@code -}) */
    public String name() {
        return source.name();
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
        for (int n = 0; n < numberColumns.length; n++) {
            int start = blocks.start(numberColumns[n]);
            bad[n] = null;
            if (start < 0) {
                numbers[n] = Double.NaN;
                continue;
            }
            int len = blocks.length(numberColumns[n]);
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
        for (int t = 0; t < textColumns.length - viewOnly; t++) {
            int start = blocks.start(textColumns[t]);
            if (start < 0) {
                texts[t] = null;
                continue;
            }
            int len = blocks.length(textColumns[t]);
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

    /**
     * @return every field of the current row as read, for a rejects file; a byte that is not text
     *     in the file's encoding reads as U+FFFD
     */
    public List<String> fields() {
        char[] chars = blocks.chars();
        int n = blocks.fieldCount();
        List<String> out = new ArrayList<>(n);
        boolean escaped = blocks.undecodable() != null;
        for (int i = 0; i < n; i++) {
            int start = blocks.start(i);
            int len = blocks.length(i);
            out.add(escaped ? DecodingReader.readable(chars, start, len) : new String(chars, start, len));
        }
        return out;
    }

    /**
     * The length of field {@code field} of the current row, for a caller that keeps rows as
     * characters ({@link #copyField}) rather than as Strings.
     *
     * @return its number of characters as read
     */
    public int fieldLength(int field) {
        return blocks.length(field);
    }

    /**
     * Copies field {@code field} of the current row, as read, into {@code to} from {@code at}.
     *
     * @return the number of characters copied ({@link #fieldLength})
     */
    public int copyField(int field, char[] to, int at) {
        int len = blocks.length(field);
        System.arraycopy(blocks.chars(), blocks.start(field), to, at, len);
        return len;
    }

    /** @return the 0-based data row */
    public long dataRow() {
        return dataRow;
    }

    /** @return the physical line the row starts on */
    public long line() {
        return blocks.line() + lineShift;
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

    /**
     * The cell of text slot {@code slot} as characters, without making a String (the slot's String,
     * {@link #text}, is made as well unless the slot was chosen with {@link #selectViews}).
     *
     * @return the cell, valid until the next row, or null when the row is too short to have it
     */
    public CharSequence view(int slot) {
        int start = blocks.start(textColumns[slot]);
        if (start < 0) {
            return null;
        }
        if (views.length <= slot) {
            views = java.util.Arrays.copyOf(views, textColumns.length);
        }
        if (views[slot] == null) {
            views[slot] = new CellView();
        }
        return views[slot].at(blocks.chars(), start, blocks.length(textColumns[slot]));
    }

    /**
     * Marks the last text slots as read through {@link #view} only: no String is made for them per row
     * ({@link #text} then returns null for them), which saves an allocation per cell on long files.
     *
     * @param count how many of the last text slots
     */
    public void selectViews(int count) {
        if (dataRow >= 0) {
            throw new IllegalStateException("select before the first row");
        }
        viewOnly = count;
    }

    /** @return text slot {@code slot}, or null when the row is too short to have it */
    public String text(int slot) {
        return texts[slot];
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }

    /** Stops the parsing thread (when the caller stops early) and waits for it to close the file. */
    @Override
    public void close() throws IOException {
        blocks.close();
    }
}
