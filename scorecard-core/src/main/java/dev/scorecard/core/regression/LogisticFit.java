package dev.scorecard.core.regression;

import dev.scorecard.core.model.Coefficient;

import java.util.List;
import java.util.Objects;

/**
 * A fitted logistic regression: P(event | x) = 1 / (1 + exp(−η)) with η = β<sub>0</sub> + Σ
 * β<sub>j</sub>·x<sub>j</sub>. Immutable and thread-safe.
 *
 * @param intercept the intercept β<sub>0</sub>, named {@code (Intercept)}
 * @param coefficients the slopes, in the order of the fitted columns
 * @param logLikelihood Σ w<sub>i</sub>·[y<sub>i</sub>·ln p<sub>i</sub> + (1 − y<sub>i</sub>)·ln(1 −
 *     p<sub>i</sub>)] at the estimate, without the penalty; equal to R's {@code logLik} for a binomial
 *     glm with integer (or no) prior weights
 * @param aic −2·logLikelihood + 2·k with k = number of slopes + 1; with an L2 penalty k is still the
 *     count of coefficients, not an effective number of degrees of freedom
 * @param bic −2·logLikelihood + k·ln(rows), where rows counts the rows with a non-zero weight, as R's
 *     {@code BIC} does for a glm ({@code nobs})
 * @param iterations the IRLS iterations taken
 * @param converged false when the fit stopped at the iteration limit (or could not reduce the deviance
 *     any more) before reaching the tolerance; the estimates are then those of the last iteration
 * @param rows the rows that entered the fit: those with a non-zero weight
 * @param weightSum the sum of the prior weights (the number of rows when there are none)
 */
public record LogisticFit(
        Coefficient intercept,
        List<Coefficient> coefficients,
        double logLikelihood,
        double aic,
        double bic,
        int iterations,
        boolean converged,
        long rows,
        double weightSum) {

    /** Copies the coefficient list. */
    public LogisticFit {
        Objects.requireNonNull(intercept, "intercept");
        coefficients = List.copyOf(coefficients);
        if (iterations < 0 || rows < 0) {
            throw new IllegalArgumentException("iterations " + iterations + " and rows " + rows
                    + " must not be negative");
        }
    }

    /**
     * @param x one value per slope, in the order of {@link #coefficients()}
     * @return η = β<sub>0</sub> + Σ β<sub>j</sub>·x<sub>j</sub>
     * @throws IllegalArgumentException when {@code x} does not have one value per slope
     */
    public double linearPredictor(double[] x) {
        if (x.length != coefficients.size()) {
            throw new IllegalArgumentException("expected " + coefficients.size() + " values, one per coefficient, got "
                    + x.length);
        }
        double eta = intercept.estimate();
        for (int j = 0; j < x.length; j++) {
            eta += coefficients.get(j).estimate() * x[j];
        }
        return eta;
    }

    /**
     * The event probability 1 / (1 + exp(−η)), computed with {@link StrictMath} so that it is the same
     * on every JVM (SPEC §13), and in the form that keeps full relative precision for large |η|: for η
     * below 0 as e<sup>η</sup> / (1 + e<sup>η</sup>), which neither overflows nor rounds a tiny
     * probability to 0 early.
     *
     * @param x one value per slope, in the order of {@link #coefficients()}
     * @return the probability of the event, in [0, 1]
     */
    public double probability(double[] x) {
        double eta = linearPredictor(x);
        if (eta >= 0) {
            return 1.0 / (1.0 + StrictMath.exp(-eta));
        }
        double e = StrictMath.exp(eta);
        return e / (1.0 + e);
    }
}
