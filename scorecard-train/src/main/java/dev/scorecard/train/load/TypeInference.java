package dev.scorecard.train.load;

/**
 * The rule that makes a column numeric or categorical when its type is not forced: a column is
 * numeric when at most {@link #allowed(long)} of its non-missing cells are not numbers; the rows of
 * those cells are then rejected, as {@code score} rejects them.
 *
 * <p>Why not "every cell a number": one typo among a million numbers then made the column categorical,
 * and a numeric characteristic became a pile of levels or left the model, without a word. Why not a
 * share alone: in a small file one bad cell is a large share. So a few cells are tolerated whatever the
 * size ({@value #MIN_ALLOWED}), 0.1 % in a large file, and never more than a
 * tenth, so that a tiny file with text in half its cells stays categorical. The counts cover every row
 * the loader read, rows rejected for other reasons included.
 */
final class TypeInference {
    /** Non-numbers a numeric column may hold whatever its size (the tenth rule aside). */
    static final long MIN_ALLOWED = 5;
    /** Non-missing cells per non-number a large numeric column may hold (0.1 %; integer, so no rounding). */
    static final long CELLS_PER_NON_NUMBER = 1000;

    private TypeInference() {
    }

    /**
     * @param nonMissing the column's non-missing cells
     * @return how many of them may be non-numbers with the column still numeric:
     *     {@code min(max(5, floor(0.001 n)), floor(n / 10))}
     */
    static long allowed(long nonMissing) {
        return Math.min(Math.max(MIN_ALLOWED, nonMissing / CELLS_PER_NON_NUMBER), nonMissing / 10);
    }

    /** @return true when a column with these counts is numeric */
    static boolean isNumeric(long nonNumbers, long nonMissing) {
        return nonNumbers <= allowed(nonMissing);
    }
}
