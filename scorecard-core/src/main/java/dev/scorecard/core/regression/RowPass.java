package dev.scorecard.core.regression;

/**
 * The rows of a logistic regression, as {@link IrlsFitter#fit(RowPass)} reads them: a summary taken
 * once, then one pass over the rows per Newton step that adds their information matrix, score vector
 * and log-likelihood at a given β. Everything else (the start, the L2 penalty, the Cholesky
 * factorisation, step halving, convergence, separation and singularity checks, the result) is the
 * fitter's. {@link IrlsFitter#fit(java.util.List, double[][], byte[], double[])} fits through a
 * blocked pass over in-memory columns; a distributed implementation lets each partition accumulate
 * its own rows into its own {@link PassSums} and adds them with {@link PassSums#add(PassSums)}.
 *
 * <h2>Coordinates</h2>
 * With k = p + 1 for p variables (the order of {@link #summary()}{@code .names()}), row i has the
 * centred design vector x̃<sub>i</sub> = (1, x<sub>i1</sub> − m<sub>1</sub>, …, x<sub>ip</sub> −
 * m<sub>p</sub>): the intercept first, then each variable minus its weighted mean m<sub>j</sub> as
 * {@link RowSummary#means()} reports it. β is in the same coordinates: η<sub>i</sub> = β·x̃<sub>i</sub>
 * and p<sub>i</sub> = 1 / (1 + e<sup>−η<sub>i</sub></sup>). Only rows with a prior weight
 * w<sub>i</sub> &gt; 0 contribute, to every sum and count.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>The fitter calls {@link #summary()} once per fit, before any {@link #accumulate}, then calls
 *       {@link #accumulate} once for the starting β and once per step it tries (several per iteration
 *       when it halves a step).</li>
 *   <li>The fitter calls both from the thread that called {@code fit}, one call at a time, and never
 *       keeps the pass after {@code fit} returns. An implementation need not be thread-safe for one
 *       fit; one that several fits share at once must be, since their calls may then overlap.
 *       {@link #accumulate} may use any threads internally as long as it has finished adding when it
 *       returns.</li>
 *   <li>{@link #accumulate} must not modify {@code beta} or keep {@code beta} or {@code sums}.</li>
 *   <li>The fitter hands {@link #accumulate} sums that are all zero; the pass <em>adds</em> to them,
 *       never overwrites, so that calling it on several partitions into one {@link PassSums} sums
 *       their rows.</li>
 * </ul>
 * A data problem (an unusable value, a single-class target) is the pass's to report, as a
 * {@link dev.scorecard.core.FitException} from {@link #summary()}; it reaches the caller of
 * {@code fit} unchanged.
 */
public interface RowPass {

    /**
     * The rows' one-off summary: variable names, counts, weight sums and each column's weighted mean
     * and standard deviation. The means fix the coordinates of every {@link #accumulate} call.
     *
     * @return the summary; the same values every time it is called
     * @throws dev.scorecard.core.FitException when the rows cannot be fitted (naming the variable and
     *     row where it can)
     */
    RowSummary summary();

    /**
     * Adds every row's contribution at {@code beta} to {@code sums} (w the row's prior weight, y its
     * 0/1 target, x̃ and p as in the class comment):
     * <ul>
     *   <li>the information matrix Σ w·p·(1 − p)·x̃x̃': entry (c, m) at {@code sums.info()[c * k + m]},
     *       for c ≤ m only (the upper triangle with the diagonal, row-major); the fitter ignores the
     *       entries below the diagonal and overwrites them with their mirror;</li>
     *   <li>the score Σ w·(y − p)·x̃ into {@code sums.score()};</li>
     *   <li>the log-likelihood Σ w·ln P(y | η), with P(1 | η) = p and P(0 | η) = 1 − p, through
     *       {@link PassSums#addLogLik(double)};</li>
     *   <li>through {@link PassSums#addMisclassified(long)} the number of rows the sign of η
     *       misclassifies (η ≤ 0 for an event, η ≥ 0 for a non-event), which proves complete
     *       separation when it is 0;</li>
     *   <li>through {@link PassSums#addConfident(long)} the number of rows that predict their observed
     *       class with probability at least 0.95 (η ≥ {@link PassSums#CONFIDENT_ETA} for an event, η ≤
     *       −{@link PassSums#CONFIDENT_ETA} for a non-event), which the quasi-separation check
     *       needs.</li>
     * </ul>
     * The penalty is not the pass's: the fitter adds it afterwards. The sums are plain (unpenalised)
     * and unscaled; their rounding may depend on the order in which rows are added.
     *
     * @param beta k coefficients in centred coordinates, the intercept first; not to be modified
     * @param sums of order k; all zero when the fitter calls
     */
    void accumulate(double[] beta, PassSums sums);
}
