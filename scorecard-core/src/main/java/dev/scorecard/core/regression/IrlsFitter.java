package dev.scorecard.core.regression;

import dev.scorecard.core.FitException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.special.Erf;

/**
 * Fits a logistic regression with an intercept by iteratively reweighted least squares (Newton's
 * method on the log-likelihood), optionally with an L2 penalty and prior weights. Holds only its
 * options; thread-safe.
 *
 * <h2>Algorithm</h2>
 * Start from β = 0 with the intercept at the logit of the weighted event rate. Each iteration makes
 * one pass over the rows that accumulates the information matrix X'WX (W = w·p·(1 − p), w the prior
 * weight) and the score X'w(y − p), then solves (X'WX + λI')·δ = score − λβ with a Cholesky
 * factorisation of the (p+1)×(p+1) matrix (I' is the identity without the intercept's 1) and steps to
 * β + δ, halving the step while the penalised deviance −2·logLik + λ·Σβ<sub>j</sub>² goes up. It
 * stops when the relative change of that deviance, |D − D<sub>old</sub>| / (|D| + 0.1), falls below
 * {@link LogisticOptions#tolerance()} (R's {@code glm.control(epsilon)} rule), or when the step moves
 * every coefficient by less than 1e-10 of its (marginal) standard error. Columns are centred on their
 * weighted means inside the fit, which keeps the normal equations well conditioned; estimates and
 * standard errors are reported for the columns as given.
 *
 * <p>A fit that reaches {@link LogisticOptions#maxIterations()} without converging, or whose deviance
 * cannot be reduced by any step, is returned with {@code converged == false} and the estimates of its
 * last iteration: it is not an error. Standard errors always come from the information matrix at the
 * returned estimates (R takes them from its last-but-one iterate, which differs by about 1e-9 at a
 * tight tolerance). With λ &gt; 0 that is the penalised matrix X'WX + λI': its inverse is the
 * covariance of the Gaussian-prior (Bayesian) view of ridge, as R's {@code rms::lrm} reports by
 * default ({@code var.penalty = "simple"}); it is slightly larger than the sandwich estimate
 * (X'WX + λI')<sup>−1</sup>X'WX(X'WX + λI')<sup>−1</sup>.
 *
 * <h2>Refused designs ({@link FitException})</h2>
 * <ul>
 *   <li><b>Constant column</b> among the rows with a non-zero weight: "singular design: 'c' is
 *       constant".</li>
 *   <li><b>Collinear columns</b>: a column whose 1 − R² on the earlier columns, in the weighted metric
 *       of the design, is below 1e-10 (R² above 1 − 1e-10, a variance inflation factor above 1e10):
 *       "singular design: 'b' is a linear combination of 'a'" (later columns are blamed on earlier
 *       ones). With λ &gt; 0 the check runs on the penalised matrix, so a ridge fit of
 *       collinear columns goes through.</li>
 *   <li><b>Separation</b> (without a penalty, where the estimate does not exist): <i>complete</i>
 *       separation as soon as an iterate classifies every row correctly (η &gt; 0 exactly for the
 *       events), which proves that a separating hyperplane exists; <i>quasi-complete</i> separation
 *       when the information matrix loses rank during the iterations (the rows that informed a slope
 *       have fitted probabilities of 0 or 1), or, where the iterations stop, when some row predicts
 *       its observed class with probability at least 0.95 (SAS PROC LOGISTIC's trigger), the
 *       variance of a slope has grown more than 1e4 times over its value at the start, and the next
 *       Newton step would still grow that slope by more than 0.1 % of itself (coefficients that keep
 *       growing, where a finite optimum converges quadratically). The message names those slopes,
 *       largest variance growth first (for complete separation, else the slope with the largest
 *       standardised |β|): "perfect separation: 'x' separates events from non-events; remove it or
 *       use l2". With λ &gt; 0 the penalised estimate exists and is returned.</li>
 *   <li><b>Unusable input</b>: a non-finite feature value or weight, a negative weight, a target value
 *       other than 0 or 1 (each naming the variable and the 0-based row index), or a target with no
 *       events or no non-events among the rows with a non-zero weight.</li>
 * </ul>
 * Lengths that do not match, null arguments, repeated names and a variable named {@code (Intercept)}
 * are programming errors and raise
 * {@link IllegalArgumentException} or {@link NullPointerException}.
 *
 * <h2>Cost</h2>
 * One pass over the rows per iteration (plus one per step halving), reading the columns in place with
 * no allocation per row; about (p+1)(p+2)/2 multiply-adds per row for the information matrix.
 */
