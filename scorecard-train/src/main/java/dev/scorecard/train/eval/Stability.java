package dev.scorecard.train.eval;

import dev.scorecard.core.model.Baseline;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Population and characteristic stability indices (SPEC §8, §9): how far a current distribution over
 * fixed bins has moved from a baseline one.
 *
 * <p>{@code PSI = Σ (a_i − e_i) · ln(a_i / e_i)} over the bins, with {@code e_i} the expected
 * (baseline) share and {@code a_i} the actual (current) share of bin {@code i}. Every term is at
 * least 0, so the index is too; it is 0 exactly when the shares agree bin by bin. CSI is the same
 * formula over one characteristic's bins.
 *
 * <h2>Empty bins</h2>
 * The logarithm is undefined where a share is 0, so, as SPEC §8 says, an empty bin "uses" a share of
 * {@link #EMPTY_SHARE} = 1e-4: in each term, a share that is exactly 0, expected or actual, is
 * replaced by 1e-4, and nothing else changes. The other shares are not renormalised, so the shares
 * used may sum to slightly more than 1 (by 1e-4 per empty bin). This is a decision: tools differ
 * (some add a smoothing constant to every bin and renormalise, some skip empty bins) and none is a
 * documented standard, so the literal reading of SPEC §8 was taken because it is the simplest to
 * state and to check by hand. A bin empty on both sides contributes 0, so {@code PSI(x, x) = 0} for
 * any {@code x}. Shares that are small but not 0 are used as they are. {@link PsiResult.Bin} reports
 * the shares as given (0 for an empty bin) beside the contribution computed with the replacement.
 *
 * <p>Thread-safe: the class has no state.
 */
public final class Stability {
    /** The share used in place of 0 for an empty bin, on either side (SPEC §8). */
    public static final double EMPTY_SHARE = 1e-4;
    /**
     * How far a side's shares may sum from 1. Shares computed as count / total, and written to the
     * model file in round-trip decimals, sum to 1 within about 1e-15 per bin; the check catches
     * counts or percentages passed as shares.
     */
    public static final double SHARE_SUM_TOLERANCE = 1e-6;

    private Stability() {
    }

    /**
     * The index between two distributions over the same bins.
     *
     * @param expectedShares the baseline share of each bin, each in {@code [0, 1]}, summing to 1; not
     *     changed
     * @param actualShares the current share of each bin, likewise
     * @return the index and each bin's contribution
     * @throws IllegalArgumentException when the lengths differ or are 0, a share is NaN or outside
     *     {@code [0, 1]}, or a side's shares do not sum to 1 within {@link #SHARE_SUM_TOLERANCE}
     */
    public static PsiResult psi(double[] expectedShares, double[] actualShares) {
        return psi("PSI", expectedShares, actualShares);
    }

    /**
     * The index of current counts against baseline shares: each count over their total gives the
     * actual share.
     *
     * @param expectedShares the baseline share of each bin, each in {@code [0, 1]}, summing to 1; not
     *     changed
     * @param actualCounts the current number of rows in each bin, each at least 0, not all 0; not
     *     changed
     * @return the index and each bin's contribution
     * @throws IllegalArgumentException when the lengths differ or are 0, a share or count is out of
     *     range, or there are no current rows
     */
    public static PsiResult psiOfCounts(double[] expectedShares, long[] actualCounts) {
        return psi("PSI", expectedShares, shares("PSI", actualCounts));
    }

    /**
     * The score PSI of SPEC §9: current scores put into the baseline's score bins (bin {@code i}
     * holds {@code edges[i-1] <= s < edges[i]}, so bin 0 takes everything below the first edge and
     * the last bin everything from the last edge up, infinities included) and compared with the
     * baseline's shares.
     *
     * @param baseline the training distributions; its score edges must not decrease
     * @param scores the current scores, any order, none NaN; not changed
     * @return the index and each bin's contribution, one bin per baseline score share
     * @throws IllegalArgumentException when there are no scores, a score is NaN (naming the row), an
     *     edge is NaN or lower than the one before, or the baseline's shares are not shares
     */
    public static PsiResult scorePsi(Baseline baseline, double[] scores) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(scores, "scores");
        String metric = "Score PSI";
        double[] edges = toArray(baseline.scoreEdges());
        for (int i = 0; i < edges.length; i++) {
            if (Double.isNaN(edges[i]) || (i > 0 && edges[i] < edges[i - 1])) {
                throw new IllegalArgumentException(metric + ": baseline score edges must be numbers that never "
                        + "decrease, but edge [" + i + "] is " + edges[i] + (i > 0 ? " after " + edges[i - 1] : ""));
            }
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException(metric + " needs at least one current score, got none");
        }
        long[] counts = new long[edges.length + 1];
        for (int row = 0; row < scores.length; row++) {
            double s = scores[row];
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException(metric + ": scores[" + row + "] is NaN; every row needs a score");
            }
            counts[binOf(edges, s)]++;
        }
        return psi(metric, toArray(baseline.scoreShares()), shares(metric, counts));
    }

    /**
     * The CSI of one characteristic (SPEC §9): its current bin counts against its training shares.
     *
     * @param characteristic the characteristic's baseline shares, in bin order
     * @param currentCounts the current number of rows in each of its bins, in the same order, each at
     *     least 0, not all 0; not changed
     * @return the index and each bin's contribution
     * @throws IllegalArgumentException when the number of bins differs, a share or count is out of
     *     range, or there are no current rows
     */
    public static PsiResult csi(Baseline.BinShares characteristic, long[] currentCounts) {
        Objects.requireNonNull(characteristic, "characteristic");
        String metric = "CSI of '" + characteristic.name() + "'";
        return psi(metric, toArray(characteristic.shares()), shares(metric, currentCounts));
    }

    /**
     * @return the bin of {@code s}: the number of edges at or below it, found by binary search (equal
     *     edges leave an empty bin between them)
     */
    static int binOf(double[] edges, double s) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static PsiResult psi(String metric, double[] expected, double[] actual) {
        Objects.requireNonNull(expected, "expectedShares");
        Objects.requireNonNull(actual, "actualShares");
        if (expected.length != actual.length || expected.length == 0) {
            throw new IllegalArgumentException(metric + ": " + expected.length + " expected shares but "
                    + actual.length + " actual shares; both need the same bins, at least one");
        }
        checkShares(metric, "expected", expected);
        checkShares(metric, "actual", actual);
        List<PsiResult.Bin> bins = new ArrayList<>(expected.length);
        double value = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i] == 0 ? EMPTY_SHARE : expected[i];
            double a = actual[i] == 0 ? EMPTY_SHARE : actual[i];
            // (a − e) and ln(a / e) share their sign, so the product is never negative; max() only
            // turns a -0.0 into 0.0.
            double contribution = Math.max(0, (a - e) * Math.log(a / e));
            value += contribution;
            bins.add(new PsiResult.Bin(expected[i], actual[i], contribution));
        }
        return new PsiResult(value, bins);
    }

    private static void checkShares(String metric, String side, double[] shares) {
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            double s = shares[i];
            if (!(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException(metric + ": " + side + " share [" + i + "] is " + s
                        + "; a share must be between 0 and 1");
            }
            sum += s;
        }
        if (!(Math.abs(sum - 1) <= SHARE_SUM_TOLERANCE)) {
            throw new IllegalArgumentException(metric + ": " + side + " shares sum to " + sum
                    + ", not 1 (within " + SHARE_SUM_TOLERANCE + ")");
        }
    }

    private static double[] shares(String metric, long[] counts) {
        Objects.requireNonNull(counts, "counts");
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException(metric + ": count [" + i + "] is " + counts[i]
                        + "; counts must be at least 0");
            }
            total += counts[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException(metric + " needs at least one current row, but all "
                    + counts.length + " counts are 0");
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (double) counts[i] / total;
        }
        return out;
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
