package dev.scorecard.train.load;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs the CSV parser on a background thread that copies the cells' characters into blocks of
 * {@value #BLOCK_ROWS} rows, which the caller reads in order on its own thread: parsing one block
 * overlaps with the caller's work on the one before (turning cells into numbers, scoring, typing
 * columns). Either every field is kept (slot {@code i} is field {@code i}) or only chosen columns,
 * each in its slot. A parse or read error reaches the caller after every row before it. At most
 * {@value #BLOCKS} blocks exist, so memory stays bounded. Not thread-safe: one caller.
 *
 * <p>A row holding bytes that are not text in the file's encoding is still a row, with its escaped
 * cells ({@link DecodingReader}) and {@link #undecodable()} saying where; every field of every
 * record, the skipped header and unwanted columns included, is checked while the reader has
 * escapes pending, so each is claimed by the row it is in.
 */
final class CsvBlocks implements Closeable {
    /** Rows per block. */
    static final int BLOCK_ROWS = 1024;
    /** Blocks in flight. */
    static final int BLOCKS = 4;

    /** Turns what the parser threw into the caller's error, knowing the line the parser was on. */
    @FunctionalInterface
    interface Failures {
        /**
         * @param e a {@code CsvParseException}, an {@code UncheckedIOException} or another runtime failure
         * @param line the line of the last record the parser began
         * @param fetching true when the parser failed looking for the next record, false while reading it
         * @return the exception the caller gets
         */
        RuntimeException translate(RuntimeException e, long line, boolean fetching);
    }

    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(BLOCKS);
    private final Thread parser;
    private final Producer producer;
    private Block block;
    private int row = -1;
    private boolean finished;

    /**
     * @param in the text to parse; closed by the parsing thread
     * @param delimiter the delimiter
     * @param slotOf for each field, its slot or -1 to skip it; null keeps every field
     * @param sameAs for each field, the further slots that get the same cell (may be null entries)
     * @param slots how many slots a row has when fields are chosen
     * @param skipHeader true to leave out the first record
     * @param trim true to drop the spaces and tabs around every unquoted field ({@link CsvDialect#trim()})
     * @param failures how the parser's failures become the caller's
     */
    CsvBlocks(DecodingReader in, char delimiter, int[] slotOf, int[][] sameAs, int slots, boolean skipHeader, boolean trim,
            Failures failures) {
        for (int i = 0; i < BLOCKS; i++) {
            free.add(new Block());
        }
        producer = new Producer(in, delimiter, slotOf, sameAs, slots, skipHeader, trim, failures);
        parser = new Thread(producer, "scorecard-csv-parser");
        parser.setDaemon(true);
        parser.start();
    }

    /** @return true when a next row was read; throws the parser's failure after the rows before it */
    boolean next() {
        if (finished) {
            return false;
        }
        row++;
        while (block == null || row >= block.rows) {
            if (block != null) {
                if (block.error != null) {
                    finished = true;
                    if (block.error instanceof Error e) {
                        throw e; // out of memory on the parser's thread: the caller's to report
                    }
                    throw (RuntimeException) block.error;
                }
                if (block.last) {
                    finished = true;
                    return false;
                }
                free.add(block.reset());
            }
            try {
                block = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the CSV file", e);
            }
            row = 0;
        }
        return true;
    }

    /** @return the physical line the row starts on */
    long line() {
        return block.lines[row];
    }

    /** @return the number of fields the row has */
    int fieldCount() {
        return block.fields[row];
    }

    /**
     * @return for a row with bytes that are not text in the file's encoding, what and where (e.g.
     *     {@code bytes that are not UTF-8 at byte 57 (0xE9)}); null for every other row
     */
    String undecodable() {
        return block.undecodable[row];
    }

    /** @return the 0-based field that {@link #undecodable()} is about */
    int undecodableField() {
        return block.undecodableField[row];
    }

    /** @return the encoding the file is read in (the one asked for, or its byte order mark's), once a row was read */
    Charset charset() {
        return producer.in.charset(); // set on the parser thread before it handed over the first block
    }

    /** @return the characters the cells point into */
    char[] chars() {
        return block.chars;
    }

    /** @return where slot {@code slot}'s cell starts in {@link #chars()}, or -1 when the row has no such cell */
    int start(int slot) {
        return slot < block.widths[row] ? block.starts[block.bases[row] + slot] : -1;
    }

    /** @return the length of slot {@code slot}'s cell */
    int length(int slot) {
        return block.lengths[block.bases[row] + slot];
    }

    /** Stops the parsing thread (when the caller stops early) and waits for it to close the input. */
    @Override
    public void close() throws IOException {
        finished = true;
        parser.interrupt();
        try {
            parser.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while closing the CSV file");
        }
    }

    /** A run of rows: their cells' characters, where each cell starts, each row's line and width. */
    private static final class Block {
        char[] chars = new char[1 << 16];
        int used;
        int[] starts = new int[BLOCK_ROWS * 8];
        int[] lengths = new int[BLOCK_ROWS * 8];
        int entries;
        final int[] bases = new int[BLOCK_ROWS];
        final int[] widths = new int[BLOCK_ROWS];
        final int[] fields = new int[BLOCK_ROWS];
        final long[] lines = new long[BLOCK_ROWS];
        final String[] undecodable = new String[BLOCK_ROWS];
        final int[] undecodableField = new int[BLOCK_ROWS];
        int rows;
        boolean last;
        Throwable error;

        Block reset() {
            used = 0;
            entries = 0;
            rows = 0;
            return this;
        }

        /** Starts row {@link #rows} with {@code width} empty slots. */
        void begin(long line, int width) {
            int r = rows;
            lines[r] = line;
            fields[r] = 0;
            undecodable[r] = null;
            bases[r] = entries;
            widths[r] = width;
            room(width);
            Arrays.fill(starts, entries, entries + width, -1);
            entries += width;
        }

        /** Appends a slot to the current row (every-field mode). */
        void append(char[] buf, int off, int len) {
            room(1);
            widths[rows]++;
            entries++;
            put(entries - 1, buf, off, len);
        }

        /** Fills slot {@code slot} of the current row. */
        void set(int slot, char[] buf, int off, int len) {
            put(bases[rows] + slot, buf, off, len);
        }

        /** Points slot {@code slot} of the current row at the cell already copied into slot {@code from}. */
        void alias(int slot, int from) {
            int i = bases[rows];
            starts[i + slot] = starts[i + from];
            lengths[i + slot] = lengths[i + from];
        }

        private void put(int i, char[] buf, int off, int len) {
            if (used + len > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
            }
            System.arraycopy(buf, off, chars, used, len);
            starts[i] = used;
            lengths[i] = len;
            used += len;
        }

        private void room(int n) {
            if (entries + n > starts.length) {
                int size = Math.max(starts.length * 2, entries + n);
                starts = Arrays.copyOf(starts, size);
                lengths = Arrays.copyOf(lengths, size);
            }
        }
    }

    /** Runs the parser on its own thread, filling blocks and handing them over in order. */
    private final class Producer extends AbstractBaseCsvCallbackHandler<Producer> implements Runnable {
        private final DecodingReader in;
        private final char delimiter;
        private final int[] slotOf;
        private final int[][] sameAs;
        private final int slots;
        private final boolean trim;
        private final Failures failures;
        private Block current;
        private long line;
        private boolean skipping;

        Producer(DecodingReader in, char delimiter, int[] slotOf, int[][] sameAs, int slots, boolean skipHeader, boolean trim,
                Failures failures) {
            this.in = in;
            this.trim = trim;
            this.delimiter = delimiter;
            this.slotOf = slotOf;
            this.sameAs = sameAs;
            this.slots = slots;
            this.skipping = skipHeader;
            this.failures = failures;
        }

        @Override
        public void run() {
            CsvReader<Producer> reader = null;
            try {
                reader = LoadPass.csvReader(delimiter, this, in);
                Iterator<Producer> records = reader.iterator();
                current = free.take();
                while (true) {
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                    } catch (RuntimeException e) {
                        throw failures.translate(e, line, true);
                    }
                    try {
                        records.next();
                    } catch (RuntimeException e) {
                        throw failures.translate(e, line, false);
                    }
                    if (skipping) {
                        skipping = false;
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
            } catch (RuntimeException | Error e) {
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

        /** Hands the caller the rows read so far, then the failure. */
        private void fail(Throwable e) {
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
            if (!skipping) {
                current.begin(startingLineNumber, slotOf == null ? 0 : slots);
            }
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            if (in.pending() > 0) {
                noteUndecodable(fieldIdx, buf, offset, len);
            }
            if (skipping) {
                return;
            }
            if (trim && !quoted) {
                // Only the slice moves, before the copy: the cell is never seen padded. Off (the default),
                // this is one test of a final field per cell.
                while (len > 0 && CsvDialect.isPad(buf[offset])) {
                    offset++;
                    len--;
                }
                while (len > 0 && CsvDialect.isPad(buf[offset + len - 1])) {
                    len--;
                }
            }
            current.fields[current.rows] = fieldIdx + 1;
            if (slotOf == null) {
                current.append(buf, offset, len);
                return;
            }
            if (fieldIdx < slotOf.length) {
                int slot = slotOf[fieldIdx];
                if (slot >= 0) {
                    current.set(slot, buf, offset, len);
                    int[] more = sameAs[fieldIdx];
                    if (more != null) {
                        for (int s : more) {
                            current.alias(s, slot);
                        }
                    }
                }
            }
        }

        private void noteUndecodable(int fieldIdx, char[] buf, int offset, int len) {
            String bad = in.claim(buf, offset, len);
            if (bad != null && !skipping && current.undecodable[current.rows] == null) {
                current.undecodable[current.rows] = bad;
                current.undecodableField[current.rows] = fieldIdx;
            }
        }

        @Override
        protected Producer buildRecord() {
            return this;
        }
    }
}