public final class IrlsFitter {
    /** The name of the intercept, as R prints it. */
    static final String INTERCEPT = "(Intercept)";

    /** Most step halvings per iteration; 2^-30 of a Newton step is below any useful change. */
    private static final int MAX_HALVINGS = 30;
    /** A step smaller than this many marginal standard errors on every coefficient ends the fit. */
    private static final double TINY_STEP = 1e-10;
    /** logit(0.95): a row predicts its observed class with probability at least 0.95 beyond this |η|. */
    private static final double CONFIDENT_ETA = Math.log(0.95 / 0.05);
    /** Growth of a slope's variance over its starting value that, with confident rows, means separation. */
    private static final double VARIANCE_GROWTH = 1e4;
    /**
     * A Newton step that would still grow a slope by more than this share of it, at the end of the
     * iterations, means the slope is running away (a finite optimum has quadratic convergence there).
     */
    private static final double OUTWARD_STEP = 1e-3;
    /** Rows per block of the pass over the data: small enough that a block's columns stay in L1/L2. */
    private static final int BLOCK = 256;
    /** Share of a deficient column's scaled combination below which a column is not named. */
    private static final double NAMED_SHARE = 1e-6;

    private final LogisticOptions options;

    /** @param options how to fit */
    public IrlsFitter(LogisticOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the options this fitter uses */
    public LogisticOptions options() {
        return options;
    }

    /**
     * Fits P(y = 1) = 1 / (1 + exp(−(β<sub>0</sub> + Σ β<sub>j</sub>·x<sub>j</sub>))).
     *
     * @param names the variables' names, one per column, distinct; used in the result and in messages
     * @param columns {@code columns[j][i]} is variable j's value on row i (column-major); every column
     *     has one value per row; not modified or kept
     * @param y 1 for an event, 0 for a non-event, one per row; not modified or kept
     * @param weights non-negative prior weights, one per row, as R glm's {@code weights} (a row with
     *     weight 2 counts as two identical rows; a row with weight 0 is left out); null for all 1
     * @return the fit; {@code converged} is false when the iteration limit was reached first
     * @throws FitException for a singular design, separation or unusable values (see the class comment)
     * @throws IllegalArgumentException when the lengths do not match or names repeat
     */
    public LogisticFit fit(List<String> names, double[][] columns, byte[] y, double[] weights) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(y, "y");
        Problem problem = Problem.of(List.copyOf(names), columns, y, weights);
        return new Run(problem, options).fit();
    }

    /** The validated data with its centring; holds the caller's arrays, never modifies them. */
    private static final class Problem {
        final List<String> names;
        final double[][] columns;
        final byte[] y;
        final double[] weights;
        final int n;
        final int p;
        final double[] means;
        final double[] sds;
        final long rows;
        final double weightSum;
        final double eventWeight;
        final double nonEventWeight;

        private Problem(List<String> names, double[][] columns, byte[] y, double[] weights, double[] means,
                double[] sds, long rows, double weightSum, double eventWeight, double nonEventWeight) {
            this.names = names;
            this.columns = columns;
            this.y = y;
            this.weights = weights;
            this.n = y.length;
            this.p = columns.length;
            this.means = means;
            this.sds = sds;
            this.rows = rows;
            this.weightSum = weightSum;
            this.eventWeight = eventWeight;
            this.nonEventWeight = nonEventWeight;
        }

