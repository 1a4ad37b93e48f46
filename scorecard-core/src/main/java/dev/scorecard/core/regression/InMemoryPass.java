package dev.scorecard.core.regression;

import dev.scorecard.core.FitException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The {@link RowPass} over columns held in memory, which {@link IrlsFitter#fit(List, double[][], byte[],
 * double[])} and {@link IrlsFitter#fit(List, CodedColumn[], byte[], double[])} use: it validates and
 * summarises the rows when built, then reads the columns in place on every pass, a block of rows at a
 * time, with no allocation per row. Holds the caller's arrays, never
 * modifies them, and one block of scratch buffers, so it is not thread-safe: one instance per fit.
 */
final class InMemoryPass implements RowPass {
    /** Rows per block of the pass over the data: small enough that a block's columns stay in L1/L2. */
    static final int BLOCK = 256;

    private final CodedColumn[] columns;
    private final byte[] y;
    private final double[] weights;
    private final int n;
    private final int p;
    private final int k;
    private final double[] means;
    private final RowSummary summary;
    /**
     * One block of rows, centred and transposed: {@code x[c * BLOCK + r]} is design column c (0 the
     * intercept's 1, j+1 variable j minus its mean) of the block's row r.
     */
    private final double[] x;
    /** Per row of the block: η, then w·(y − p) (the score weight), then w·p·(1 − p) (the information weight). */
    private final double[] eta = new double[BLOCK];
    private final double[] scoreWeight = new double[BLOCK];
    private final double[] infoWeight = new double[BLOCK];
    /** infoWeight times one design column of the block. */
    private final double[] weighted = new double[BLOCK];

    /**
     * Validates the data and takes its summary (see {@link IrlsFitter} for the refused inputs and their
     * messages).
     *
     * @param names the variables' names, one per column; already copied by the caller
     * @param columns {@code columns[j].value(i)} is variable j's value on row i
     * @param y 1 for an event, 0 for a non-event, one per row
     * @param weights non-negative prior weights, one per row; null for all 1
     * @throws FitException for a constant column, unusable values or a single-class target
     * @throws IllegalArgumentException when the lengths do not match or names repeat
     */
    InMemoryPass(List<String> names, CodedColumn[] columns, byte[] y, double[] weights) {
        int n = y.length;
        int p = columns.length;
        if (names.size() != p) {
            throw new IllegalArgumentException("expected one name per column: " + names.size() + " names for "
                    + p + " columns");
        }
        RowSummary.requireUsableNames(names);
        for (int j = 0; j < p; j++) {
            Objects.requireNonNull(columns[j], names.get(j));
            if (columns[j].size() != n) {
                throw new IllegalArgumentException("column '" + names.get(j) + "' has " + columns[j].size()
                        + " values for " + n + " target rows");
            }
        }
        if (weights != null && weights.length != n) {
            throw new IllegalArgumentException("weights have " + weights.length + " values for " + n
                    + " target rows");
        }
        long rows = 0;
        double weightSum = 0;
        double events = 0;
        double nonEvents = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1.0 : weights[i];
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw new FitException("weights have an invalid value " + w + " at row index " + i
                        + "; expected a finite number at least 0", List.of());
            }
            byte b = y[i];
            if (b != 0 && b != 1) {
                throw new FitException("the target has value " + b + " at row index " + i + "; expected 0 or 1",
                        List.of());
            }
            if (w > 0) {
                rows++;
                weightSum += w;
                if (b == 1) {
                    events += w;
                } else {
                    nonEvents += w;
                }
            }
        }
        IrlsFitter.requireBothClasses(events, nonEvents);
        double[] means = new double[p];
        double[] sds = new double[p];
        double[] block = new double[BLOCK];
        for (int j = 0; j < p; j++) {
            CodedColumn col = columns[j];
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int start = 0; start < n; start += BLOCK) {
                int len = Math.min(BLOCK, n - start);
                col.copy(start, block, 0, len);
                for (int r = 0; r < len; r++) {
                    int i = start + r;
                    double v = block[r];
                    if (!Double.isFinite(v)) {
                        throw new FitException("'" + names.get(j) + "' has a non-finite value " + v
                                + " at row index " + i, List.of(names.get(j)));
                    }
                    double w = weights == null ? 1.0 : weights[i];
                    if (w > 0) {
                        sum += w * v;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            if (min == max) {
                throw new FitException("singular design: '" + names.get(j) + "' is constant",
                        List.of(names.get(j)));
            }
            double mean = sum / weightSum;
            double ss = 0;
            for (int start = 0; start < n; start += BLOCK) {
                int len = Math.min(BLOCK, n - start);
                col.copy(start, block, 0, len);
                for (int r = 0; r < len; r++) {
                    double w = weights == null ? 1.0 : weights[start + r];
                    double d = block[r] - mean;
                    ss += w * d * d;
                }
            }
            means[j] = mean;
            sds[j] = Math.sqrt(ss / weightSum);
        }
        this.columns = columns;
        this.y = y;
        this.weights = weights;
        this.n = n;
        this.p = p;
        this.k = p + 1;
        this.means = means;
        this.summary = new RowSummary(names, rows, weightSum, events, nonEvents, means, sds);
        this.x = new double[k * BLOCK];
        Arrays.fill(x, 0, BLOCK, 1.0);
    }

    @Override
    public RowSummary summary() {
        return summary;
    }

    /**
     * The hot loop: columns are read a block of rows at a time, into preallocated buffers (no
     * allocation per row); the information matrix is summed as dot products over the block's
     * contiguous columns, which keeps the (p+1)(p+2)/2 multiply-adds per row in registers. Fills the
     * upper triangle of the information matrix.
     */
    @Override
    public void accumulate(double[] beta, PassSums sums) {
        if (beta.length != k || sums.order() != k) {
            throw new IllegalArgumentException("expected " + k + " coefficients and sums of order " + k + ", got "
                    + beta.length + " and " + sums.order());
        }
        final int k = this.k;
        final int p = this.p;
        final CodedColumn[] columns = this.columns;
        final double[] means = this.means;
        final double[] weights = this.weights;
        final byte[] y = this.y;
        final double[] a = sums.info();
        final double[] g = sums.score();
        final double[] x = this.x;
        final double[] eta = this.eta;
        final double[] sw = this.scoreWeight;
        final double[] iw = this.infoWeight;
        final double[] wx = this.weighted;
        double logLik = 0;
        long misclassified = 0;
        long confident = 0;
        for (int start = 0, n = this.n; start < n; start += BLOCK) {
            final int len = Math.min(BLOCK, n - start);
            Arrays.fill(eta, 0, len, beta[0]);
            for (int j = 0; j < p; j++) {
                final double mean = means[j];
                final double b = beta[j + 1];
                final int off = (j + 1) * BLOCK;
                columns[j].copy(start, x, off, len);
                for (int r = 0; r < len; r++) {
                    double v = x[off + r] - mean;
                    x[off + r] = v;
                    eta[r] += b * v;
                }
            }
            for (int r = 0; r < len; r++) {
                double w = weights == null ? 1.0 : weights[start + r];
                if (w == 0) {
                    // Left out: its centred values stay in x but meet zero weights.
                    sw[r] = 0;
                    iw[r] = 0;
                    continue;
                }
                double t = eta[r];
                // e = exp(-|η|) never overflows; the probability of the less likely class is
                // e/(1+e), of the more likely one 1/(1+e), and p(1-p) = e/(1+e)², all without
                // cancellation.
                double e = Math.exp(-Math.abs(t));
                double onePlus = 1.0 + e;
                double unlikely = e / onePlus;
                double residual;
                double logP;
                if (y[start + r] != 0) {
                    residual = t >= 0 ? unlikely : 1.0 / onePlus;
                    logP = -Math.log1p(e) - Math.max(-t, 0.0);
                    misclassified += t > 0 ? 0 : 1;
                    confident += t >= PassSums.CONFIDENT_ETA ? 1 : 0;
                } else {
                    residual = t >= 0 ? -1.0 / onePlus : -unlikely;
                    logP = -Math.log1p(e) - Math.max(t, 0.0);
                    misclassified += t < 0 ? 0 : 1;
                    confident += t <= -PassSums.CONFIDENT_ETA ? 1 : 0;
                }
                logLik += w * logP;
                sw[r] = w * residual;
                iw[r] = w * unlikely / onePlus;
            }
            for (int c = 0; c < k; c++) {
                final int oc = c * BLOCK;
                for (int r = 0; r < len; r++) {
                    wx[r] = iw[r] * x[oc + r];
                }
                g[c] += dot(sw, x, oc, len);
                final int row = c * k;
                int m = c;
                for (; m + 3 < k; m += 4) {
                    dot4(wx, x, m * BLOCK, len, a, row + m);
                }
                for (; m < k; m++) {
                    a[row + m] += dot(wx, x, m * BLOCK, len);
                }
            }
        }
        sums.addLogLik(logLik);
        sums.addMisclassified(misclassified);
        sums.addConfident(confident);
    }

    /**
     * Adds Σ u[r]·v[off + q·BLOCK + r] over r &lt; len to out[at + q] for q = 0..3: four columns per
     * pass over u, two rows per step, eight independent sums.
     */
    private static void dot4(double[] u, double[] v, int off, int len, double[] out, int at) {
        final int o0 = off;
        final int o1 = off + BLOCK;
        final int o2 = off + 2 * BLOCK;
        final int o3 = off + 3 * BLOCK;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        int r = 0;
        for (; r + 1 < len; r += 2) {
            double u0 = u[r];
            double u1 = u[r + 1];
            a0 += u0 * v[o0 + r];
            a1 += u0 * v[o1 + r];
            a2 += u0 * v[o2 + r];
            a3 += u0 * v[o3 + r];
            b0 += u1 * v[o0 + r + 1];
            b1 += u1 * v[o1 + r + 1];
            b2 += u1 * v[o2 + r + 1];
            b3 += u1 * v[o3 + r + 1];
        }
        if (r < len) {
            double u0 = u[r];
            a0 += u0 * v[o0 + r];
            a1 += u0 * v[o1 + r];
            a2 += u0 * v[o2 + r];
            a3 += u0 * v[o3 + r];
        }
        out[at] += a0 + b0;
        out[at + 1] += a1 + b1;
        out[at + 2] += a2 + b2;
        out[at + 3] += a3 + b3;
    }

    /** Σ u[r]·v[off + r] over r &lt; len, in four interleaved partial sums for instruction-level parallelism. */
    private static double dot(double[] u, double[] v, int off, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int r = 0;
        for (; r + 3 < len; r += 4) {
            s0 += u[r] * v[off + r];
            s1 += u[r + 1] * v[off + r + 1];
            s2 += u[r + 2] * v[off + r + 2];
            s3 += u[r + 3] * v[off + r + 3];
        }
        for (; r < len; r++) {
            s0 += u[r] * v[off + r];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
