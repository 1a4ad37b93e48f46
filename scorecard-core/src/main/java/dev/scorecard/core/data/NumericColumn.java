package dev.scorecard.core.data;

import java.util.Objects;

/**
 * A numeric column. Missing values are NaN; every other value is finite or infinite as parsed.
 *
 * <p>Values are held in one of two ways, which give the same {@link #value} bit for bit: as
 * {@code double}s ({@link #of}), or, for decimal data such as {@code 12.50} or {@code -0.2112}, as
 * 4-byte integers with a power-of-ten scale ({@link #ofDecimal}), which halves the memory a training
 * set takes. A column picked from another by {@link #select} shares its values and holds only the row
 * indices. Immutable, so safe to share between threads.
 */
public final class NumericColumn implements Column {
    /** The decimal mantissa of a missing cell (NaN). */
    public static final int DECIMAL_MISSING = Integer.MIN_VALUE;
    /** The decimal mantissa of negative zero, which a mantissa of 0 cannot tell apart from +0. */
    public static final int DECIMAL_NEGATIVE_ZERO = Integer.MIN_VALUE + 1;
    /** The largest scale of {@link #ofDecimal}: 10<sup>9</sup> is the largest power of ten below 2<sup>31</sup>. */
    public static final int MAX_DECIMAL_SCALE = 9;

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private final String name;
    /** The values as doubles, or null when {@link #mantissas} holds them. */
    private final double[] values;
    /** The values as {@code mantissa / 10^scale}, or null when {@link #values} holds them. */
    private final int[] mantissas;
    private final double divisor;
    private final int scale;
    /** Row {@code i} of this column is entry {@code rows[i]} of the arrays; null for entry {@code i}. */
    private final int[] rows;
    private final int size;

    private NumericColumn(String name, double[] values, int[] mantissas, int scale, int[] rows) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values;
        this.mantissas = mantissas;
        this.scale = scale;
        this.divisor = POWERS_OF_TEN[scale];
        this.rows = rows;
        this.size = rows != null ? rows.length : values != null ? values.length : mantissas.length;
    }

    /**
     * Wraps an array without copying it, so that a million-row column is not held twice.
     *
     * @param name the column name
     * @param values the values, NaN for missing; ownership passes to the column
     * @return the column
     */
    public static NumericColumn of(String name, double[] values) {
        return new NumericColumn(name, Objects.requireNonNull(values, "values"), null, 0, null);
    }

    /**
     * Wraps decimal values held as integers without copying them: row {@code i} holds
     * {@code mantissas[i] / 10^scale}, computed in {@code double} arithmetic, which is the value
     * {@link Double#parseDouble} gives for the decimal text (both are the correctly rounded value of
     * the same exact fraction). {@link #DECIMAL_MISSING} stands for a missing cell and
     * {@link #DECIMAL_NEGATIVE_ZERO} for {@code -0.0}.
     *
     * @param name the column name
     * @param mantissas the values times 10<sup>scale</sup>; ownership passes to the column
     * @param scale the number of decimal places, 0 to {@link #MAX_DECIMAL_SCALE}
     * @return the column
     * @throws IllegalArgumentException for a scale out of range
     */
    public static NumericColumn ofDecimal(String name, int[] mantissas, int scale) {
        Objects.requireNonNull(mantissas, "mantissas");
        if (scale < 0 || scale > MAX_DECIMAL_SCALE) {
            throw new IllegalArgumentException("scale: " + scale + " is out of range; expected 0.." + MAX_DECIMAL_SCALE);
        }
        return new NumericColumn(name, null, mantissas, scale, null);
    }

    /**
     * The double a mantissa at a scale stands for, as {@link #ofDecimal} reads it.
     *
     * @param mantissa a mantissa, {@link #DECIMAL_MISSING} or {@link #DECIMAL_NEGATIVE_ZERO}
     * @param scale 0 to {@link #MAX_DECIMAL_SCALE}
     * @return the value
     */
    public static double decimalValue(int mantissa, int scale) {
        return decode(mantissa, POWERS_OF_TEN[scale]);
    }

    private static double decode(int m, double divisor) {
        if (m > DECIMAL_NEGATIVE_ZERO) {
            return m / divisor;
        }
        return m == DECIMAL_MISSING ? Double.NaN : -0.0;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    /** @return the value of row {@code row}, NaN when missing */
    public double value(int row) {
        int r = rows == null ? row : rows[row];
        return values != null ? values[r] : decode(mantissas[r], divisor);
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(value(row));
    }

    /**
     * Picks rows by index. The result shares this column's values and holds only the indices (4 bytes
     * a row), so a train/test split does not copy the data.
     */
    @Override
    public NumericColumn select(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        int[] picked = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (r < 0 || r >= size) {
                throw new IllegalArgumentException("column '" + name + "': row index " + r + " at position " + i
                        + " is out of range for " + size + " rows");
            }
            picked[i] = this.rows == null ? r : this.rows[r];
        }
        return new NumericColumn(name, values, mantissas, scale, picked);
    }

    /**
     * {@link #select} for indices already checked against this column, which the result may keep: a
     * column picked straight from its values shares the array with the other columns of the dataset.
     */
    NumericColumn pick(int[] checkedRows) {
        if (this.rows == null) {
            return new NumericColumn(name, values, mantissas, scale, checkedRows);
        }
        return select(checkedRows);
    }

    /** @return a copy of the values */
    public double[] copyValues() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = value(i);
        }
        return out;
    }

    /** @return the bytes this column holds per row: 8 for doubles, 4 for decimals, plus 4 for a picked column */
    public int bytesPerRow() {
        return (values != null ? Double.BYTES : Integer.BYTES) + (rows != null ? Integer.BYTES : 0);
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + size + " rows]";
    }
}
