package dev.scorecard.train.pipeline;

import dev.scorecard.core.internal.NearestName;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.ScoreBuffer;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.train.config.ConfigJson;
import dev.scorecard.train.load.CsvCells;
import dev.scorecard.train.load.CsvDialect;
import dev.scorecard.train.load.Encodings;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * One streaming pass of a CSV file through a scorecard, shared by {@code score}, {@code evaluate}
 * and {@code monitor}: the header is checked for every column the model and the caller need, then
 * each row is parsed (numbers straight from the parser's buffer, Strings only for levels and the
 * caller's text columns) and scored into one reused {@link ScoreBuffer}. A caller may also ask for
 * columns the model does not use, as numbers or levels read the way the model reads its own
 * ({@link ValueColumn}); those the header lacks are skipped rather than refused. Rows that cannot be scored
 * are written to the rejects file as they are found, with their line, reason and fields as read, and
 * skipped. Constant memory, whatever the number of rejects. Not thread-safe.
 */
final class ScoringPass implements Closeable {
    /**
     * A text column the caller wants from every row.
     *
     * @param name the header name
     * @param role how the column was asked for, for the message when it is absent (e.g. {@code --id})
     */
    record TextColumn(String name, String role) {
    }

    /**
     * A column the caller wants as a value, read as the model would read a characteristic of this
     * type (a number, NaN for a missing token; or a level), and only when the header has it.
     *
     * @param name the header name
     * @param type how to read it
     */
    record ValueColumn(String name, VariableType type) {
    }

    /** Rows between two progress reports: a power of two, often enough that a file of 50,000 rows moves the count. */
    private static final long PROGRESS_EVERY = 1 << 14;

    private final Scorecard scorecard;
    private final Charset encoding;
    private final List<String> header;
    private final CsvCells cells;
    private final RejectsStream rejects;
    private final int reasons;
    private final ReasonBaseline reasonBaseline;
    private final LongConsumer progress;
    private final int width;
    private final List<Characteristic> characteristics;
    private final boolean[] numeric;
    private final int[] numberSlot;
    private final int[] levelSlot;
    private final int textOffset;
    private final boolean[] valuePresent;
    private final int[] valueSlot;
    private final double[] numbers;
    private final String[] levels;
    private final String[] texts;
    private final ScoreBuffer buffer;
    private long rows;
    private long rejected;
    private long scored;
    private long undecodable;

    private ScoringPass(Scorecard scorecard, CsvCells cells, Charset encoding, List<TextColumn> textColumns,
            List<ValueColumn> valueColumns, int reasons, ReasonBaseline reasonBaseline, LongConsumer progress,
            OutputSet outputs, Path rejectsFile) {
        this.scorecard = scorecard;
        this.cells = cells;
        this.encoding = encoding;
        this.reasons = reasons;
        this.reasonBaseline = reasonBaseline;
        this.progress = progress;
        this.characteristics = scorecard.model().characteristics();
        this.header = cells.header();
        this.rejects = new RejectsStream(outputs, rejectsFile, header);
        this.width = header.size();
        long headerLine = cells.headerLine();
        String data = cells.name();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
        valuePresent = new boolean[valueColumns.size()];
        for (int v = 0; v < valuePresent.length; v++) {
            valuePresent[v] = index.containsKey(valueColumns.get(v).name());
        }
        checkDuplicates(data, headerLine, textColumns, valueColumns);
        List<String> absent = new ArrayList<>();
        List<String> absentNames = new ArrayList<>();
        for (Characteristic c : characteristics) {
            if (!index.containsKey(c.name())) {
                absent.add(c.name());
                absentNames.add(c.name());
            }
        }
        for (TextColumn t : textColumns) {
            if (!index.containsKey(t.name())) {
                absent.add(t.name() + " (" + t.role() + ")");
                absentNames.add(t.name());
            }
        }
        if (!absent.isEmpty()) {
            boolean named = !cells.dialect().header();
            String hint = "";
            if (!named && !ConfigJson.dialect(scorecard.model().provenance().config()).header()) {
                hint = "; the model was trained on a file without a header: pass --no-header to read the first line as"
                        + " data with the model's names";
            }
            throw new InputDataException(data, headerLine, null, (named ? "the names (--names) lack " : "the header lacks ")
                    + (absent.size() == 1 ? "column " : "columns ") + String.join(", ", absent)
                    + " that the model needs; " + (named ? "the names are " : "the header has ") + String.join(", ", header)
                    + NearestName.didYouMean(absentNames, header) + hint);
        }
        int k = characteristics.size();
        numeric = new boolean[k];
        numberSlot = new int[k];
        levelSlot = new int[k];
        List<Integer> numberCols = new ArrayList<>();
        List<Integer> textCols = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Characteristic c = characteristics.get(i);
            numeric[i] = c.type() == VariableType.NUMERIC;
            int col = index.get(c.name());
            numberSlot[i] = numeric[i] ? numberCols.size() : -1;
            levelSlot[i] = numeric[i] ? -1 : textCols.size();
            (numeric[i] ? numberCols : textCols).add(col);
        }
        valueSlot = new int[valueColumns.size()];
        for (int v = 0; v < valueSlot.length; v++) {
            valueSlot[v] = -1;
            if (valuePresent[v]) {
                List<Integer> cols = valueColumns.get(v).type() == VariableType.NUMERIC ? numberCols : textCols;
                valueSlot[v] = cols.size();
                cols.add(index.get(valueColumns.get(v).name()));
            }
        }
        textOffset = textCols.size();
        for (TextColumn t : textColumns) {
            textCols.add(index.get(t.name()));
        }
        numbers = new double[k];
        levels = new String[k];
        texts = new String[textColumns.size()];
        buffer = new ScoreBuffer(k, reasons);
        cells.select(numberCols.stream().mapToInt(Integer::intValue).toArray(),
                textCols.stream().mapToInt(Integer::intValue).toArray(), textOffset);
    }

    /**
     * Refuses a header that names a column this pass reads more than once: which of the two the
     * model should score is anyone's guess. Repeated names among the columns it ignores are fine.
     */
    private void checkDuplicates(String data, long headerLine, List<TextColumn> textColumns, List<ValueColumn> valueColumns) {
        Set<String> read = new HashSet<>();
        characteristics.forEach(c -> read.add(c.name()));
        textColumns.forEach(t -> read.add(t.name()));
        valueColumns.forEach(v -> read.add(v.name()));
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (read.contains(header.get(i))) {
                positions.computeIfAbsent(header.get(i), k -> new ArrayList<>()).add(i + 1);
            }
        }
        List<String> dups = new ArrayList<>();
        positions.forEach((name, at) -> {
            if (at.size() > 1) {
                String last = String.valueOf(at.get(at.size() - 1));
                String rest = at.subList(0, at.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", "));
                dups.add("'" + name + "' (columns " + rest + " and " + last + ")");
            }
        });
        if (!dups.isEmpty()) {
            throw new InputDataException(data, headerLine, null, "duplicate column names in the header: "
                    + String.join(", ", dups) + "; the run reads " + (dups.size() == 1 ? "this column" : "these columns")
                    + " and cannot tell which one is meant");
        }
    }

    /**
     * @param scorecard the model
     * @param data the CSV file, or {@code -} for standard input; opened once
     * @param delimiter the delimiter, or empty to detect it
     * @param encoding the encoding of a file without a byte order mark
     * @param dialect header or names, trimming, as far as the caller says; the rest as the model was trained
     * @param textColumns columns the caller reads with {@link #text}, in that order
     * @param reasons reason codes per row
     * @param reasonBaseline what points lost are measured from
     * @param progress told the number of rows read so far, every 16,384 rows
     * @param outputs the run's outputs, which the rejects file belongs to
     * @param rejectsFile where rejected rows go, as they are found (a member of {@code outputs})
     * @return the pass, before the first row
     * @throws InputDataException when the file cannot be read or its header lacks a needed column
     */
    static ScoringPass open(Scorecard scorecard, Path data, Optional<Character> delimiter, Charset encoding,
            InputDialect dialect, List<TextColumn> textColumns, int reasons, ReasonBaseline reasonBaseline,
            LongConsumer progress, OutputSet outputs, Path rejectsFile) {
        return open(scorecard, data, delimiter, encoding, dialect, textColumns, List.of(), reasons, reasonBaseline, progress,
                outputs, rejectsFile);
    }

    /**
     * As {@link #open(Scorecard, Path, Optional, Charset, InputDialect, List, int, ReasonBaseline, LongConsumer, OutputSet,
     * Path)},
     * also reading value columns.
     *
     * @param valueColumns columns read with {@link #number} or {@link #level}, in that order; those the
     *     header lacks are not read ({@link #has})
     */
    static ScoringPass open(Scorecard scorecard, Path data, Optional<Character> delimiter, Charset encoding,
            InputDialect dialect, List<TextColumn> textColumns, List<ValueColumn> valueColumns, int reasons,
            ReasonBaseline reasonBaseline, LongConsumer progress, OutputSet outputs, Path rejectsFile) {
        CsvDialect trained = ConfigJson.dialect(scorecard.model().provenance().config());
        CsvCells cells = CsvCells.open(data, delimiter, encoding, scorecard.model().missingValues(), dialect.against(trained));
        try {
            return new ScoringPass(scorecard, cells, encoding, textColumns, valueColumns, reasons, reasonBaseline, progress,
                    outputs, rejectsFile);
        } catch (RuntimeException e) {
            try {
                cells.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** @return the header's column names */
    List<String> header() {
        return header;
    }

    /** @return the delimiter read or given */
    char delimiter() {
        return cells.delimiter();
    }

    /**
     * Moves to the next row that scores; rows that do not are logged as rejects on the way.
     *
     * @return false at the end of the file
     */
    boolean next() {
        while (cells.next()) {
            rows++;
            if ((rows & (PROGRESS_EVERY - 1)) == 0) {
                progress.accept(rows);
            }
            String problem = scoreRow();
            if (problem == null) {
                scored++;
                return true;
            }
            logReject(problem);
        }
        return false;
    }

    /** @return the current row's result */
    ScoreBuffer result() {
        return buffer;
    }

    /** @return text column {@code i} of the current row, in the order given to {@link #open} */
    String text(int i) {
        return texts[i];
    }

    /** @return whether the header has value column {@code v} */
    boolean has(int v) {
        return valuePresent[v];
    }

    /**
     * @param v a numeric value column the header has
     * @return its number in the current row: NaN when missing or not a number ({@link #badNumber})
     */
    double number(int v) {
        return cells.number(valueSlot[v]);
    }

    /**
     * @param v a numeric value column the header has
     * @return its text in the current row when that is not a number, null otherwise
     */
    String badNumber(int v) {
        return cells.badNumber(valueSlot[v]);
    }

    /**
     * @param v a categorical value column the header has
     * @return its level in the current row, as written (missing tokens included), null when the row
     *     is too short
     */
    String level(int v) {
        return cells.text(valueSlot[v]);
    }

    /**
     * Takes back the current row, which scored but which the caller cannot use (an empty id, a
     * target that is neither class): it becomes a reject with this reason.
     *
     * @param reason why
     */
    void reject(String reason) {
        scored--;
        logReject(reason);
    }

    /** @return data rows read so far */
    long rows() {
        return rows;
    }

    /** @return rows scored and not taken back */
    long scored() {
        return scored;
    }

    /** @return rows rejected so far */
    long rejected() {
        return rejected;
    }

    /**
     * @return what to add to an error about too many rejects: the {@code --encoding} advice when most
     *     of them held bytes that are not text in the encoding, otherwise nothing
     */
    String encodingAdvice() {
        Charset used = rows > 0 ? cells.charset() : encoding;
        return Encodings.adviceFor(undecodable, rejected(), used);
    }

    /** @return the rejects file, when a row was rejected */
    Optional<Path> rejectsFile() {
        return rejected > 0 ? Optional.of(rejects.file()) : Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try (rejects) {
            cells.close();
        }
    }

    /** @return null when the row scored, otherwise why not */
    private String scoreRow() {
        String bytes = cells.undecodable();
        if (bytes != null) {
            undecodable++;
            int f = cells.undecodableField();
            return f < width ? "column '" + header.get(f) + "': " + bytes : bytes;
        }
        if (cells.fieldCount() != width) {
            return "expected " + width + (cells.dialect().header() ? " fields as in the header"
                    : " fields, one per name in names (--names)") + ", found " + cells.fieldCount();
        }
        for (int k = 0; k < numeric.length; k++) {
            if (numeric[k]) {
                String bad = cells.badNumber(numberSlot[k]);
                if (bad != null) {
                    return "column '" + characteristics.get(k).name() + "': value '" + bad + "' is not a number";
                }
                numbers[k] = cells.number(numberSlot[k]);
            } else {
                levels[k] = cells.text(levelSlot[k]);
            }
        }
        for (int i = 0; i < texts.length; i++) {
            texts[i] = cells.text(textOffset + i);
        }
        try {
            scorecard.scoreInto(numbers, levels, reasons, reasonBaseline, buffer);
        } catch (InputDataException e) {
            return e.column().map(c -> "column '" + c + "': ").orElse("") + problemOf(e);
        }
        return null;
    }

    private void logReject(String reason) {
        rejected++;
        rejects.add(cells.line(), reason, cells.fields());
    }

    /** The message of an input error without its "input, column 'x': " prefix. */
    private static String problemOf(InputDataException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return colon >= 0 ? m.substring(colon + 2) : m;
    }
}
