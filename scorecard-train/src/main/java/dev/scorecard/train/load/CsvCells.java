package dev.scorecard.train.load;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.scorecard.core.internal.StrictNumberParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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
 */
public final class CsvCells implements Closeable {
    /** Rows per block handed from the parsing thread to the caller. */
    static final int BLOCK_ROWS = 1024;
    /** Blocks in flight. */
    static final int BLOCKS = 4;
    /** Distinct values a repeated-text slot keeps before it goes back to a new String per cell. */
    private static final int MAX_DICTIONARY = 10_000;

    private final char delimiter;
    private final int numberSlots;
    private final int textSlots;
    private final MissingTokens missing;
    private final CharDictionary[] dictionaries;
    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(BLOCKS);
    private final Thread parser;
    private final double[] numbers;
    private final String[] bad;
    private final String[] texts;
    private Block block;
    private int row = -1;
    private long dataRow = -1;
    private boolean finished;

    private CsvCells(InputFile source, char delimiter, int width, int[] numberColumns, int[] textColumns,
            int repeatedTexts, List<String> missingTokens) {
        this.delimiter = delimiter;
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
        for (int i = 0; i < BLOCKS; i++) {
            free.add(new Block(numberSlots + textSlots));
        }
        Reader in = source.open();
        Producer producer = new Producer(source, in, delimiter, slotOf, sameAs);
        parser = new Thread(producer, "scorecard-csv-parser");
        parser.setDaemon(true);
        parser.start();
    }

    /**
     * @param file the CSV file (its header is skipped)
     * @param delimiter the delimiter
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
    public static CsvCells open(Path file, char delimiter, int width, int[] numberColumns, int[] textColumns,
            int repeatedTexts, List<String> missingTokens) {
        return new CsvCells(InputFile.of(file), delimiter, width, numberColumns, textColumns, repeatedTexts, missingTokens);
    }

    /** @return true when a next data row was read */
    public boolean next() {
        if (finished) {
            return false;
        }
        row++;
        while (block == null || row >= block.rows) {
            if (block != null) {
                if (block.error != null) {
                    finished = true;
                    throw block.error;
                }
                if (block.last) {
                    finished = true;
                    return false;
                }
                free.add(block.reset());
            }
            block = take();
            row = 0;
        }
        dataRow++;
        readRow();
        return true;
    }

