package dev.scorecard.train.eval;

/**
 * The Kolmogorov–Smirnov statistic of a score (SPEC §8) and where it is reached.
 *
 * @param ks the largest gap {@code |F_event(s) − F_nonEvent(s)|} between the empirical distribution
 *     functions of the score among events and among non-events, over every threshold {@code s}; in
 *     {@code [0, 1]}
 * @param score the threshold where the gap is largest: rows scoring at most {@code score} against
 *     rows scoring above it; the lowest such score when several reach the same gap
 */
public record KsResult(double ks, double score) {
    /** Checks the range of {@code ks} and that {@code score} is a number. */
    public KsResult {
        if (!(ks >= 0 && ks <= 1)) {
            throw new IllegalArgumentException("ks must be between 0 and 1, got " + ks);
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score must not be NaN");
        }
    }
}
