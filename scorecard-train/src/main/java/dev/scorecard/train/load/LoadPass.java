package dev.scorecard.train.load;

import dev.scorecard.core.internal.NearestName;
import dev.scorecard.core.internal.StrictNumberParser;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ScorecardException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read of the file into a {@link ColumnAssembler}.
 *
 * <p>The header is checked and matched against the options. When the column types are not known yet,
 * the first {@value #SAMPLE_ROWS} data rows are kept as Strings, the feature types are guessed from
 * them (the caller settles them on the whole column), and they are replayed into the assembler; every
 * later row streams straight into primitive arrays. When the types are known (a second pass after a
 * late type flip), rows stream from the start. Every row's field count is checked against the header. Blank lines are skipped everywhere,
 * also in a one-column file, where they would otherwise be rows with a missing value.
 *
 * <p>A data row holding bytes that are not text in the file's encoding is set aside before anything
 * looks at its cells (it must not sway type inference or add levels), and returned as
 * {@link Undecodable} for the rejects; such bytes in the header are an error, since no column could
 * then be named for sure.
 */
final class LoadPass {
    static final int SAMPLE_ROWS = 1000;
    /** FastCSV's maximum field length, in characters (its default buffer limit). */
    static final int MAX_FIELD_CHARS = 16 * 1024 * 1024;
    private static final Pattern FASTCSV_LINE = Pattern.compile("\\s*\\(record starting at line (\\d+)\\)");
    private static final int COLUMNS_LISTED = 50;

    /**
     * @param header the header names, in file order
     * @param specs what each header column is, every type decided
     * @param columns the assembled columns
     * @param rowsRead the data rows read
     */
    record Outcome(List<String> header, List<ColumnSpec> specs, ColumnAssembler columns, long rowsRead,
            Charset encoding, List<Undecodable> undecodable) {
    }

    /**
     * A data row set aside for bytes that are not text in the encoding.
     *
     * @param dataRow the 0-based data row in the file (as {@link RowFetcher} counts)
     * @param line the line it starts on
     * @param reason what and where, e.g. {@code column 'city': bytes that are not UTF-8 at byte 57 (0xE9)}
     */
    record Undecodable(int dataRow, long line, String reason) {
    }

    private final InputFile source;
    private final char delimiter;
    private final CsvLoadOptions options;
    private final Map<String, ColumnType> decidedTypes;
    private final int knownRows;
    private final MissingTokens missing;
    private final Handler handler = new Handler();

    private List<String> header;
    private List<ColumnSpec> specs;
    private ColumnAssembler assembler;
    private List<String[]> sample = new ArrayList<>();
    private List<Long> sampleLines = new ArrayList<>();
    private long sampleChars;
    private long rowsRead;
    private final List<Undecodable> undecodable = new ArrayList<>();
    private Charset encoding;

    private LoadPass(InputFile source, char delimiter, CsvLoadOptions options, Map<String, ColumnType> decidedTypes,
            int knownRows) {
        this.source = source;
        this.delimiter = delimiter;
        this.options = options;
        this.decidedTypes = decidedTypes;
        this.knownRows = knownRows;
        this.missing = new MissingTokens(options.missingValues());
    }

    /** A first pass: feature types are forced or inferred from the sample. */
    static Outcome inferring(InputFile source, char delimiter, CsvLoadOptions options) {
        return new LoadPass(source, delimiter, options, null, -1).run();
    }

    /** A later pass with every feature type decided and the row count known. */
    static Outcome decided(InputFile source, char delimiter, CsvLoadOptions options, Map<String, ColumnType> types,
            int rows) {
        return new LoadPass(source, delimiter, options, Map.copyOf(types), rows).run();
    }

    /** @return a reader with the settings every pass uses: RFC 4180, strict quotes, blank lines skipped */
    static <T> CsvReader<T> csvReader(char delimiter, AbstractBaseCsvCallbackHandler<T> handler, Reader reader) {
        return CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE) // we check against the header, not the first row
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .detectBomHeader(false)
                .build(handler, reader);
    }

    private Outcome run() {
        // The parser runs on a background thread, one block of rows ahead; this thread types the cells.
        CsvDialect dialect = options.dialect();
        if (!dialect.header()) {
            readHeader(dialect.names(), 0); // every record is data; the names stand where a header would
        }
        try (CsvBlocks rows = new CsvBlocks(source.open(), delimiter, null, null, 0, false, dialect.trim(), (e, line, fetching) -> {
            if (e instanceof CsvParseException p) {
                return translate(p, source, line);
            }
            if (e instanceof UncheckedIOException u) {
                return source.translate(u.getCause(), line);
            }
            return e;
        })) {
            while (rows.next()) {
                if (rows.undecodable() != null) {
                    setAside(rows);
                    continue;
                }
                Handler record = handler;
                record.begin(rows.line());
                char[] chars = rows.chars();
                int fields = rows.fieldCount();
                for (int i = 0; i < fields; i++) {
                    record.field(i, chars, rows.start(i), rows.length(i));
                }
                if (header == null) {
                    readHeader(record.strings, record.line);
                    continue;
                }
                rowsRead++;
                if (fields != header.size()) {
                    throw new InputDataException(source.name(), record.line, null, "expected " + header.size()
                            + (dialect.header() ? " fields as in the header" : " fields, one per name in names (--names)")
                            + ", found " + fields);
                }
                if (assembler != null) {
                    assembler.endRow();
                } else {
                    keepSampleRow(record);
                }
            }
            encoding = rows.charset();
        } catch (IOException e) {
            throw source.translate(e, handler.line);
        }
        if (header == null) {
            throw source.emptyFile();
        }
        if (rowsRead == 0) {
            throw new InputDataException(source.name(), 0, null, dialect.header() ? "the file has a header but no data rows"
                    : "the file has no data rows");
        }
        if (undecodable.size() == rowsRead) {
            Undecodable first = undecodable.get(0);
            throw new InputDataException(source.name(), 0, null, "every data row (" + rowsRead + ") holds bytes that are not "
                    + encoding.name() + "; the first, on line " + first.line() + ": " + first.reason()
                    + Encodings.advice(encoding));
        }
        if (assembler == null) {
            startStreaming();
        }
        return new Outcome(header, specs, assembler, rowsRead, encoding, List.copyOf(undecodable));
    }

    /** Sets aside a row with bytes that are not text; in the header they are an error. */
    private void setAside(CsvBlocks rows) {
        String bad = rows.undecodable();
        int field = rows.undecodableField();
        if (header == null) {
            throw source.undecodableHeader(rows.line(), bad, rows.charset());
        }
        String reason = field < header.size() ? "column '" + header.get(field) + "': " + bad : bad;
        undecodable.add(new Undecodable((int) rowsRead, rows.line(), reason));
        rowsRead++;
    }

    private void readHeader(List<String> names, long line) {
        List<String> h = new ArrayList<>(names);
        if (!h.isEmpty() && h.get(0).startsWith("\uFEFF")) {
            h.set(0, h.get(0).substring(1));
        }
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).isEmpty()) {
                h.set(i, "unnamed_" + (i + 1));
            }
        }
        checkDuplicates(h, line);
        header = List.copyOf(h);
        specs = specs(header);
        if (decidedTypes != null) {
            assembler = new ColumnAssembler(source.name(), specs, missing, knownRows);
            handler.sink = assembler;
            sample = null;
            sampleLines = null;
        }
    }

    private void checkDuplicates(List<String> names, long line) {
        List<String> dups = DuplicateNames.of(names, "columns");
        if (!dups.isEmpty()) {
            throw new InputDataException(source.name(), line, null, "duplicate column names in the header: "
                    + String.join(", ", dups));
        }
    }

    private List<ColumnSpec> specs(List<String> names) {
        if (!names.contains(options.target())) {
            throw new InputDataException(source.name(), 0, null, "target column '" + options.target()
                    + (options.dialect().header() ? "' is not in the header" : "' is not in names (--names)")
                    + "; the columns are: " + listColumns(names)
                    + NearestName.didYouMean(options.target(), names));
        }
        checkKnown(options.types().keySet(), "types", names);
        checkKnown(options.exclude(), "exclude", names);
        checkKnown(options.id(), "id", names);
        List<ColumnSpec> result = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            ColumnType forced = options.types().get(n);
            ColumnSpec s;
            if (n.equals(options.target())) {
                s = new ColumnSpec(n, i, ColumnSpec.Role.TARGET, ColumnType.CATEGORICAL, false);
            } else if (options.exclude().contains(n)) {
                s = new ColumnSpec(n, i, ColumnSpec.Role.EXCLUDED, null, false);
            } else if (options.id().contains(n)) {
                s = new ColumnSpec(n, i, ColumnSpec.Role.ID, ColumnType.CATEGORICAL, forced != null);
            } else if (forced != null) {
                s = new ColumnSpec(n, i, ColumnSpec.Role.FEATURE, forced, true);
            } else {
                ColumnType decided = null;
                if (decidedTypes != null) {
                    decided = decidedTypes.get(n);
                    if (decided == null) {
                        throw new InputDataException(source.name(), 0, null, "the file changed while it was being read");
                    }
                }
                s = new ColumnSpec(n, i, ColumnSpec.Role.FEATURE, decided, false);
            }
            result.add(s);
        }
        return result;
    }

    private void checkKnown(Collection<String> given, String option, List<String> names) {
        List<String> unknown = new ArrayList<>();
        for (String g : given) {
            if (!names.contains(g)) {
                unknown.add(g);
            }
        }
        if (!unknown.isEmpty()) {
            String what = unknown.size() == 1 ? "unknown column in " : "unknown columns in ";
            throw new InputDataException(source.name(), 0, null, what + option + ": "
                    + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList())
                    + "; the columns are: " + listColumns(names) + NearestName.didYouMean(unknown, names));
        }
    }

    static String listColumns(List<String> names) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(names.size(), COLUMNS_LISTED);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(names.get(i)).append('\'');
        }
        if (names.size() > n) {
            sb.append(", ... (").append(names.size() - n).append(" more)");
        }
        return sb.toString();
    }

    private void keepSampleRow(Handler record) {
        String[] row = record.strings.toArray(new String[0]);
        for (String f : row) {
            sampleChars += f.length() + 1; // the delimiter or line break after it
        }
        sample.add(row);
        sampleLines.add(record.line);
        if (sample.size() == SAMPLE_ROWS) {
            startStreaming();
        }
    }

    /** Infers the undecided feature types from the sample, then replays the sample into the assembler. */
    private void startStreaming() {
        double rowsPerSampleRow = (double) estimatedRows() / sample.size();
        List<ColumnSpec> decided = new ArrayList<>(specs.size());
        for (ColumnSpec s : specs) {
            if (s.role() == ColumnSpec.Role.FEATURE && s.type() == null) {
                s = s.withType(inferType(s.index(), rowsPerSampleRow));
            }
            decided.add(s);
        }
        specs = List.copyOf(decided);
        assembler = new ColumnAssembler(source.name(), specs, missing, initialCapacity());
        for (int r = 0; r < sample.size(); r++) {
            assembler.startRow(sampleLines.get(r));
            String[] row = sample.get(r);
            for (int c = 0; c < row.length; c++) {
                assembler.field(c, row[c].toCharArray(), 0, row[c].length());
            }
            assembler.endRow();
        }
        sample = null;
        sampleLines = null;
        handler.sink = assembler;
    }

    /**
     * A first guess, which {@code CsvLoader} checks on the whole column: numeric when the sample is the
     * whole file and meets {@link TypeInference}, or, for a longer file, when at most a tenth of the
     * sample's non-missing cells are not numbers and no more than the whole file could allow, were
     * the rest of its cells numbers. So a few bad cells early in a big file do not load a numeric
     * column as millions of labels, and a column of text does not cost a second read.
     */
    private ColumnType inferType(int column, double rowsPerSampleRow) {
        long nonMissing = 0;
        long nonNumbers = 0;
        for (String[] row : sample) {
            String v = row[column];
            if (missing.match(v) < 0) {
                nonMissing++;
                if (!StrictNumberParser.isNumber(v)) {
                    nonNumbers++;
                }
            }
        }
        boolean numeric = nonNumbers <= nonMissing / 10
                && nonNumbers <= TypeInference.allowed((long) (nonMissing * rowsPerSampleRow));
        return numeric ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
    }

    /**
     * The data rows the file holds, roughly: the sample itself when the file ended within it;
     * otherwise the file size divided by the sample's characters per row (2% over, since an
     * over-estimate costs one trim and an under-estimate a grow).
     */
    private long estimatedRows() {
        if (sample.size() < SAMPLE_ROWS) {
            return sample.size();
        }
        long bytes = source.uncompressedSizeHint();
        return bytes > 0 ? (long) (bytes / ((double) sampleChars / sample.size()) * 1.02) + 1024 : 1 << 16;
    }

    /** The first allocation: {@link #estimatedRows()}, capped so that the first code arrays take at most a quarter of the heap. */
    private int initialCapacity() {
        if (sample.size() < SAMPLE_ROWS) {
            return sample.size();
        }
        long estimate = estimatedRows();
        long bytesPerRow = 1;
        for (ColumnSpec s : specs) {
            // Numeric cells go to chunks as they come; only the code arrays are allocated ahead.
            if (s.role() != ColumnSpec.Role.EXCLUDED && s.type() != ColumnType.NUMERIC) {
                bytesPerRow += Integer.BYTES;
            }
        }
        long byMemory = Runtime.getRuntime().maxMemory() / 4 / bytesPerRow;
        return (int) Math.max(sample.size(), Math.min(Math.min(estimate, byMemory), ColumnAssembler.MAX_ROWS));
    }

    /** Turns FastCSV's parse errors into ours: file, the line where the record starts, a plain problem. */
    static RuntimeException translate(CsvParseException e, InputFile source, long lastLine) {
        Throwable cause = e.getCause();
        if (cause instanceof ScorecardException se) {
            return se;
        }
        if (cause instanceof UncheckedIOException u) {
            return source.translate(u.getCause(), lastLine);
        }
        if (cause instanceof IOException io) {
            return source.translate(io, lastLine);
        }
        String message = String.valueOf(e.getMessage());
        Matcher m = FASTCSV_LINE.matcher(message);
        long line = m.find() ? Long.parseLong(m.group(1)) : lastLine;
        String problem = FASTCSV_LINE.matcher(message).replaceAll("");
        if (problem.startsWith("Unclosed quoted field")) {
            problem = "unclosed quote: a quoted field opens in the record starting on this line and is never closed";
        } else if (problem.startsWith("The maximum buffer size")) {
            problem = "a quoted field opens in the record starting on this line and runs past " + MAX_FIELD_CHARS
                    + " characters; most likely its closing quote is missing";
        } else {
            problem = "malformed CSV: " + problem;
        }
        return new InputDataException(source.name(), line, null, problem);
    }

    /** Routes fields: to Strings for the header and the sample, then straight into the assembler. */
    private static final class Handler {
        private final List<String> strings = new ArrayList<>();
        private ColumnAssembler sink;
        private long line;

        void begin(long startingLineNumber) {
            line = startingLineNumber;
            if (sink == null) {
                strings.clear();
            } else {
                sink.startRow(startingLineNumber);
            }
        }

        void field(int fieldIdx, char[] buf, int offset, int len) {
            if (sink == null) {
                strings.add(new String(buf, offset, len));
            } else {
                sink.field(fieldIdx, buf, offset, len);
            }
        }
    }
}
