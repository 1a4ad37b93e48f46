package dev.scorecard.train.load;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
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
import java.util.function.LongConsumer;

/**
 * Loads a CSV file into typed columns and a binary target (SPEC §2, §13).
 *
 * <ul>
 *   <li>RFC 4180 with a required header; the delimiter is given or detected among
 *       {@code , ; TAB |} (see {@link CsvLoadOptions#delimiter()}); quoted fields may hold
 *       delimiters, doubled quotes and line breaks; UTF-8 with or without a byte order mark, or the
 *       encoding of {@link CsvLoadOptions#encoding()} (a UTF-16 byte order mark is followed whatever
 *       it says); CRLF or LF; a name ending in {@code .gz} is read through gzip (every member).
 *   <li>Every row must have as many fields as the header. An unclosed quote is reported at the line
 *       of the record it opens in. Blank lines are skipped (also in a one-column file). An empty
 *       header name becomes {@code unnamed_<position>}; duplicate names are an error.
 *   <li>Cells equal to a missing token are missing, and counted per column and token.
 *   <li>A feature column is numeric when every non-missing value is a strict number (see
 *       {@code StrictNumberParser}), else categorical; {@link CsvLoadOptions#types()} forces a type.
 *       Types are inferred from the first 1000 rows and checked on the rest;
 *       when a column inferred numeric turns out to hold text, the file is read a second time.
 *   <li>Rows whose target is missing, or a value other than the event and non-event, are left out
 *       and returned as {@link RejectedRow}s; reading their text takes one more pass over the file,
 *       done only when there are rejects. So are rows holding bytes that are not text in the
 *       encoding (their reason names the column and the byte offset); such bytes in the header, or
 *       in every data row, are an error that suggests {@code --encoding}.
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
        List<String> flipped = pass.columns().flippedColumns();
        if (!flipped.isEmpty()) {
            Map<String, ColumnType> types = new HashMap<>();
            for (ColumnSpec s : pass.specs()) {
                if (s.role() == ColumnSpec.Role.FEATURE) {
                    types.put(s.name(), flipped.contains(s.name()) ? ColumnType.CATEGORICAL : s.type());
                }
            }
            int rows = pass.columns().rows();
            pass = null; // let the first pass's arrays go before the second allocates
            pass = LoadPass.decided(source, delimiter, options, types, rows);
            if (!pass.columns().flippedColumns().isEmpty()) {
                throw new InputDataException(source.name(), 0, null, "the file changed while it was being read");
            }
        }
        return assemble(source, delimiter, options, pass);
    }

    private static char detectDelimiter(InputFile source) {
        try (Reader reader = source.open()) {
            return DelimiterDetector.detect(reader);
        } catch (IOException e) {
            throw source.translate(e, 0);
        }
    }

    private static LoadResult assemble(InputFile source, char delimiter, CsvLoadOptions options, LoadPass.Outcome pass) {
        ColumnAssembler columns = pass.columns();
        int rows = columns.rows();
        ColumnSpec targetSpec = pass.specs().stream().filter(s -> s.role() == ColumnSpec.Role.TARGET)
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
        int[] rejected = new int[rejectedCount - undecodable.size()];
        byte[] events = new byte[rows - rejected.length];
        for (int r = 0, k = 0, w = 0; r < rows; r++) {
            int c = targetCodes[r];
            if (resolution.accepts(c)) {
                events[w++] = (byte) (c == resolution.eventCode() ? 1 : 0);
            } else {
                rejected[k++] = r;
            }
        }
        List<RejectedRow> rejects = rejects(source, delimiter, targetSpec.name(), targetLevels, targetCodes,
                resolution, rejected, undecodable);
        BinaryTarget target = BinaryTarget.of(targetSpec.name(), resolution.eventLabel(), events);
        if (target.eventCount() == 0 || target.nonEventCount() == 0) {
            throw new InputDataException(source.name(), 0, targetSpec.name(), "no " + (target.eventCount() == 0
                    ? "event" : "non-event") + " rows remain after rejecting " + rejectedCount + " rows");
        }

        MissingTokens missing = new MissingTokens(options.missingValues());
        List<Column> features = new ArrayList<>();
        List<Column> ids = new ArrayList<>();
        List<ColumnReport> reports = new ArrayList<>();
        for (ColumnSpec s : pass.specs()) {
            if (s.role() == ColumnSpec.Role.EXCLUDED) {
                continue;
            }
            int i = s.index();
            reports.add(new ColumnReport(s.name(), s.type(), s.forced(), tokenCounts(missing, columns.tokenCounts(i)),
                    s.role().reportName()));
            if (s.role() == ColumnSpec.Role.TARGET) {
                continue;
            }
            Column column = s.type() == ColumnType.NUMERIC
                    ? NumericColumn.of(s.name(), columns.takeNumbers(i, rejected))
                    : categorical(s.name(), columns.takeCodes(i, rejected), columns.levels(i), rejected.length > 0);
            (s.role() == ColumnSpec.Role.ID ? ids : features).add(column);
        }
        Dataset dataset = new Dataset(features, ids, target);
        LoadReport report = new LoadReport(source.name(), delimiter, pass.encoding(), pass.rowsRead(), rejectedCount,
                undecodable.size(), reports, pass.header());
        return new LoadResult(dataset, report, rejects);
    }

    /**
     * The rejected rows in file order: those left out for their target ({@code rejected}, indices
     * among the rows the pass kept) and those set aside for their bytes (indices in the file).
     */
    private static List<RejectedRow> rejects(InputFile source, char delimiter, String target, List<String> levels,
            int[] codes, TargetResolver.Resolution resolution, int[] rejected, List<LoadPass.Undecodable> undecodable) {
        int n = rejected.length + undecodable.size();
        int[] dataRows = new int[n];
        String[] reasons = new String[n];
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
            reasons[i] = c < 0 ? "target '" + target + "' is missing"
                    : "target '" + target + "' has unexpected value '" + levels.get(c) + "' (expected '"
                            + resolution.eventLabel() + "' or '" + resolution.nonEventLabel() + "')";
            k++;
        }
        List<RejectedRow> out = new ArrayList<>(n);
        List<RowFetcher.Row> rows = RowFetcher.fetch(source, delimiter, dataRows);
        for (int i = 0; i < n; i++) {
            RowFetcher.Row row = rows.get(i);
            out.add(new RejectedRow(row.line(), reasons[i], row.fields()));
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
