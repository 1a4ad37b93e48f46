package dev.scorecard.core.regression;

import dev.scorecard.core.model.Coefficient;

import dev.scorecard.core.FitException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
 * <h2>Rows from elsewhere</h2>
 * The pass over the rows is a {@link RowPass}: {@link #fit(List, double[][], byte[], double[])} makes
 * one over the given columns, and {@link #fit(RowPass)} takes any other (rows on a cluster, say, each
 * partition adding its own sums); everything after the row sums, penalty included, is done here.
 *
 * <h2>Cost</h2>
 * One pass over the rows per iteration (plus one per step halving); the pass over columns reads them
 * in place, a block of rows at a time, with no allocation per row; about (p+1)(p+2)/2 multiply-adds
 * per row for the information matrix.
 */
public final class IrlsFitter {
    /** The name of the intercept, as R prints it. */
    static final String INTERCEPT = "(Intercept)";

    /** Most step halvings per iteration; 2^-30 of a Newton step is below any useful change. */
    private static final int MAX_HALVINGS = 30;
    /** A step smaller than this many marginal standard errors on every coefficient ends the fit. */
    private static final double TINY_STEP = 1e-10;
    /** Growth of a slope's variance over its starting value that, with confident rows, means separation. */
    private static final double VARIANCE_GROWTH = 1e4;
    /**
     * A Newton step that would still grow a slope by more than this share of it, at the end of the
     * iterations, means the slope is running away (a finite optimum has quadratic convergence there).
     */
    private static final double OUTWARD_STEP = 1e-3;
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
        CodedColumn[] wrapped = new CodedColumn[columns.length];
        for (int j = 0; j < columns.length; j++) {
            wrapped[j] = columns[j] == null ? null : CodedColumn.of(columns[j]);
        }
        return fit(names, wrapped, y, weights);
    }

    /**
     * Fits as {@link #fit(List, double[][], byte[], double[])} does, from columns held compactly, e.g.
     * WOE-coded variables as bin codes and a table: the same doubles give the same fit, bit for bit.
     *
     * @param names the variables' names, one per column, distinct
     * @param columns variable j's values are {@code columns[j]}; not modified or kept
     * @param y 1 for an event, 0 for a non-event, one per row; not modified or kept
     * @param weights non-negative prior weights, one per row; null for all 1
     * @return the fit
     * @throws FitException for a singular design, separation or unusable values
     * @throws IllegalArgumentException when the lengths do not match or names repeat
     */
    public LogisticFit fit(List<String> names, CodedColumn[] columns, byte[] y, double[] weights) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(y, "y");
        return fit(new InMemoryPass(List.copyOf(names), columns, y, weights));
    }

    /**
     * Fits from any row pass, in the same way and with the same results, to rounding, as from the
     * columns themselves: it takes the summary once and calls {@link RowPass#accumulate} once per
     * step it tries (see {@link RowPass} for the contract). The pass's own refusals of the data reach
     * the caller unchanged; the fitter adds the refusals of a single-class target (when the pass has
     * not) and of singular designs and separation, as described in the class comment.
     *
     * @param rows the rows to fit; used only during this call
     * @return the fit; {@code converged} is false when the iteration limit was reached first
     * @throws FitException for a singular design, separation, a single-class target, or whatever the
     *     pass refuses
     */
    public LogisticFit fit(RowPass rows) {
        Objects.requireNonNull(rows, "rows");
        RowSummary summary = Objects.requireNonNull(rows.summary(), "the row pass's summary");
        requireBothClasses(summary.eventWeight(), summary.nonEventWeight());
        return new Run(rows, summary, options).fit();
    }

    /** Refuses a target with no events or no non-events among the rows with a weight above 0. */
    static void requireBothClasses(double eventWeight, double nonEventWeight) {
        if (eventWeight == 0) {
            throw new FitException("the target has no events", List.of());
        }
        if (nonEventWeight == 0) {
            throw new FitException("the target has no non-events", List.of());
        }
    }

    /**
     * The sums of one pass over the rows at one β (centred coordinates): the (penalised) information
     * matrix, the (penalised) score, the log-likelihood and the row counts the
     * separation checks use. Reused between passes, so a fit allocates only a few of these.
     */
    private static final class Pass {
        /** What the row pass added; {@link #info} and {@link #score} are its arrays, penalised in place. */
        final PassSums sums;
        final double[] info;
        final double[] score;
        final double[] beta;
        double logLik;
        double objective;
        long misclassified;
        long confident;

        Pass(int k) {
            sums = new PassSums(k);
            info = sums.info();
            score = sums.score();
            beta = new double[k];
        }
    }

    /** One fit's mutable state. */
    private static final class Run {
        final RowPass rows;
        final RowSummary d;
        final double[] means;
        final double[] sds;
        final LogisticOptions options;
        final int k;

        Run(RowPass rows, RowSummary d, LogisticOptions options) {
            this.rows = rows;
            this.d = d;
            this.means = d.means();
            this.sds = d.sds();
            this.options = options;
            this.k = d.names().size() + 1;
        }

        LogisticFit fit() {
            double l2 = options.l2();
            Pass cur = new Pass(k);
            Pass next = new Pass(k);
            cur.beta[0] = Math.log(d.eventWeight() / d.nonEventWeight());
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
                    if (Math.abs(pass.beta[j]) * sds[j - 1] > Math.abs(pass.beta[best]) * sds[best - 1]) {
                        best = j;
                    }
                }
                return List.of(d.names().get(best - 1));
            }
            return indicesToNames(grown.stream().mapToInt(Integer::intValue).toArray());
        }

        private List<String> indicesToNames(int[] indices) {
            List<String> out = new ArrayList<>();
            for (int j : indices) {
                out.add(j == 0 ? INTERCEPT : d.names().get(j - 1));
            }
            return out;
        }

        private FitException singular(Cholesky chol) {
            int j = chol.deficientColumns()[0];
            String name = j == 0 ? INTERCEPT : d.names().get(j - 1);
            double[] c = chol.combination(j);
            double largest = 0;
            for (double v : c) {
                largest = Math.max(largest, Math.abs(v));
            }
            List<String> involved = new ArrayList<>();
            // The intercept (index 0) is orthogonal to the centred columns: it never takes part.
            for (int m = 1; m < j; m++) {
                if (Math.abs(c[m]) > NAMED_SHARE * largest) {
                    involved.add(d.names().get(m - 1));
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
         * One pass over the rows at {@code pass.beta}: the row pass adds the plain sums into zeroed
         * {@code pass.sums}, then this adds the penalty, mirrors the upper triangle of the information
         * matrix into the lower one and fills every other field of {@code pass}.
         */
        private void evaluate(Pass pass) {
            final PassSums sums = pass.sums;
            sums.clear();
            rows.accumulate(pass.beta.clone(), sums);
            final double[] beta = pass.beta;
            final double[] a = pass.info;
            final double[] g = pass.score;
            double logLik = sums.logLik();
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
            pass.misclassified = sums.misclassified();
            pass.confident = sums.confident();
        }

        private LogisticFit result(Pass pass, double[] covariance, int iterations, boolean converged) {
            List<Coefficient> slopes = new ArrayList<>(k - 1);
            double intercept = pass.beta[0];
            // β0 = β̃0 − Σ βj·mj; its variance is t'Vt with t = (1, −m1, …, −mp).
            double[] t = new double[k];
            t[0] = 1.0;
            for (int j = 1; j < k; j++) {
                intercept -= pass.beta[j] * means[j - 1];
                t[j] = -means[j - 1];
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
                slopes.add(coefficient(d.names().get(j - 1), pass.beta[j], Math.sqrt(covariance[j * k + j])));
            }
            double logLik = pass.logLik;
            double aic = -2 * logLik + 2.0 * k;
            double bic = -2 * logLik + k * Math.log(d.rows());
            return new LogisticFit(first, slopes, logLik, aic, bic, iterations, converged, d.rows(),
                    d.weightSum());
        }

        private static Coefficient coefficient(String name, double estimate, double se) {
            double z = estimate / se;
            return new Coefficient(name, estimate, se, z, Erf.erfc(Math.abs(z) / Math.sqrt(2.0)));
        }
    }
}
