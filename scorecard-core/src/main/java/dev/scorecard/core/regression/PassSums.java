package dev.scorecard.core.regression;

import java.util.Arrays;

/**
 * The sums a {@link RowPass} adds its rows' contributions to at one β: the information matrix, the
 * score vector, the log-likelihood and two row counts (see {@link RowPass#accumulate} for what each
 * holds). Partial sums over disjoint sets of rows combine with {@link #add(PassSums)}.
 *
 * <p>A mutable holder for a hot loop, and so unlike a value: {@link #info()} and {@link #score()}
 * return the live arrays, which a pass adds into in place. Not thread-safe: a partition that adds from
 * several threads gives each its own sums and adds them afterwards.
 */
public final class PassSums {
    /**
     * logit(0.95): a row with |η| at least this large on its observed side predicts its class with
     * probability at least 0.95 (SAS PROC LOGISTIC's trigger for the quasi-separation check).
     */
    public static final double CONFIDENT_ETA = Math.log(0.95 / 0.05);

    private final int k;
    private final double[] info;
    private final double[] score;
    private double logLik;
    private long misclassified;
    private long confident;

    /**
     * All-zero sums.
     *
     * @param k the order: the number of variables plus 1 for the intercept
     * @throws IllegalArgumentException when {@code k} is below 1
     */
    public PassSums(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the order must be at least 1 (the intercept), got " + k);
        }
        this.k = k;
        this.info = new double[k * k];
        this.score = new double[k];
    }

    /** @return the order k: the number of variables plus 1 */
    public int order() {
        return k;
    }

    /**
     * @return the live k×k information matrix, row-major; entry (c, m) at {@code [c * k + m]}; a pass
     *     adds into the upper triangle (c ≤ m)
     */
    public double[] info() {
        return info;
    }

    /** @return the live score vector, k entries, the intercept's first */
    public double[] score() {
        return score;
    }

    /** @return the log-likelihood summed so far */
    public double logLik() {
        return logLik;
    }

    /** @return the rows summed so far that the sign of η misclassifies */
    public long misclassified() {
        return misclassified;
    }

    /** @return the rows summed so far that predict their observed class with probability at least 0.95 */
    public long confident() {
        return confident;
    }

    /** @param value a log-likelihood to add */
    public void addLogLik(double value) {
        logLik += value;
    }

    /** @param rows misclassified rows to add */
    public void addMisclassified(long rows) {
        misclassified += rows;
    }

    /** @param rows confident rows to add */
    public void addConfident(long rows) {
        confident += rows;
    }

    /**
     * Adds other sums, entry by entry: every entry of the matrix and the score, the log-likelihood and
     * the counts. Sums of disjoint sets of rows at the same β then hold the sums of their union.
     *
     * @param other sums of the same order; not modified
     * @throws IllegalArgumentException when the orders differ
     */
    public void add(PassSums other) {
        if (other.k != k) {
            throw new IllegalArgumentException("cannot add sums of order " + other.k + " to sums of order " + k);
        }
        for (int i = 0; i < info.length; i++) {
            info[i] += other.info[i];
        }
        for (int i = 0; i < k; i++) {
            score[i] += other.score[i];
        }
        logLik += other.logLik;
        misclassified += other.misclassified;
        confident += other.confident;
    }

    /** Sets every sum and count back to zero. */
    public void clear() {
        Arrays.fill(info, 0.0);
        Arrays.fill(score, 0.0);
        logLik = 0;
        misclassified = 0;
        confident = 0;
    }
}