        static Problem of(List<String> names, double[][] columns, byte[] y, double[] weights) {
            int n = y.length;
            int p = columns.length;
            if (names.size() != p) {
                throw new IllegalArgumentException("expected one name per column: " + names.size() + " names for "
                        + p + " columns");
            }
            Set<String> seen = new HashSet<>();
            for (String name : names) {
                if (INTERCEPT.equals(name) || !seen.add(name)) {
                    throw new IllegalArgumentException("variable name '" + name + "' is "
                            + (INTERCEPT.equals(name) ? "reserved for the intercept" : "repeated"));
                }
            }
            for (int j = 0; j < p; j++) {
                Objects.requireNonNull(columns[j], names.get(j));
                if (columns[j].length != n) {
                    throw new IllegalArgumentException("column '" + names.get(j) + "' has " + columns[j].length
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
            if (events == 0) {
                throw new FitException("the target has no events", List.of());
            }
            if (nonEvents == 0) {
                throw new FitException("the target has no non-events", List.of());
            }
            double[] means = new double[p];
            double[] sds = new double[p];
            for (int j = 0; j < p; j++) {
                double[] col = columns[j];
                double sum = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double v = col[i];
                    if (!Double.isFinite(v)) {
                        throw new FitException("'" + names.get(j) + "' has a non-finite value " + v + " at row index "
                                + i, List.of(names.get(j)));
                    }
                    double w = weights == null ? 1.0 : weights[i];
                    if (w > 0) {
                        sum += w * v;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                if (min == max) {
                    throw new FitException("singular design: '" + names.get(j) + "' is constant",
                            List.of(names.get(j)));
                }
                double mean = sum / weightSum;
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    double w = weights == null ? 1.0 : weights[i];
                    double d = col[i] - mean;
                    ss += w * d * d;
                }
                means[j] = mean;
                sds[j] = Math.sqrt(ss / weightSum);
            }
            return new Problem(names, columns, y, weights, means, sds, rows, weightSum, events, nonEvents);
        }
    }

    /**
     * The sums of one pass over the rows at one β (centred coordinates): the (penalised) information
     * matrix, the (penalised) score, the log-likelihood and the row counts the
     * separation checks use. Reused between passes, so a fit allocates only a few of these.
     */
    private static final class Pass {
        final double[] info;
        final double[] score;
        final double[] beta;
        double logLik;
        double objective;
        long misclassified;
        long confident;

        Pass(int k) {
            info = new double[k * k];
            score = new double[k];
            beta = new double[k];
        }
    }

    /** One fit's mutable state. */
    private static final class Run {
        final Problem d;
        final LogisticOptions options;
        final int k;
        /**
         * One block of rows, centred and transposed: {@code x[c * BLOCK + r]} is design column c (0 the
         * intercept's 1, j+1 variable j minus its mean) of the block's row r.
         */
        final double[] x;
        /** Per row of the block: η, then w·(y − p) (the score weight), then w·p·(1 − p) (the information weight). */
        final double[] eta = new double[BLOCK];
        final double[] scoreWeight = new double[BLOCK];
        final double[] infoWeight = new double[BLOCK];
        /** infoWeight times one design column of the block. */
        final double[] weighted = new double[BLOCK];

        Run(Problem d, LogisticOptions options) {
            this.d = d;
            this.options = options;
            this.k = d.p + 1;
            this.x = new double[k * BLOCK];
            Arrays.fill(x, 0, BLOCK, 1.0);
        }

        LogisticFit fit() {
            double l2 = options.l2();
            Pass cur = new Pass(k);
            Pass next = new Pass(k);
            cur.beta[0] = Math.log(d.eventWeight / d.nonEventWeight);
            evaluate(cur);
            Cholesky chol = Cholesky.factor(cur.info, k);
            if (!chol.fullRank()) {
                throw singular(chol);
            }
            // At the start W is proportional to the prior weights, so this is the design's own scale.
            double[] startVariance = diagonal(chol.inverse());

            int iterations = 0;
            boolean converged = false;
            while (iterations < options.maxIterations()) {
                double[] delta = chol.solve(cur.score);
                iterations++;
                boolean accepted = false;
                double step = 1.0;
                for (int h = 0; h <= MAX_HALVINGS && !accepted; h++, step *= 0.5) {
                    for (int j = 0; j < k; j++) {
                        next.beta[j] = cur.beta[j] + step * delta[j];
                    }
                    evaluate(next);
                    // An increase within the tolerance is rounding noise at the optimum, not a bad step.
                    double slack = options.tolerance() * (Math.abs(cur.objective) + 0.1);
                    accepted = next.objective <= cur.objective + slack;
                }
                if (!accepted) {
                    break;
                }
                double change = Math.abs(next.objective - cur.objective) / (Math.abs(next.objective) + 0.1);
                boolean tinyStep = true;
                for (int j = 0; j < k; j++) {
                    double stepSe = Math.abs(next.beta[j] - cur.beta[j]) * Math.sqrt(cur.info[j * k + j]);
                    tinyStep &= stepSe < TINY_STEP;
                }
                Pass t = cur;
                cur = next;
                next = t;
                chol = Cholesky.factor(cur.info, k);
                if (!chol.fullRank() || l2 == 0 && cur.misclassified == 0) {
                    // Every row on its own side of η = 0 proves that a separating hyperplane exists. And
                    // the design had full rank at the start, so information lost since then comes from
                    // rows whose fitted probabilities have run to 0 or 1.
                    throw separation(separatingVariables(cur, chol, startVariance));
                }
                if (change < options.tolerance() || tinyStep) {
                    converged = true;
                    break;
                }
            }
            if (l2 == 0) {
                checkQuasiSeparation(cur, chol, startVariance);
            }
            return result(cur, chol.inverse(), iterations, converged);
        }

        /**
         * Quasi-complete separation, judged where the iterations stopped. The deviance converges there
         * too (the separated rows' share of it shrinks by about e each step), so what tells it apart
         * from a steep but finite optimum is that the next Newton step still pushes some slope outwards
         * by a sizeable share of itself, while the slope's variance has grown far beyond its starting
         * value because its information comes from rows whose probabilities run to 0 or 1.
         */
        private void checkQuasiSeparation(Pass pass, Cholesky chol, double[] startVariance) {
            if (pass.confident == 0) {
                return;
            }
            double[] variance = diagonal(chol.inverse());
            double[] step = chol.solve(pass.score);
            List<Integer> culprits = new ArrayList<>();
            for (int j = 1; j < k; j++) {
                double b = pass.beta[j];
                if (variance[j] > VARIANCE_GROWTH * startVariance[j] && step[j] * b > 0
                        && Math.abs(step[j]) > OUTWARD_STEP * Math.abs(b)) {
                    culprits.add(j);
                }
            }
            if (!culprits.isEmpty()) {
                culprits.sort(Comparator.comparingDouble((Integer j) -> -variance[j] / startVariance[j]));
                throw separation(indicesToNames(culprits.stream().mapToInt(Integer::intValue).toArray()));
            }
        }

        /**
         * The slopes to blame for a separation: those whose information has vanished (deficient in the
         * factorisation), else those whose variance grew past the limit, most first; else the one with
         * the largest standardised |β|.
         */
        private List<String> separatingVariables(Pass pass, Cholesky chol, double[] startVariance) {
            List<Integer> grown = new ArrayList<>();
            if (!chol.fullRank()) {
                for (int j : chol.deficientColumns()) {
                    if (j > 0) {
                        grown.add(j);
                    }
                }
            } else {
                double[] variance = diagonal(chol.inverse());
                for (int j = 1; j < k; j++) {
                    if (variance[j] > VARIANCE_GROWTH * startVariance[j]) {
                        grown.add(j);
                    }
                }
                grown.sort(Comparator.comparingDouble((Integer j) -> -variance[j] / startVariance[j]));
            }
            if (grown.isEmpty() && k > 1) {
                int best = 1;
                for (int j = 2; j < k; j++) {
                    if (Math.abs(pass.beta[j]) * d.sds[j - 1] > Math.abs(pass.beta[best]) * d.sds[best - 1]) {
                        best = j;
                    }
                }
                return List.of(d.names.get(best - 1));
            }
            return indicesToNames(grown.stream().mapToInt(Integer::intValue).toArray());
        }

        private List<String> indicesToNames(int[] indices) {
            List<String> out = new ArrayList<>();
            for (int j : indices) {
                out.add(j == 0 ? INTERCEPT : d.names.get(j - 1));
            }
            return out;
        }

        private FitException singular(Cholesky chol) {
            int j = chol.deficientColumns()[0];
            String name = j == 0 ? INTERCEPT : d.names.get(j - 1);
            double[] c = chol.combination(j);
            double largest = 0;
            for (double v : c) {
                largest = Math.max(largest, Math.abs(v));
            }
            List<String> involved = new ArrayList<>();
            // The intercept (index 0) is orthogonal to the centred columns: it never takes part.
            for (int m = 1; m < j; m++) {
                if (Math.abs(c[m]) > NAMED_SHARE * largest) {
                    involved.add(d.names.get(m - 1));
                }
            }
            List<String> variables = new ArrayList<>();
            variables.add(name);
            variables.addAll(involved);
            if (involved.isEmpty()) {
                // Not reachable from a constant column (refused earlier), but kept for safety.
                return new FitException("singular design: '" + name + "' is constant", variables);
            }
            return new FitException("singular design: '" + name + "' is a linear combination of "
                    + quoted(involved), variables);
        }

        private FitException separation(List<String> variables) {
            String verb = variables.size() == 1 ? " separates" : " separate";
            String pronoun = variables.size() == 1 ? "it" : "them";
            // Reachable with a penalty only when it is too small to keep the information matrix regular.
            String remedy = options.l2() == 0 ? "use l2" : "use a larger l2";
            return new FitException("perfect separation: " + quoted(variables) + verb
                    + " events from non-events; remove " + pronoun + " or " + remedy, variables);
        }

        private static String quoted(List<String> names) {
            StringBuilder sb = new StringBuilder();
            for (String name : names) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append('\'').append(name).append('\'');
            }
            return sb.toString();
        }

        private double[] diagonal(double[] matrix) {
            double[] out = new double[k];
            for (int j = 0; j < k; j++) {
                out[j] = matrix[j * k + j];
            }
            return out;
        }

        /**
         * One pass over the rows at {@code pass.beta}: fills every other field of {@code pass}. The hot
         * loop: columns are read in place, a block of rows at a time, into preallocated buffers (no
         * allocation per row); the information matrix is summed as dot products over the block's
         * contiguous columns, which keeps the (p+1)(p+2)/2 multiply-adds per row in registers.
         */
        private void evaluate(Pass pass) {
            final int k = this.k;
            final int p = d.p;
            final double[][] columns = d.columns;
            final double[] means = d.means;
            final double[] weights = d.weights;
            final byte[] y = d.y;
            final double[] beta = pass.beta;
            final double[] a = pass.info;
            final double[] g = pass.score;
            final double[] x = this.x;
            final double[] eta = this.eta;
            final double[] sw = this.scoreWeight;
            final double[] iw = this.infoWeight;
            final double[] wx = this.weighted;
            Arrays.fill(a, 0.0);
            Arrays.fill(g, 0.0);
            double logLik = 0;
            long misclassified = 0;
            long confident = 0;
            for (int start = 0, n = d.n; start < n; start += BLOCK) {
                final int len = Math.min(BLOCK, n - start);
                Arrays.fill(eta, 0, len, beta[0]);
                for (int j = 0; j < p; j++) {
                    final double[] col = columns[j];
                    final double mean = means[j];
                    final double b = beta[j + 1];
                    final int off = (j + 1) * BLOCK;
                    for (int r = 0; r < len; r++) {
                        double v = col[start + r] - mean;
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
                        confident += t >= CONFIDENT_ETA ? 1 : 0;
                    } else {
                        residual = t >= 0 ? -1.0 / onePlus : -unlikely;
                        logP = -Math.log1p(e) - Math.max(t, 0.0);
                        misclassified += t < 0 ? 0 : 1;
                        confident += t <= -CONFIDENT_ETA ? 1 : 0;
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
            double l2 = options.l2();
            double penalty = 0;
            for (int j = 1; j < k; j++) {
                penalty += beta[j] * beta[j];
                g[j] -= l2 * beta[j];
                a[j * k + j] += l2;
            }
            for (int c = 0; c < k; c++) {
                for (int m = c + 1; m < k; m++) {
                    a[m * k + c] = a[c * k + m];
                }
            }
            pass.logLik = logLik;
            pass.objective = -2 * logLik + l2 * penalty;
            pass.misclassified = misclassified;
            pass.confident = confident;
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

        private LogisticFit result(Pass pass, double[] covariance, int iterations, boolean converged) {
            List<Coefficient> slopes = new ArrayList<>(d.p);
            double intercept = pass.beta[0];
            // β0 = β̃0 − Σ βj·mj; its variance is t'Vt with t = (1, −m1, …, −mp).
            double[] t = new double[k];
            t[0] = 1.0;
            for (int j = 1; j < k; j++) {
                intercept -= pass.beta[j] * d.means[j - 1];
                t[j] = -d.means[j - 1];
            }
            double interceptVariance = 0;
            for (int r = 0; r < k; r++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += covariance[r * k + c] * t[c];
                }
                interceptVariance += t[r] * s;
            }
            Coefficient first = coefficient(INTERCEPT, intercept, Math.sqrt(interceptVariance));
            for (int j = 1; j < k; j++) {
                slopes.add(coefficient(d.names.get(j - 1), pass.beta[j], Math.sqrt(covariance[j * k + j])));
            }
            double logLik = pass.logLik;
            double aic = -2 * logLik + 2.0 * k;
            double bic = -2 * logLik + k * Math.log(d.rows);
            return new LogisticFit(first, slopes, logLik, aic, bic, iterations, converged, d.rows, d.weightSum);
        }

        private static Coefficient coefficient(String name, double estimate, double se) {
            double z = estimate / se;
            return new Coefficient(name, estimate, se, z, Erf.erfc(Math.abs(z) / Math.sqrt(2.0)));
        }
    }
}
