package dev.scorecard.core.data;

import java.util.List;
import java.util.Objects;

/**
 * A dictionary-encoded categorical column: row {@code i} holds level {@code levels().get(code(i))},
 * or nothing when the code is {@link #MISSING}. The codes array is owned by the column once passed
 * to {@link #of}.
 */
public final class CategoricalColumn implements Column {
    /** The code of a missing cell. */
    public static final int MISSING = -1;

    private final String name;
    private final int[] codes;
    private final List<String> levels;

    private CategoricalColumn(String name, int[] codes, List<String> levels) {
        this.name = Objects.requireNonNull(name, "name");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.levels = List.copyOf(levels);
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c < MISSING || c >= this.levels.size()) {
                throw new IllegalArgumentException("column '" + name + "': code " + c + " at row " + i
                        + " is outside 0.." + (this.levels.size() - 1));
            }
        }
    }

    /**
     * @param name the column name
     * @param codes level index per row, {@link #MISSING} for missing; ownership passes to the column
     * @param levels the distinct levels, in code order
     * @return the column
     */
    public static CategoricalColumn of(String name, int[] codes, List<String> levels) {
        return new CategoricalColumn(name, codes, levels);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return codes.length;
    }

    /** @return the level code of row {@code row}, {@link #MISSING} when missing */
    public int code(int row) {
        return codes[row];
    }

    /** @return the level text of row {@code row}, or null when missing */
    public String level(int row) {
        int c = codes[row];
        return c == MISSING ? null : levels.get(c);
    }

    /** @return the distinct levels in code order */
    public List<String> levels() {
        return levels;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        int[] picked = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (r < 0 || r >= codes.length) {
                throw new IllegalArgumentException("column '" + name + "': row index " + r + " at position " + i
                        + " is out of range for " + codes.length + " rows");
            }
            picked[i] = codes[r];
        }
        // The same levels list, so that codes keep their meaning across a train/test split.
        return new CategoricalColumn(name, picked, levels);
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + codes.length + " rows, " + levels.size() + " levels]";
    }
}
