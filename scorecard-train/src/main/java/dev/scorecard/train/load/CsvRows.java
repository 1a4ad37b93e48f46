package dev.scorecard.train.load;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.scorecard.core.InputDataException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Streams a CSV file row by row with the same dialect rules as {@link CsvLoader} (delimiter
 * detection, encoding and BOM, CRLF, gzip, quotes, physical line numbers, {@code unnamed_<position>}
 * for empty header names), for work that must not hold the file in memory, such as scoring. Bytes
 * that are not text in the encoding are an error in the header; in a data row they read as U+FFFD
 * and {@link #undecodable()} says where. Not thread-safe.
 */
public final class CsvRows implements Closeable {
    private final InputFile source;
    private final char delimiter;
    private final DecodingReader in;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> header;
    private final long headerLine;
    private CsvRecord current;
    private List<String> readable;
    private String undecodable;
    private long lastLine;

    private CsvRows(InputFile source, char delimiter) {
        this.source = source;
        this.delimiter = delimiter;
        this.in = source.open();
        this.reader = CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .detectBomHeader(false)
                .ofCsvRecord(in);
        this.records = reader.iterator();
        if (!hasNext()) {
            closeQuietly();
            throw source.emptyFile();
        }
        CsvRecord h = nextRecord();
        this.headerLine = h.getStartingLineNumber();
        if (undecodable != null) {
            closeQuietly();
            throw source.undecodableHeader(headerLine, undecodable, in.charset());
        }
        this.header = headerNames(h.getFields());
    }

    /**
     * @param fields the header record's fields
     * @return the column names: a leading byte order mark character dropped, empty names as
     *     {@code unnamed_<position>}
     */
    static List<String> headerNames(List<String> fields) {
        List<String> names = new ArrayList<>(fields);
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1)); // a byte order mark decoded as a character (GB18030's)
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isEmpty()) {
                names.set(i, "unnamed_" + (i + 1));
            }
        }
        return List.copyOf(names);
    }

    /**
     * @param file a CSV or .csv.gz file
     * @param delimiter the delimiter, or empty to detect it
     * @param encoding the encoding of a file without a byte order mark
     * @return the open rows, positioned before the first data row
     * @throws InputDataException when the file cannot be read or has no header
     */
    public static CsvRows open(Path file, Optional<Character> delimiter, Charset encoding) {
        InputFile source = InputFile.of(file, encoding);
        char d = delimiter.orElseGet(() -> {
            try (Reader r = source.open()) {
                return DelimiterDetector.detect(r);
            } catch (IOException e) {
                throw source.translate(e, 0);
            }
        });
        return new CsvRows(source, d);
    }

    /** @return the header names, in file order */
    public List<String> header() {
        return header;
    }

    /** @return the physical line the header starts on (after the blank lines before it, if any) */
    public long headerLine() {
        return headerLine;
    }

    /** @return the delimiter used */
    public char delimiter() {
        return delimiter;
    }

    /**
     * @return true when a next data row was read
     * @throws InputDataException for malformed CSV (an unclosed quote), naming the line
     */
    public boolean next() {
        if (!hasNext()) {
            current = null;
            return false;
        }
        current = nextRecord();
        return true;
    }

    /** @return the physical line where the current row starts */
    public long line() {
        return current.getStartingLineNumber();
    }

    /** @return the number of fields in the current row */
    public int fieldCount() {
        return current.getFieldCount();
    }

    /** @return field {@code i} of the current row */
    public String field(int i) {
        return readable != null ? readable.get(i) : current.getField(i);
    }

    /** @return every field of the current row */
    public List<String> fields() {
        return readable != null ? readable : current.getFields();
    }

    /**
     * @return for a row with bytes that are not text in the file's encoding, what and where (e.g.
     *     {@code bytes that are not UTF-8 at byte 57 (0xE9)}); empty for every other row
     */
    public Optional<String> undecodable() {
        return Optional.ofNullable(undecodable);
    }

    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (CsvParseException e) {
            throw LoadPass.translate(e, source, lastLine + 1);
        } catch (UncheckedIOException e) {
            throw source.translate(e.getCause(), lastLine + 1);
        }
    }

    private CsvRecord nextRecord() {
        try {
            CsvRecord r = records.next();
            lastLine = r.getStartingLineNumber();
            readable = null;
            undecodable = null;
            if (in.pending() > 0) {
                claim(r);
            }
            return r;
        } catch (CsvParseException e) {
            throw LoadPass.translate(e, source, lastLine + 1);
        } catch (UncheckedIOException e) {
            throw source.translate(e.getCause(), lastLine + 1);
        }
    }

    /** Claims the record's escapes, noting the first, and keeps its fields with U+FFFD for them. */
    private void claim(CsvRecord r) {
        for (String f : r.getFields()) {
            String bad = in.claim(f.toCharArray(), 0, f.length());
            if (bad != null && undecodable == null) {
                undecodable = bad;
            }
        }
        if (undecodable != null) {
            readable = r.getFields().stream().map(DecodingReader::readable).toList();
        }
    }

    private void closeQuietly() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
