package dev.scorecard.core.data;

import java.util.List;
import java.util.Objects;

/**
 * A dictionary-encoded categorical column: row {@code i} holds level {@code levels().get(code(i))},
 * or nothing when the code is {@link #MISSING}. Codes are held in one byte a row when there are at
 * most 127 levels, two up to 32,767, four beyond; a column picked from another by {@link #select}
 * shares its codes and holds only the row indices. Immutable, so safe to share between threads.
 */
public final class CategoricalColumn implements Column {
    /** The code of a missing cell. */
    public static final int MISSING = -1;

    private final String name;
    /** Exactly one of the three code arrays is set, the narrowest that holds every level. */
    private final byte[] codes8;
    private final short[] codes16;
    private final int[] codes32;
    private final List<String> levels;
    /** Row {@code i} of this column is entry {@code rows[i]} of the codes; null for entry {@code i}. */
    private final int[] rows;
    private final int size;

    private CategoricalColumn(String name, int[] codes, List<String> levels) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codes, "codes");
        this.levels = List.copyOf(levels);
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c < MISSING || c >= this.levels.size()) {
                throw new IllegalArgumentException("column '" + name + "': code " + c + " at row " + i
                        + " is outside 0.." + (this.levels.size() - 1));
            }
        }
        int n = codes.length;
        if (this.levels.size() <= Byte.MAX_VALUE) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) codes[i];
            }
            this.codes8 = b;
            this.codes16 = null;
            this.codes32 = null;
        } else if (this.levels.size() <= Short.MAX_VALUE) {
            short[] s = new short[n];
            for (int i = 0; i < n; i++) {
                s[i] = (short) codes[i];
            }
            this.codes8 = null;
            this.codes16 = s;
            this.codes32 = null;
        } else {
            this.codes8 = null;
            this.codes16 = null;
            this.codes32 = codes;
        }
        this.rows = null;
        this.size = n;
    }

    private CategoricalColumn(CategoricalColumn from, int[] rows) {
        this.name = from.name;
        this.codes8 = from.codes8;
        this.codes16 = from.codes16;
        this.codes32 = from.codes32;
        this.levels = from.levels;
        this.rows = rows;
        this.size = rows.length;
    }

    /**
     * @param name the column name
     * @param codes level index per row, {@link #MISSING} for missing; kept when there are more than
     *     32,767 levels (ownership passes to the column), otherwise copied into a narrower array
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
        return size;
    }

    /** @return the level code of row {@code row}, {@link #MISSING} when missing */
    public int code(int row) {
        int r = rows == null ? row : rows[row];
        return codes8 != null ? codes8[r] : codes16 != null ? codes16[r] : codes32[r];
    }

    /** @return the level text of row {@code row}, or null when missing */
    public String level(int row) {
        int c = code(row);
        return c == MISSING ? null : levels.get(c);
    }

    /** @return the distinct levels in code order */
    public List<String> levels() {
        return levels;
    }

    @Override
    public boolean isMissing(int row) {
        return code(row) == MISSING;
    }

    /**
     * Picks rows by index. The result shares this column's codes and its levels list (so that codes
     * keep their meaning across a train/test split) and holds only the row indices.
     */
    @Override
    public CategoricalColumn select(int[] rows) {
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
        return new CategoricalColumn(this, picked);
    }

    /** {@link #select} for indices already checked against this column, which the result may keep. */
    CategoricalColumn pick(int[] checkedRows) {
        return this.rows == null ? new CategoricalColumn(this, checkedRows) : select(checkedRows);
    }

    /** @return the bytes this column holds per row: 1, 2 or 4 for the code, plus 4 for a picked column */
    public int bytesPerRow() {
        return (codes8 != null ? 1 : codes16 != null ? 2 : 4) + (rows != null ? Integer.BYTES : 0);
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + size + " rows, " + levels.size() + " levels]";
    }
}
