package dev.scorecard.crm.channels;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * A Beta(α, β) distribution of a conversion rate: a prior or a posterior.
 *
 * @param alpha α, above 0 (pseudo-conversions)
 * @param beta β, above 0 (pseudo-non-conversions)
 */
record Beta(double alpha, double beta) {
    /** Accuracy of the quantiles: far below the 15 decimals the rates are written with. */
    private static final double QUANTILE_ACCURACY = 1e-14;

    /** Checks that both shapes are finite and positive. */
    Beta {
        if (!(alpha > 0 && beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("Beta(" + alpha + ", " + beta + "): the shapes must be finite and above 0");
        }
    }

    /** @return the mean α / (α + β) */
    double mean() {
        return alpha / (alpha + beta);
    }

    /** @return the variance α β / ((α + β)² (α + β + 1)) */
    double variance() {
        double n = alpha + beta;
        return alpha * beta / (n * n * (n + 1));
    }

    /**
     * @param p a probability from 0 to 1
     * @return the rate below which the distribution puts probability {@code p}
     */
    double quantile(double p) {
        // No random generator: the distribution is only inverted here, never sampled.
        return new BetaDistribution(null, alpha, beta, QUANTILE_ACCURACY).inverseCumulativeProbability(p);
    }

    /**
     * @param level the probability inside, e.g. 0.90
     * @return the equal-tailed interval's ends: {@code (1 - level) / 2} of the mass lies below the first and above the second
     */
    double[] interval(double level) {
        double tail = (1 - level) / 2;
        return new double[] {quantile(tail), quantile(1 - tail)};
    }
}
