package dev.scorecard.train.eval;

import java.util.List;

/**
 * A population (or characteristic) stability index and its per-bin breakdown (SPEC §8, §9). Made by
 * {@link Stability}.
 *
 * @param value the index, the sum of the bins' contributions; at least 0
 * @param bins one entry per bin, in bin order
 */
public record PsiResult(double value, List<Bin> bins) {
    /** Copies the list and checks the value. */
    public PsiResult {
        bins = List.copyOf(bins);
        if (!(value >= 0)) {
            throw new IllegalArgumentException("a stability index must be at least 0, got " + value);
        }
    }

    /**
     * One bin's part of the index.
     *
     * @param expectedShare the baseline share of the bin, as given (0 for an empty bin)
     * @param actualShare the current share of the bin, as given or counted (0 for an empty bin)
     * @param contribution {@code (a − e) · ln(a / e)} with {@code a} and {@code e} the two shares, each
     *     replaced by {@link Stability#EMPTY_SHARE} where it is 0; at least 0
     */
    public record Bin(double expectedShare, double actualShare, double contribution) {
        /** Checks the ranges. */
        public Bin {
            if (!(expectedShare >= 0 && expectedShare <= 1) || !(actualShare >= 0 && actualShare <= 1)) {
                throw new IllegalArgumentException("shares must be between 0 and 1, got expected " + expectedShare
                        + " and actual " + actualShare);
            }
            if (!(contribution >= 0)) {
                throw new IllegalArgumentException("a bin's contribution must be at least 0, got " + contribution);
            }
        }
    }
}
