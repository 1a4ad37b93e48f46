package dev.scorecard.train.load;

import dev.scorecard.core.internal.StrictNumberParser;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Streams cells into primitive storage, one per loaded column: {@link NumberChunks} for numeric
 * columns (NaN for missing; 4 bytes a cell for decimals), growable arrays of dictionary codes for
 * categorical, id and target columns ({@link CategoricalColumn#MISSING} for missing). Cells arrive as {@code char[]} slices; no String
 * is created for a numeric cell, and one per distinct label for the others.
 *
 * <p>A non-number in a numeric column is kept as NaN and its row recorded ({@link #nonNumberRows}):
 * the caller rejects the row, or, when the column has too many of them for {@link TypeInference},
 * loads it as categorical. A column inferred numeric whose non-numbers outnumber what the whole file
 * could allow (judged by the rows allocated for) is marked as flipped and no longer stored; the caller
 * reads the file again with it categorical. A forced numeric column records every non-number. Inferred
 * categorical feature columns keep the line each label first appeared on, for the report.
 */
final class ColumnAssembler {
    static final int MAX_ROWS = Integer.MAX_VALUE - 16;

    private static final byte SKIP = 0;
    private static final byte NUMERIC = 1;
    private static final byte CATEGORICAL = 2;

    private final String file;
    private final List<ColumnSpec> specs;
    private final int width;
    private final byte[] kinds;
    private final NumberChunks[] numbers;
    private final int[][] codes;
    private final CharDictionary[] dictionaries;
    private final long[][] tokenCounts;
    private final boolean[] flipped;
    private final int[][] nonNumberRows;
    private final int[] nonNumbers;
    private final MissingTokens missing;
    private int capacity;
    private int rows;
    private long line;

    /**
     * @param file the file name, for messages
     * @param specs one per header column, every type decided
     * @param missing the missing tokens
     * @param initialCapacity rows to allocate for at first
     */
    ColumnAssembler(String file, List<ColumnSpec> specs, MissingTokens missing, int initialCapacity) {
        this.file = file;
        this.specs = List.copyOf(specs);
        this.width = specs.size();
        this.missing = missing;
        this.capacity = Math.max(1, initialCapacity);
        this.kinds = new byte[width];
        this.numbers = new NumberChunks[width];
        this.codes = new int[width][];
        this.dictionaries = new CharDictionary[width];
        this.tokenCounts = new long[width][];
        this.flipped = new boolean[width];
        this.nonNumberRows = new int[width][];
        this.nonNumbers = new int[width];
        for (ColumnSpec s : this.specs) {
            int i = s.index();
            if (s.role() == ColumnSpec.Role.EXCLUDED) {
                continue;
            }
            tokenCounts[i] = new long[missing.size()];
            if (s.type() == ColumnType.NUMERIC) {
                kinds[i] = NUMERIC;
                numbers[i] = new NumberChunks();
            } else {
                kinds[i] = CATEGORICAL;
                codes[i] = new int[capacity];
                dictionaries[i] = new CharDictionary(s.role() == ColumnSpec.Role.FEATURE && !s.forced());
            }
        }
    }

    /**
     * Starts a row that begins on physical line {@code startLine}.
     *
     * @throws InputDataException when the file has more rows than arrays can hold
     */
    void startRow(long startLine) {
        this.line = startLine;
        if (rows == capacity) {
            grow();
        }
    }

    /** Takes the cell of column {@code column} of the current row; cells past the header are ignored. */
    void field(int column, char[] buf, int off, int len) {
        if (column >= width) {
            return;
        }
        switch (kinds[column]) {
            case NUMERIC -> {
                int token = missing.match(buf, off, len);
                double v;
                if (token >= 0) {
                    tokenCounts[column][token]++;
                    v = Double.NaN;
                } else {
                    v = StrictNumberParser.parse(buf, off, len);
                    if (v != v && !notANumber(column)) {
                        return;
                    }
                }
                numbers[column].put(rows, v);
            }
            case CATEGORICAL -> {
                int token = missing.match(buf, off, len);
                int code;
                if (token >= 0) {
                    tokenCounts[column][token]++;
                    code = CategoricalColumn.MISSING;
                } else {
                    code = dictionaries[column].code(buf, off, len, line);
                }
                codes[column][rows] = code;
            }
            default -> {
                // excluded or flipped: not stored
            }
        }
    }

    /** Ends the current row. */
    void endRow() {
        rows++;
    }

    /** @return the number of complete rows */
    int rows() {
        return rows;
    }

    /** @return the names of the columns inferred numeric that met too many non-numbers to keep, in file order */
    List<String> flippedColumns() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            if (flipped[i]) {
                names.add(specs.get(i).name());
            }
        }
        return names;
    }

    /**
     * Hands over a numeric column without the rejected rows, releasing its cells as they are copied.
     *
     * @param rejected row indices to leave out, strictly increasing
     * @return a column of exactly {@code rows() - rejected.length} values
     */
    NumericColumn takeNumbers(int column, String name, int[] rejected) {
        NumberChunks a = numbers[column];
        numbers[column] = null;
        return a.take(name, rows, rejected);
    }

    /**
     * Hands over the codes of a categorical column without the rejected rows, in one copy at most.
     *
     * @param rejected row indices to leave out, strictly increasing
     * @return exactly {@code rows() - rejected.length} codes
     */
    int[] takeCodes(int column, int[] rejected) {
        int[] a = codes[column];
        codes[column] = null;
        return withoutRows(a, a.length, rejected, int[]::new);
    }

    /** Copies the first {@code rows} entries of a primitive array, less the rejected ones; no copy when none is needed. */
    private <A> A withoutRows(A a, int length, int[] rejected, IntFunction<A> allocate) {
        int n = rows - rejected.length;
        if (rejected.length == 0 && length == n) {
            return a;
        }
        A out = allocate.apply(n);
        int w = 0;
        int from = 0;
        for (int r : rejected) {
            System.arraycopy(a, from, out, w, r - from);
            w += r - from;
            from = r + 1;
        }
        System.arraycopy(a, from, out, w, rows - from);
        return out;
    }

    /** @return the codes of categorical column {@code column} without handing them over (may be longer than rows) */
    int[] peekCodes(int column) {
        return codes[column];
    }

    /** @return the levels of categorical column {@code column}, in code order */
    List<String> levels(int column) {
        return dictionaries[column].levels();
    }

    /** @return cells matched per missing token, in token order, for a loaded column */
    long[] tokenCounts(int column) {
        return tokenCounts[column].clone();
    }

    /** @return the cells of a loaded column that are not missing */
    long nonMissing(int column) {
        long n = rows;
        for (long c : tokenCounts[column]) {
            n -= c;
        }
        return n;
    }

    /** @return the rows (strictly increasing) whose cell in numeric column {@code column} is not a number */
    int[] nonNumberRows(int column) {
        int n = nonNumbers[column];
        return n == 0 ? new int[0] : Arrays.copyOf(nonNumberRows[column], n);
    }

    /** @return the rows in categorical column {@code column} holding each level, by code */
    long[] levelCells(int column) {
        long[] cells = new long[dictionaries[column].size()];
        int[] c = codes[column];
        for (int r = 0; r < rows; r++) {
            if (c[r] >= 0) {
                cells[c[r]]++;
            }
        }
        return cells;
    }

    /** @return the line level {@code code} of inferred categorical feature column {@code column} first appeared on */
    long firstLine(int column, int code) {
        return dictionaries[column].firstLine(code);
    }

    /**
     * Turns categorical column {@code column} into a numeric one in place; a cell whose level is not a
     * number becomes NaN and its row is recorded as in {@link #nonNumberRows}.
     *
     * @param values the number of each level, by code; NaN for a level that is not a number
     */
    void toNumbers(int column, double[] values) {
        int[] c = codes[column];
        NumberChunks v = new NumberChunks();
        for (int r = 0; r < rows; r++) {
            int code = c[r];
            if (code < 0) {
                v.put(r, Double.NaN);
            } else {
                v.put(r, values[code]);
                if (values[code] != values[code]) {
                    keepNonNumberRow(column, r);
                }
            }
        }
        codes[column] = null;
        dictionaries[column] = null;
        numbers[column] = v;
        kinds[column] = NUMERIC;
    }

    /** @return true when the (NaN) cell is stored and its row recorded; false when the column flipped */
    private boolean notANumber(int column) {
        // Beyond what a column of `capacity` rows may hold it cannot stay numeric, unless the file is
        // longer than estimated; the caller's check on the whole column settles that case.
        if (!specs.get(column).forced() && nonNumbers[column] >= Math.max(TypeInference.MIN_ALLOWED,
                capacity / TypeInference.CELLS_PER_NON_NUMBER)) {
            flipped[column] = true;
            kinds[column] = SKIP;
            numbers[column] = null;
            nonNumberRows[column] = null;
            nonNumbers[column] = 0;
            return false;
        }
        keepNonNumberRow(column, rows);
        return true;
    }

    private void keepNonNumberRow(int column, int row) {
        int[] a = nonNumberRows[column];
        int n = nonNumbers[column];
        if (a == null) {
            a = new int[8];
        } else if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n] = row;
        nonNumberRows[column] = a;
        nonNumbers[column] = n + 1;
    }

    private void grow() {
        if (capacity >= MAX_ROWS) {
            throw new InputDataException(file, line, null, "more than " + MAX_ROWS + " data rows; split the file");
        }
        int next = (int) Math.min(MAX_ROWS, capacity + (long) (capacity >> 1) + 1024);
        for (int i = 0; i < width; i++) {
            if (codes[i] != null) {
                codes[i] = Arrays.copyOf(codes[i], next);
            }
        }
        capacity = next;
    }
}
