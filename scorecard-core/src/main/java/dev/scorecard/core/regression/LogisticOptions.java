package dev.scorecard.core.regression;

/**
 * How to fit a logistic regression.
 *
 * @param l2 the L2 penalty weight λ: the fit maximises the log-likelihood minus (λ/2)·Σβ<sub>j</sub>²
 *     over the slopes (never the intercept); 0 for plain maximum likelihood
 * @param maxIterations the most IRLS (Newton) iterations; a fit that has not converged by then is
 *     returned with {@code converged == false}
 * @param tolerance convergence threshold on the relative change of the (penalised) deviance between
 *     iterations, |D − D<sub>old</sub>| / (|D| + 0.1), as R's {@code glm.control(epsilon)}; R's
 *     default is 1e-8, ours 1e-10
 */
public record LogisticOptions(double l2, int maxIterations, double tolerance) {

    /** Validates every option and names the one that is out of range. */
    public LogisticOptions {
        require(!(l2 < 0), "l2", l2, "at least 0");
        require(Double.isFinite(l2), "l2", l2, "a finite number");
        require(maxIterations >= 1 && maxIterations <= 10_000, "maxIterations", maxIterations, "from 1 to 10000");
        require(tolerance > 0 && Double.isFinite(tolerance), "tolerance", tolerance, "a finite number above 0");
    }

    private static void require(boolean ok, String name, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException(name + ": " + value + " is out of range; expected " + range);
        }
    }

    /** @return no penalty, at most 100 iterations, tolerance 1e-10 */
    public static LogisticOptions defaults() {
        return new LogisticOptions(0.0, 100, 1e-10);
    }

    /** @return a copy with {@code l2} replaced */
    public LogisticOptions withL2(double l2) {
        return new LogisticOptions(l2, maxIterations, tolerance);
    }

    /** @return a copy with {@code maxIterations} replaced */
    public LogisticOptions withMaxIterations(int maxIterations) {
        return new LogisticOptions(l2, maxIterations, tolerance);
    }

    /** @return a copy with {@code tolerance} replaced */
    public LogisticOptions withTolerance(double tolerance) {
        return new LogisticOptions(l2, maxIterations, tolerance);
    }
}
