package dev.scorecard.core.data;

import java.util.Objects;

/**
 * A numeric column. Missing values are NaN; every other value is finite or infinite as parsed.
 * The array is owned by the column once passed to {@link #of}: callers must not change it.
 */
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;

    private NumericColumn(String name, double[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = Objects.requireNonNull(values, "values");
    }

    /**
     * Wraps an array without copying it, so that a million-row column is not held twice.
     *
     * @param name the column name
     * @param values the values, NaN for missing; ownership passes to the column
     * @return the column
     */
    public static NumericColumn of(String name, double[] values) {
        return new NumericColumn(name, values);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** @return the value of row {@code row}, NaN when missing */
    public double value(int row) {
        return values[row];
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    @Override
    public NumericColumn select(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        double[] picked = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (r < 0 || r >= values.length) {
                throw new IllegalArgumentException("column '" + name + "': row index " + r + " at position " + i
                        + " is out of range for " + values.length + " rows");
            }
            picked[i] = values[r];
        }
        return new NumericColumn(name, picked);
    }

    /** @return a copy of the values */
    public double[] copyValues() {
        return values.clone();
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + values.length + " rows]";
    }
}
