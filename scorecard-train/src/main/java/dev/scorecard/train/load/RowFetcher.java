package dev.scorecard.train.load;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.scorecard.core.InputDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the file again and returns chosen data rows as Strings, with the line each starts on. Used
 * for the rejects file, so that the loading pass itself never keeps row text. Data rows are counted
 * as in {@link LoadPass}: the header and blank lines are not rows. Each byte that is not text in the
 * file's encoding comes back as U+FFFD, so the rejects file stays valid UTF-8. With
 * {@link CsvDialect#trim()}, unquoted fields come back trimmed, as the loader and {@code score} see them.
 */
final class RowFetcher {
    /**
     * @param line the 1-based physical line the row starts on
     * @param fields the fields as read, trimmed when the dialect says so (as the loader saw them)
     */
    record Row(long line, List<String> fields) {
    }

    private RowFetcher() {
    }

    /**
     * @param dialect whether the first record is a header (not a data row) and whether cells are trimmed
     * @param rows 0-based data row indices, strictly increasing
     * @return one row per index, in the same order
     */
    static List<Row> fetch(InputFile source, char delimiter, CsvDialect dialect, int[] rows) {
        List<Row> out = new ArrayList<>(rows.length);
        if (rows.length == 0) {
            return out;
        }
        DecodingReader reader = source.open();
        Handler handler = new Handler(rows, reader, dialect);
        try (reader; CsvReader<Handler> csv = LoadPass.csvReader(delimiter, handler, reader)) {
            for (Handler h : csv) {
                if (h.wanted) {
                    out.add(new Row(h.line, List.copyOf(h.fields)));
                    h.next++;
                    if (h.next == rows.length) {
                        break;
                    }
                }
                h.records++;
            }
        } catch (CsvParseException e) {
            throw LoadPass.translate(e, source, handler.line);
        } catch (UncheckedIOException e) {
            throw source.translate(e.getCause(), handler.line);
        } catch (IOException e) {
            throw source.translate(e, handler.line);
        }
        if (out.size() != rows.length) {
            throw new InputDataException(source.name(), 0, null, "the file changed while it was being read");
        }
        return out;
    }

    /** Materialises fields only for the wanted rows. */
    private static final class Handler extends AbstractBaseCsvCallbackHandler<Handler> {
        private final int[] rows;
        private final DecodingReader reader;
        private final List<String> fields = new ArrayList<>();
        private final boolean trim;
        private final int headerRecords;
        private long records; // records returned so far, header included
        private int next;
        private boolean wanted;
        private long line;

        Handler(int[] rows, DecodingReader reader, CsvDialect dialect) {
            this.rows = rows;
            this.reader = reader;
            this.trim = dialect.trim();
            this.headerRecords = dialect.header() ? 1 : 0;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            line = startingLineNumber;
            wanted = records - headerRecords == rows[next];
            fields.clear();
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            if (reader.pending() > 0) {
                reader.claim(buf, offset, len); // every row's, so that the reader's list stays short
            }
            if (wanted) {
                String field = DecodingReader.readable(buf, offset, len);
                fields.add(trim && !quoted ? CsvDialect.strip(field) : field);
            }
        }

        @Override
        protected Handler buildRecord() {
            return this;
        }
    }
}
