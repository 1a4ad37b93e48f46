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

/**
 * Streams chosen cells of a CSV file with no String for a number: the columns asked for as numbers
 * are parsed straight from the parser's buffer (NaN for a missing token), the columns asked for as
 * text become Strings, and every other column is skipped. This is the scoring path's reader; the rows
 * it cannot use are fetched again, as text, with {@link #fetch}. Same dialect rules and line numbers
 * as {@link CsvRows}. Not thread-safe.
 */
public final class CsvCells implements Closeable {
    private final InputFile source;
    private final char delimiter;
    private final CsvReader<Handler> reader;
    private final Iterator<Handler> records;
    private final Handler handler;
    private long dataRow = -1;

    private CsvCells(InputFile source, char delimiter, int width, int[] numberColumns, int[] textColumns,
            List<String> missingTokens) {
        this.source = source;
        this.delimiter = delimiter;
        this.handler = new Handler(width, numberColumns, textColumns, new MissingTokens(missingTokens));
        Reader in = source.open();
        this.reader = LoadPass.csvReader(delimiter, handler, in);
        this.records = reader.iterator();
        if (hasNext()) {
            records.next(); // the header, read by the caller with CsvRows
        }
        handler.header = false;
    }

    /**
     * @param file the CSV file (its header is skipped)
     * @param delimiter the delimiter
     * @param width the header's number of fields
     * @param numberColumns column indices to parse as numbers, in slot order
     * @param textColumns column indices to keep as text, in slot order
     * @param missingTokens cell texts that mean missing, for the number columns
     * @return the open reader, before the first data row
     */
    public static CsvCells open(Path file, char delimiter, int width, int[] numberColumns, int[] textColumns,
            List<String> missingTokens) {
        return new CsvCells(InputFile.of(file), delimiter, width, numberColumns, textColumns, missingTokens);
    }

    /** @return true when a next data row was read */
    public boolean next() {
        if (!hasNext()) {
            return false;
        }
        try {
            records.next();
        } catch (CsvParseException e) {
            throw LoadPass.translate(e, source, handler.line);
        } catch (UncheckedIOException e) {
            throw source.translate(e.getCause(), handler.line);
        }
        dataRow++;
        return true;
    }

    /** @return the 0-based data row (for {@link #fetch}) */
    public long dataRow() {
        return dataRow;
    }

    /** @return the physical line the row starts on */
    public long line() {
        return handler.line;
    }

    /** @return the number of fields the row has */
    public int fieldCount() {
        return handler.fields;
    }

    /** @return number slot {@code slot}: NaN when missing or not a number (see {@link #badNumber}) */
    public double number(int slot) {
        return handler.numbers[slot];
    }

    /** @return the text of number slot {@code slot} when it is not a number, null otherwise */
    public String badNumber(int slot) {
        return handler.bad[slot];
    }

    /** @return text slot {@code slot}, or null when the row is too short to have it */
    public String text(int slot) {
        return handler.texts[slot];
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

    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (CsvParseException e) {
            throw LoadPass.translate(e, source, handler.line + 1);
        } catch (UncheckedIOException e) {
            throw source.translate(e.getCause(), handler.line + 1);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Parses the wanted cells in place; one instance is reused for every row. */
    private static final class Handler extends AbstractBaseCsvCallbackHandler<Handler> {
        private final int[] numberSlot;
        private final int[] textSlot;
        private final MissingTokens missing;
        final double[] numbers;
        final String[] bad;
        final String[] texts;
        long line;
        int fields;
        boolean header = true;

        Handler(int width, int[] numberColumns, int[] textColumns, MissingTokens missing) {
            int max = width;
            for (int c : numberColumns) {
                max = Math.max(max, c + 1);
            }
            for (int c : textColumns) {
                max = Math.max(max, c + 1);
            }
            numberSlot = new int[max];
            textSlot = new int[max];
            Arrays.fill(numberSlot, -1);
            Arrays.fill(textSlot, -1);
            for (int s = 0; s < numberColumns.length; s++) {
                numberSlot[numberColumns[s]] = s;
            }
            for (int s = 0; s < textColumns.length; s++) {
                textSlot[textColumns[s]] = s;
            }
            this.missing = missing;
            numbers = new double[numberColumns.length];
            bad = new String[numberColumns.length];
            texts = new String[textColumns.length];
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            line = startingLineNumber;
            fields = 0;
            Arrays.fill(numbers, Double.NaN);
            Arrays.fill(bad, null);
            Arrays.fill(texts, null);
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            fields = fieldIdx + 1;
            if (header || fieldIdx >= numberSlot.length) {
                return;
            }
            int n = numberSlot[fieldIdx];
            if (n >= 0) {
                if (missing.match(buf, offset, len) < 0) {
                    double v = StrictNumberParser.parse(buf, offset, len);
                    if (v != v) {
                        bad[n] = new String(buf, offset, len);
                    }
                    numbers[n] = v;
                }
            }
            int t = textSlot[fieldIdx];
            if (t >= 0) {
                texts[t] = new String(buf, offset, len);
            }
        }

        @Override
        protected Handler buildRecord() {
            return this;
        }
    }
}