    private void readRow() {
        Block b = block;
        int base = row * b.slots;
        char[] chars = b.chars;
        for (int n = 0; n < numberSlots; n++) {
            int start = b.starts[base + n];
            int len = b.lengths[base + n];
            bad[n] = null;
            if (start < 0 || missing.match(chars, start, len) >= 0) {
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
            int start = b.starts[base + numberSlots + t];
            int len = b.lengths[base + numberSlots + t];
            if (start < 0) {
                texts[t] = null;
                continue;
            }
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

    private Block take() {
        try {
            return full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the CSV file", e);
        }
    }

    /** @return the 0-based data row (for {@link #fetch}) */
    public long dataRow() {
        return dataRow;
    }

    /** @return the physical line the row starts on */
    public long line() {
        return block.lines[row];
    }

    /** @return the number of fields the row has */
    public int fieldCount() {
        return block.fields[row];
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
     * @param dataRows 0-based data rows, strictly increasing
     * @return each row's fields, in the same order
     */
    public static List<List<String>> fetch(Path file, char delimiter, int[] dataRows) {
        List<List<String>> out = new ArrayList<>();
        for (RowFetcher.Row r : RowFetcher.fetch(InputFile.of(file), delimiter, dataRows)) {
            out.add(r.fields());
        }
        return out;
    }

    /** Stops the parsing thread (when the caller stops early) and waits for it to close the file. */
    @Override
    public void close() throws IOException {
        finished = true;
        parser.interrupt();
        try {
            parser.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while closing the CSV file");
        }
    }

    /** A run of rows: the wanted cells' characters, where each starts, and each row's line and width. */
    private static final class Block {
        final int slots;
        char[] chars = new char[1 << 16];
        int used;
        final int[] starts;
        final int[] lengths;
        final int[] fields = new int[BLOCK_ROWS];
        final long[] lines = new long[BLOCK_ROWS];
        int rows;
        boolean last;
        RuntimeException error;

        Block(int slots) {
            this.slots = slots;
            starts = new int[BLOCK_ROWS * slots];
            lengths = new int[BLOCK_ROWS * slots];
        }

        Block reset() {
            used = 0;
            rows = 0;
            return this;
        }

        void copy(int slot, char[] buf, int off, int len) {
            if (used + len > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
            }
            System.arraycopy(buf, off, chars, used, len);
            int i = rows * slots + slot;
            starts[i] = used;
            lengths[i] = len;
            used += len;
        }

        /** Points slot {@code slot} of the current row at the cell already copied into slot {@code from}. */
        void alias(int slot, int from) {
            int i = rows * slots;
            starts[i + slot] = starts[i + from];
            lengths[i + slot] = lengths[i + from];
        }
    }

    /** Runs the parser on its own thread, filling blocks and handing them over in order. */
    private final class Producer extends AbstractBaseCsvCallbackHandler<Producer> implements Runnable {
        private final InputFile source;
        private final Reader in;
        private final char delimiter;
        private final int[] slotOf;
        private final int[][] sameAs;
        private Block current;
        private long line;
        private boolean header = true;

        Producer(InputFile source, Reader in, char delimiter, int[] slotOf, int[][] sameAs) {
            this.source = source;
            this.in = in;
            this.delimiter = delimiter;
            this.slotOf = slotOf;
            this.sameAs = sameAs;
        }

        @Override
        public void run() {
            CsvReader<Producer> reader = null;
            try {
                reader = LoadPass.csvReader(delimiter, this, in);
                Iterator<Producer> records = reader.iterator();
                current = free.take();
                while (hasNext(records)) {
                    next(records);
                    if (header) {
                        header = false; // read by the caller with CsvRows
                        continue;
                    }
                    current.rows++;
                    if (current.rows == BLOCK_ROWS) {
                        full.put(current);
                        current = free.take();
                    }
                }
                Block done = current;
                current = null;
                done.last = true;
                full.put(done);
            } catch (InterruptedException e) {
                // close() stopped a caller that finished early; nobody waits for more blocks
            } catch (RuntimeException e) {
                fail(e);
            } finally {
                try {
                    if (reader != null) {
                        reader.close();
                    } else {
                        in.close();
                    }
                } catch (IOException ignored) {
                    // every row was read, or the failure that ended the read was reported
                }
            }
        }

        private boolean hasNext(Iterator<Producer> records) {
            try {
                return records.hasNext();
            } catch (CsvParseException e) {
                throw LoadPass.translate(e, source, line + 1);
            } catch (UncheckedIOException e) {
                throw source.translate(e.getCause(), line + 1);
            }
        }

        private void next(Iterator<Producer> records) {
            try {
                records.next();
            } catch (CsvParseException e) {
                throw LoadPass.translate(e, source, line);
            } catch (UncheckedIOException e) {
                throw source.translate(e.getCause(), line);
            }
        }

        /** Hands the caller the rows read so far, then the failure. */
        private void fail(RuntimeException e) {
            Block b = current != null ? current : free.poll();
            current = null;
            if (b != null) {
                b.error = e;
                full.offer(b); // there is room: the queue holds every block that exists, and one more
            }
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            line = startingLineNumber;
            if (header) {
                return;
            }
            int r = current.rows;
            current.lines[r] = startingLineNumber;
            current.fields[r] = 0;
            Arrays.fill(current.starts, r * current.slots, (r + 1) * current.slots, -1);
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            if (header) {
                return;
            }
            current.fields[current.rows] = fieldIdx + 1;
            if (fieldIdx < slotOf.length) {
                int slot = slotOf[fieldIdx];
                if (slot >= 0) {
                    current.copy(slot, buf, offset, len);
                    int[] more = sameAs[fieldIdx];
                    if (more != null) {
                        for (int s : more) {
                            current.alias(s, slot);
                        }
                    }
                }
            }
        }

        @Override
        protected Producer buildRecord() {
            return this;
        }
    }
}
