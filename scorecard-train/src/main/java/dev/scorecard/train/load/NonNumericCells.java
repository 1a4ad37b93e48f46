package dev.scorecard.train.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The cells that are not numbers in a column whose type they decided: in a numeric column, the cells
 * whose rows were rejected for them; in a column inferred categorical although at least as many of
 * its cells are numbers, the cells that made it categorical.
 *
 * @param cells the non-missing cells that are not numbers
 * @param nonMissing the column's non-missing cells
 * @param allowed the most non-numbers an inferred numeric column with this many non-missing cells may
 *     hold ({@code min(max(5, floor(0.001 n)), floor(n / 10))}); a forced numeric column may hold any
 *     number of them
 * @param distinctValues how many different texts the cells hold
 * @param values up to {@value #VALUES_LISTED} of those texts, those in the most cells first, then by
 *     line
 */
public record NonNumericCells(long cells, long nonMissing, long allowed, long distinctValues, List<Value> values) {
    /** The most texts {@link #values()} lists. */
    public static final int VALUES_LISTED = 10;

    /**
     * One text that is not a number.
     *
     * @param text the cell's text as read
     * @param cells how many cells hold it
     * @param firstLine the line of the first row holding it
     */
    public record Value(String text, long cells, long firstLine) {
        /** Validates the value. */
        public Value {
            Objects.requireNonNull(text, "text");
            if (cells < 1 || firstLine < 1) {
                throw new IllegalArgumentException("cells " + cells + " and firstLine " + firstLine + " must be >= 1");
            }
        }
    }

    /** Validates the counts and copies the values. */
    public NonNumericCells {
        if (cells < 1 || cells > nonMissing || allowed < 0 || distinctValues < 1 || distinctValues > cells) {
            throw new IllegalArgumentException("inconsistent counts: " + cells + " cells of " + nonMissing + ", "
                    + allowed + " allowed, " + distinctValues + " distinct");
        }
        values = List.copyOf(values);
        if (values.size() != Math.min(distinctValues, VALUES_LISTED)) {
            throw new IllegalArgumentException(values.size() + " values listed of " + distinctValues);
        }
    }

    /** @param all every distinct text with its cells, in any order */
    static NonNumericCells of(long nonMissing, List<Value> all) {
        List<Value> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingLong(Value::cells).reversed().thenComparingLong(Value::firstLine));
        long cells = 0;
        for (Value v : sorted) {
            cells += v.cells();
        }
        return new NonNumericCells(cells, nonMissing, TypeInference.allowed(nonMissing), sorted.size(),
                sorted.subList(0, Math.min(sorted.size(), VALUES_LISTED)));
    }
}
