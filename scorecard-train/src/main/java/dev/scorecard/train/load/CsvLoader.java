package dev.scorecard.train.load;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.StrictNumberParser;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Loads a CSV file into typed columns and a binary target (SPEC §2, §13).
 *
 * <ul>
 *   <li>RFC 4180 with a header, or without one and the names of {@link CsvLoadOptions#dialect()},
 *       which may also trim unquoted fields ({@link CsvDialect}); the delimiter is given or detected among
 *       {@code , ; TAB |} (see {@link CsvLoadOptions#delimiter()}); quoted fields may hold
 *       delimiters, doubled quotes and line breaks; UTF-8 with or without a byte order mark, or the
 *       encoding of {@link CsvLoadOptions#encoding()} (a UTF-16 byte order mark is followed whatever
 *       it says); CRLF or LF; a name ending in {@code .gz} is read through gzip (every member).
 *   <li>Every row must have as many fields as the header. An unclosed quote is reported at the line
 *       of the record it opens in. Blank lines are skipped (also in a one-column file). An empty
 *       header name becomes {@code unnamed_<position>}; duplicate names are an error.
 *   <li>Cells equal to a missing token are missing, and counted per column and token.
 *   <li>A feature column is numeric when its non-missing values are strict numbers (see
 *       {@code StrictNumberParser}) but for at most {@code min(max(5, 0.1 %), 10 %)} of them, else
 *       categorical; {@link CsvLoadOptions#types()} forces a type. Types are guessed from the first
 *       1000 rows and settled on the whole column; when a column read as numeric turns out to hold
 *       more text than that, the file is read a second time. The columns so decided by a few cells
 *       carry {@link NonNumericCells} in their {@link ColumnReport}.
 *   <li>Rows with a cell that is not a number in a numeric column, and rows whose target is
 *       missing or a value other than the event and non-event, are left out and returned as
 *       {@link RejectedRow}s; reading their text takes one more pass over the file, done only when
 *       there are rejects. So are rows holding bytes that are not text in the encoding (their
 *       reason names the column and the byte offset); such bytes in the header, or in every data
 *       row, are an error that suggests {@code --encoding}.
 * </ul>
 *
 * <p>Categorical levels are in order of first appearance among the rows kept. Row data is never held
 * as Strings: numeric cells are parsed from FastCSV's character buffer into {@code double[]}, labels
 * into dictionary codes. Thread-safe: the class has no state.
 */
public final class CsvLoader {
    private CsvLoader() {
    }

    /**
     * @param file the CSV file ({@code .gz} for gzip); it is read more than once in the rare cases above,
     *     so it must be a regular file, not a pipe
     * @param options how to read it
     * @return the dataset, the report and the rejected rows
     * @throws InputDataException for unreadable or malformed input, naming the file and, where known,
     *     the line and column
     * @throws UncheckedIOException for an I/O failure unrelated to the data
     */
    public static LoadResult load(Path file, CsvLoadOptions options) {
        return load(file, options, read -> { });
    }

    /**
     * Loads a CSV file as {@link #load(Path, CsvLoadOptions)} does, telling how far it has read.
     *
     * @param progress told the number of bytes of the file read so far (compressed bytes for gzip),
     *     about every megabyte; a second pass (rejected rows, a late type change) counts from 0 again
     * @return the dataset, the report and the rejected rows
     */
    public static LoadResult load(Path file, CsvLoadOptions options, LongConsumer progress) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        InputFile source = InputFile.of(file, options.encoding(), progress);
        char delimiter = options.delimiter().orElseGet(() -> detectDelimiter(source));
        LoadPass.Outcome pass = LoadPass.inferring(source, delimiter, options);
        Typing typing = settleTypes(source, options, pass);
        if (typing.readAgain()) {
            Map<String, ColumnType> types = new HashMap<>();
            for (ColumnSpec s : typing.specs()) {
                if (s.role() == ColumnSpec.Role.FEATURE) {
                    types.put(s.name(), s.type());
                }
            }
            int rows = pass.columns().rows();
            pass = null; // let the first pass's arrays go before the second allocates
            typing = null;
            pass = LoadPass.decided(source, delimiter, options, types, rows);
            typing = settleTypes(source, options, pass);
            if (typing.readAgain()) {
                throw new InputDataException(source.name(), 0, null, "the file changed while it was being read");
            }
        }
        return assemble(source, delimiter, options, pass, typing);
    }

    /**
     * Every column's type after a pass, and the notes on the inferred categorical columns that are
     * mostly numbers.
     *
     * @param specs the pass's specs with the types the whole columns call for
     * @param readAgain true when some column needs the file read again with its new type
     * @param notes by column index
     * @param warnings for the user, e.g. a column of numbers with spaces around them
     */
    private record Typing(List<ColumnSpec> specs, boolean readAgain, Map<Integer, NonNumericCells> notes,
            List<String> warnings) {
    }

    /**
     * Checks each inferred type on the whole column ({@link TypeInference}): a numeric column with too
     * many non-numbers (or given up by the assembler) must be read again as categorical; a categorical
     * one that turns out numeric is converted in memory, its non-number rows to be rejected.
     */
    private static Typing settleTypes(InputFile source, CsvLoadOptions options, LoadPass.Outcome pass) {
        ColumnAssembler columns = pass.columns();
        List<String> flipped = columns.flippedColumns();
        List<ColumnSpec> specs = new ArrayList<>(pass.specs().size());
        Map<Integer, NonNumericCells> notes = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        MissingTokens missing = new MissingTokens(options.missingValues());
        boolean readAgain = false;
        for (ColumnSpec s : pass.specs()) {
            int i = s.index();
            if (s.role() != ColumnSpec.Role.FEATURE || s.forced()) {
                specs.add(s);
            } else if (s.type() == ColumnType.NUMERIC) {
                boolean numeric = !flipped.contains(s.name())
                        && TypeInference.isNumeric(columns.nonNumberRows(i).length, columns.nonMissing(i));
                readAgain |= !numeric;
                specs.add(numeric ? s : s.withType(ColumnType.CATEGORICAL));
            } else {
                ColumnSpec checked = checkLevels(columns, s, notes);
                if (checked.type() == ColumnType.CATEGORICAL && !options.dialect().trim()) {
                    paddedNumbers(columns, s, missing).ifPresent(w -> warnings.add(source.name() + ": " + w));
                }
                specs.add(checked);
            }
        }
        return new Typing(List.copyOf(specs), readAgain, notes, List.copyOf(warnings));
    }

    /**
     * Says so when an inferred categorical column would be numeric once trimmed: every level is a
     * number, or a number or missing token with spaces or tabs around it, and some are padded (as in
     * UCI adult.data, whose fields follow ", "). Without this the column silently became levels.
     *
     * @return e.g. {@code column 'age' holds numbers with spaces around them, e.g. ' 39' on line 1, ...}
     */
    private static Optional<String> paddedNumbers(ColumnAssembler columns, ColumnSpec s, MissingTokens missing) {
        int i = s.index();
        List<String> levels = columns.levels(i);
        int example = -1;
        for (int c = 0; c < levels.size(); c++) {
            String level = levels.get(c);
            if (StrictNumberParser.isNumber(level)) {
                continue;
            }
            // Only the first and last character decide whether a level is padded: cheap on wide text columns.
            boolean padded = !level.isEmpty()
                    && (CsvDialect.isPad(level.charAt(0)) || CsvDialect.isPad(level.charAt(level.length() - 1)));
            String stripped = padded ? CsvDialect.strip(level) : level;
            if (!padded || !(StrictNumberParser.isNumber(stripped) || missing.match(stripped) >= 0)) {
                return Optional.empty();
            }
            if (example < 0 && StrictNumberParser.isNumber(stripped)) {
                example = c;
            }
        }
        if (example < 0) {
            return Optional.empty();
        }
        return Optional.of("column '" + s.name() + "' holds numbers with spaces around them, e.g. '" + levels.get(example)
                + "' on line " + columns.firstLine(i, example) + ", so it is loaded as categorical;"
                + " pass --trim (trim: true in the config) to read them as numbers");
    }

    /** An inferred categorical column: converted when the rule makes it numeric, noted when it is mostly numbers. */
    private static ColumnSpec checkLevels(ColumnAssembler columns, ColumnSpec s, Map<Integer, NonNumericCells> notes) {
        int i = s.index();
        List<String> levels = columns.levels(i);
        double[] values = new double[levels.size()];
        boolean someNumber = false;
        for (int c = 0; c < values.length; c++) {
            values[c] = StrictNumberParser.parse(levels.get(c));
            someNumber |= values[c] == values[c];
        }
        if (!someNumber) {
            return s;
        }
        long[] cells = columns.levelCells(i);
        long numbers = 0;
        long nonNumbers = 0;
        for (int c = 0; c < values.length; c++) {
            if (values[c] == values[c]) {
                numbers += cells[c];
            } else {
                nonNumbers += cells[c];
            }
        }
        if (TypeInference.isNumeric(nonNumbers, numbers + nonNumbers)) {
            columns.toNumbers(i, values);
            return s.withType(ColumnType.NUMERIC);
        }
        if (nonNumbers <= numbers) {
            List<NonNumericCells.Value> texts = new ArrayList<>();
            for (int c = 0; c < values.length; c++) {
                if (values[c] != values[c] && cells[c] > 0) {
                    texts.add(new NonNumericCells.Value(levels.get(c), cells[c], columns.firstLine(i, c)));
                }
            }
            notes.put(i, NonNumericCells.of(numbers + nonNumbers, texts));
        }
        return s;
    }

    private static char detectDelimiter(InputFile source) {
        try (Reader reader = source.open()) {
            return DelimiterDetector.detect(reader);
        } catch (IOException e) {
            throw source.translate(e, 0);
        }
    }

    private static LoadResult assemble(InputFile source, char delimiter, CsvLoadOptions options, LoadPass.Outcome pass,
            Typing typing) {
        ColumnAssembler columns = pass.columns();
        List<ColumnSpec> specs = typing.specs();
        int rows = columns.rows();
        ColumnSpec targetSpec = specs.stream().filter(s -> s.role() == ColumnSpec.Role.TARGET)
                .findFirst().orElseThrow();
        int t = targetSpec.index();
        int[] targetCodes = columns.peekCodes(t);
        List<String> targetLevels = List.copyOf(columns.levels(t));
        long[] counts = new long[targetLevels.size()];
        List<LoadPass.Undecodable> undecodable = pass.undecodable();
        int rejectedCount = undecodable.size();
        for (int r = 0; r < rows; r++) {
            int c = targetCodes[r];
            if (c >= 0) {
                counts[c]++;
            } else {
                rejectedCount++;
            }
        }
        TargetResolver.Resolution resolution = TargetResolver.resolve(source.name(), targetSpec.name(), targetLevels,
                counts, options.positive());
        for (int c = 0; c < counts.length; c++) {
            if (!resolution.accepts(c)) {
                rejectedCount += (int) counts[c];
            }
        }
        // A row with a non-number in a numeric column is rejected for it, as score rejects it, also
        // when its target is bad too: its reason is then the same in both rejects files.
        int[][] cellRejects = cellRejects(specs, columns);
        int[] cellRows = cellRejects[0];
        for (int row : cellRows) {
            if (resolution.accepts(targetCodes[row])) {
                rejectedCount++;
            }
        }
        int[] rejected = new int[rejectedCount - undecodable.size()];
        int[] rejectedFor = new int[rejected.length]; // the column whose cell is not a number, or -1 for the target
        byte[] events = new byte[rows - rejected.length];
        for (int r = 0, k = 0, w = 0, p = 0; r < rows; r++) {
            int c = targetCodes[r];
            if (p < cellRows.length && cellRows[p] == r) {
                rejectedFor[k] = cellRejects[1][p++];
                rejected[k++] = r;
            } else if (resolution.accepts(c)) {
                events[w++] = (byte) (c == resolution.eventCode() ? 1 : 0);
            } else {
                rejectedFor[k] = -1;
                rejected[k++] = r;
            }
        }
        int[] rejectAt = new int[rejected.length];
        List<RejectedRow> rejects = rejects(source, delimiter, options.dialect(), pass.header(), targetSpec.name(), targetLevels,
                targetCodes, resolution, rejected, rejectedFor, rejectAt, undecodable);
        BinaryTarget target = BinaryTarget.of(targetSpec.name(), resolution.eventLabel(), resolution.nonEventLabel(), events);
        if (target.eventCount() == 0 || target.nonEventCount() == 0) {
            throw new InputDataException(source.name(), 0, targetSpec.name(), "no " + (target.eventCount() == 0
                    ? "event" : "non-event") + " rows remain after rejecting " + rejectedCount + " rows");
        }

        MissingTokens missing = new MissingTokens(options.missingValues());
        List<Column> features = new ArrayList<>();
        List<Column> ids = new ArrayList<>();
        List<ColumnReport> reports = new ArrayList<>();
        for (ColumnSpec s : specs) {
            if (s.role() == ColumnSpec.Role.EXCLUDED) {
                continue;
            }
            int i = s.index();
            Optional<NonNumericCells> note = Optional.ofNullable(s.type() == ColumnType.NUMERIC
                    ? rejectedCells(columns, i, rejected, rejectAt, rejects)
                    : typing.notes().get(i));
            reports.add(new ColumnReport(s.name(), s.type(), s.forced(), tokenCounts(missing, columns.tokenCounts(i)),
                    s.role().reportName(), note));
            if (s.role() == ColumnSpec.Role.TARGET) {
                continue;
            }
            Column column = s.type() == ColumnType.NUMERIC
                    ? columns.takeNumbers(i, s.name(), rejected)
                    : categorical(s.name(), columns.takeCodes(i, rejected), columns.levels(i), rejected.length > 0);
            (s.role() == ColumnSpec.Role.ID ? ids : features).add(column);
        }
        Dataset dataset = new Dataset(features, ids, target);
        LoadReport report = new LoadReport(source.name(), delimiter, pass.encoding(), pass.rowsRead(), rejectedCount,
                undecodable.size(), reports, pass.header(), typing.warnings());
        return new LoadResult(dataset, report, rejects);
    }

    /**
     * The rows with a cell that is not a number in a numeric column, with the first such column.
     *
     * @return the rows, strictly increasing, and for each the column index
     */
    private static int[][] cellRejects(List<ColumnSpec> specs, ColumnAssembler columns) {
        int n = 0;
        for (ColumnSpec s : specs) {
            if (s.role() == ColumnSpec.Role.FEATURE && s.type() == ColumnType.NUMERIC) {
                n += columns.nonNumberRows(s.index()).length;
            }
        }
        if (n == 0) {
            return new int[][] {new int[0], new int[0]};
        }
        long[] cells = new long[n]; // row in the high half, column in the low: sorting orders by row, then column
        int k = 0;
        for (ColumnSpec s : specs) {
            if (s.role() == ColumnSpec.Role.FEATURE && s.type() == ColumnType.NUMERIC) {
                for (int row : columns.nonNumberRows(s.index())) {
                    cells[k++] = (long) row << 32 | s.index();
                }
            }
        }
        Arrays.sort(cells);
        int[] rows = new int[n];
        int[] first = new int[n];
        int m = 0;
        for (long cell : cells) {
            int row = (int) (cell >>> 32);
            if (m == 0 || rows[m - 1] != row) {
                rows[m] = row;
                first[m++] = (int) cell;
            }
        }
        return new int[][] {Arrays.copyOf(rows, m), Arrays.copyOf(first, m)};
    }

    /** @return the cells of numeric column {@code column} whose rows were rejected for them, or null when there are none */
    private static NonNumericCells rejectedCells(ColumnAssembler columns, int column, int[] rejected, int[] rejectAt,
            List<RejectedRow> rejects) {
        int[] rows = columns.nonNumberRows(column);
        if (rows.length == 0) {
            return null;
        }
        Map<String, long[]> byText = new LinkedHashMap<>(); // cells, first line
        for (int row : rows) {
            RejectedRow r = rejects.get(rejectAt[Arrays.binarySearch(rejected, row)]);
            long[] seen = byText.computeIfAbsent(r.fields().get(column), t -> new long[] {0, r.line()});
            seen[0]++;
        }
        List<NonNumericCells.Value> texts = new ArrayList<>(byText.size());
        byText.forEach((text, seen) -> texts.add(new NonNumericCells.Value(text, seen[0], seen[1])));
        return NonNumericCells.of(columns.nonMissing(column), texts);
    }

    /**
     * The rejected rows in file order: those left out for a cell or their target ({@code rejected},
     * indices among the rows the pass kept, with {@code rejectedFor} the column of the cell or -1) and
     * those set aside for their bytes (indices in the file).
     *
     * @param rejectAt filled with the position in the result of each row of {@code rejected}
     */
    private static List<RejectedRow> rejects(InputFile source, char delimiter, CsvDialect dialect, List<String> header,
            String target,
            List<String> levels, int[] codes, TargetResolver.Resolution resolution, int[] rejected, int[] rejectedFor,
            int[] rejectAt, List<LoadPass.Undecodable> undecodable) {
        int n = rejected.length + undecodable.size();
        int[] dataRows = new int[n];
        String[] reasons = new String[n];
        int[] cellColumn = new int[n];
        Arrays.fill(cellColumn, -1);
        int u = 0; // set-aside rows before the current one: a kept row's file index is its index plus these
        int k = 0;
        for (int i = 0; i < n; i++) {
            int keptInFile = k < rejected.length ? rejected[k] + u : Integer.MAX_VALUE;
            if (u < undecodable.size() && undecodable.get(u).dataRow() <= keptInFile) {
                dataRows[i] = undecodable.get(u).dataRow();
                reasons[i] = undecodable.get(u).reason();
                u++;
                continue;
            }
            int c = codes[rejected[k]];
            dataRows[i] = keptInFile;
            rejectAt[k] = i;
            if (rejectedFor[k] >= 0) {
                cellColumn[i] = rejectedFor[k]; // the reason quotes the cell, read below
            } else {
                reasons[i] = c < 0 ? "target '" + target + "' is missing"
                        : "target '" + target + "' has unexpected value '" + levels.get(c) + "' (expected '"
                                + resolution.eventLabel() + "' or '" + resolution.nonEventLabel() + "')";
            }
            k++;
        }
        List<RejectedRow> out = new ArrayList<>(n);
        List<RowFetcher.Row> rows = RowFetcher.fetch(source, delimiter, dialect, dataRows);
        for (int i = 0; i < n; i++) {
            RowFetcher.Row row = rows.get(i);
            int col = cellColumn[i];
            // The wording of score's reason (ScoringPass), so that both rejects files read alike.
            String reason = col < 0 ? reasons[i]
                    : "column '" + header.get(col) + "': value '" + row.fields().get(col) + "' is not a number";
            out.add(new RejectedRow(row.line(), reason, row.fields()));
        }
        return out;
    }

    private static Map<String, Long> tokenCounts(MissingTokens missing, long[] counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                m.put(missing.token(k), counts[k]);
            }
        }
        return m;
    }

    /**
     * Builds a categorical column from the codes of the kept rows. When rows were dropped, levels are
     * renumbered in order of first appearance among the kept rows, and levels seen only in dropped
     * rows disappear.
     */
    private static CategoricalColumn categorical(String name, int[] kept, List<String> levels, boolean rowsDropped) {
        if (!rowsDropped) {
            return CategoricalColumn.of(name, kept, levels);
        }
        int[] renumber = new int[levels.size()];
        Arrays.fill(renumber, -1);
        List<String> keptLevels = new ArrayList<>();
        for (int r = 0; r < kept.length; r++) {
            int c = kept[r];
            if (c >= 0) {
                if (renumber[c] < 0) {
                    renumber[c] = keptLevels.size();
                    keptLevels.add(levels.get(c));
                }
                kept[r] = renumber[c];
            }
        }
        return CategoricalColumn.of(name, kept, keptLevels);
    }
}
