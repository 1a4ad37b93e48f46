package dev.scorecard.crm.channels;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariateOptimizer;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.special.Gamma;

/**
 * Fits the Beta(α, β) prior of groups' conversion rates by empirical Bayes: the α and β that
 * maximise the beta-binomial marginal likelihood of the groups' counts,
 * {@code ℓ(α, β) = Σᵢ ln B(kᵢ + α, nᵢ − kᵢ + β) − ln B(α, β)} (the binomial coefficients do not
 * depend on α, β and are dropped): parametric empirical Bayes as in Carlin &amp; Louis,
 * <i>Bayesian Methods for Data Analysis</i> (the empirical Bayes chapter), and D. Robinson,
 * <i>Introduction to Empirical Bayes</i> (2017), for batting averages. The method of moments is not used: with group sizes from ten leads to tens of thousands, its
 * unweighted variance is dominated by the binomial noise of the small groups, while the likelihood
 * weighs each group by what its size says.
 *
 * <p>The search is over the mean μ = α / (α + β) in logit and the concentration κ = α + β in log,
 * {@code κ} from 10⁻³ to 10⁸: a coarse grid of κ first (the profile can have more than one hump when
 * a few huge groups disagree with many small ones), then Brent's method around the best grid point,
 * μ found by Brent's method for each κ. An optimum at the top of the range, or one that beats a single
 * common rate (the binomial limit κ → ∞) by no more than rounding, means the groups differ no more
 * than binomial noise explains: the prior is then {@linkplain BetaPrior#pooled pooled}. So is it
 * when fewer than two groups, no conversion or nothing but conversions leave nothing to fit.
 * Deterministic; stateless.
 */
final class BetaBinomialFitter {
    static final double MIN_LOG_CONCENTRATION = StrictMath.log(1e-3);
    static final double MAX_LOG_CONCENTRATION = StrictMath.log(1e8);
    private static final double MAX_LOGIT = 20;
    private static final int GRID = 56;
    /** How close to the top of the range counts as "at the top" (in ln κ). */
    private static final double AT_TOP = 1e-6;
    /**
     * Per group, what the log-gamma differences lose near the top of the range (about 10⁻¹⁶ of terms of
     * order 10⁹): a fit that beats one common rate by less than this is no better than it.
     */
    private static final double NOISE = 1e-6;

    private BetaBinomialFitter() {
    }

    /**
     * @param conversions kᵢ per group
     * @param leads nᵢ per group, each at least 1 and at least kᵢ
     * @return the fitted prior
     */
    static BetaPrior fit(long[] conversions, long[] leads) {
        check(conversions, leads);
        long k = 0;
        long n = 0;
        for (int i = 0; i < leads.length; i++) {
            k += conversions[i];
            n += leads[i];
        }
        if (leads.length < 2 || k == 0 || k == n) {
            return BetaPrior.pooled(k, n);
        }
        double start = logit((double) k / n);
        double[] best = {Double.NaN, Double.NEGATIVE_INFINITY, start};
        double step = (MAX_LOG_CONCENTRATION - MIN_LOG_CONCENTRATION) / (GRID - 1);
        int bestIndex = 0;
        for (int g = 0; g < GRID; g++) {
            double t = MIN_LOG_CONCENTRATION + g * step;
            UnivariatePointValuePair u = bestMean(conversions, leads, t, start);
            if (u.getValue() > best[1]) {
                best = new double[] {t, u.getValue(), u.getPoint()};
                bestIndex = g;
            }
        }
        double lo = MIN_LOG_CONCENTRATION + Math.max(0, bestIndex - 1) * step;
        double hi = MIN_LOG_CONCENTRATION + Math.min(GRID - 1, bestIndex + 1) * step;
        double gridU = best[2];
        UnivariatePointValuePair t = brent().optimize(new MaxEval(500),
                new UnivariateObjectiveFunction(x -> bestMean(conversions, leads, x, gridU).getValue()), GoalType.MAXIMIZE,
                new SearchInterval(lo, hi, best[0]));
        double logKappa = t.getValue() >= best[1] ? t.getPoint() : best[0];
        double fitted = Math.max(t.getValue(), best[1]);
        double[] common = new double[leads.length];
        java.util.Arrays.fill(common, (double) k / n);
        if (logKappa >= MAX_LOG_CONCENTRATION - AT_TOP || fitted - binomialLogLikelihood(conversions, leads, common)
                <= NOISE * leads.length) {
            return BetaPrior.pooled(k, n);
        }
        double mu = inverseLogit(bestMean(conversions, leads, logKappa, gridU).getPoint());
        double kappa = StrictMath.exp(logKappa);
        return BetaPrior.of(kappa * mu, kappa * (1 - mu));
    }

    /**
     * The concentration κ of a prior centred on an uncertain mean per group: a sub-channel's rate θ
     * given its channel's rate μ is Beta(κ μ, κ (1 − μ)), and μ is known only as a distribution with
     * mean mᵢ and variance vᵢ (the channel's posterior from its <em>other</em> leads, so no lead is
     * counted twice). The marginal prior of θ has mean mᵢ and variance
     * {@code Vᵢ = (mᵢ (1 − mᵢ) − vᵢ) / (κ + 1) + vᵢ} (the law of total variance), and is taken as the
     * Beta with that mean and variance ({@link #matched}); κ maximises the beta-binomial likelihood
     * of the groups' counts under those Betas. With vᵢ = 0 the matched Beta is Beta(κ mᵢ, κ (1 − mᵢ)).
     *
     * @param conversions kᵢ per group
     * @param leads nᵢ per group
     * @param means mᵢ, strictly between 0 and 1
     * @param variances vᵢ, from 0 to below mᵢ (1 − mᵢ)
     * @return κ, or infinity when the groups differ from their means no more than the means' own
     *     uncertainty and binomial noise explain (and when there are fewer than two groups)
     */
    static double fitConcentration(long[] conversions, long[] leads, double[] means, double[] variances) {
        check(conversions, leads);
        if (leads.length < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double step = (MAX_LOG_CONCENTRATION - MIN_LOG_CONCENTRATION) / (GRID - 1);
        int bestIndex = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < GRID; g++) {
            double v = logLikelihoodAround(conversions, leads, means, variances, StrictMath.exp(MIN_LOG_CONCENTRATION + g * step));
            if (v > bestValue) {
                bestValue = v;
                bestIndex = g;
            }
        }
        double lo = MIN_LOG_CONCENTRATION + Math.max(0, bestIndex - 1) * step;
        double hi = MIN_LOG_CONCENTRATION + Math.min(GRID - 1, bestIndex + 1) * step;
        double gridT = MIN_LOG_CONCENTRATION + bestIndex * step;
        UnivariatePointValuePair t = brent().optimize(new MaxEval(500),
                new UnivariateObjectiveFunction(x -> logLikelihoodAround(conversions, leads, means, variances,
                        StrictMath.exp(x))), GoalType.MAXIMIZE, new SearchInterval(lo, hi, gridT));
        double logKappa = t.getValue() >= bestValue ? t.getPoint() : gridT;
        double fitted = Math.max(t.getValue(), bestValue);
        return logKappa >= MAX_LOG_CONCENTRATION - AT_TOP
                || fitted - logLikelihoodAround(conversions, leads, means, variances, Double.POSITIVE_INFINITY)
                        <= NOISE * leads.length
                ? Double.POSITIVE_INFINITY : StrictMath.exp(logKappa);
    }

    /**
     * The Beta with mean m and the variance of θ when θ given μ is Beta(κ μ, κ (1 − μ)) and μ has mean m
     * and variance v: concentration {@code m (1 − m) / V − 1} with {@code V = (m (1 − m) − v) / (κ + 1) + v}.
     *
     * @param kappa κ, up to infinity (then θ = μ and the Beta is μ's own, moment-matched)
     * @return {α, β}, or null when v = 0 and κ is infinite (θ is m exactly: the binomial limit)
     */
    static double[] matched(double m, double v, double kappa) {
        double spread = m * (1 - m);
        double total = Double.isInfinite(kappa) ? v : (spread - v) / (kappa + 1) + v;
        if (total <= 0) {
            return null;
        }
        double concentration = spread / total - 1;
        return new double[] {concentration * m, concentration * (1 - m)};
    }

    /**
     * @return ℓ(α, β) without the binomial coefficients: {@code Σᵢ ln B(kᵢ + α, nᵢ − kᵢ + β) − ln B(α, β)}
     */
    static double logLikelihood(long[] conversions, long[] leads, double alpha, double beta) {
        double sum = 0;
        for (int i = 0; i < leads.length; i++) {
            sum += logBetaRatio(conversions[i], leads[i], alpha, beta);
        }
        return sum;
    }

    /**
     * The limit of ℓ as κ → ∞ with each group's mean held: the binomial {@code Σᵢ kᵢ ln pᵢ + (nᵢ − kᵢ) ln(1 − pᵢ)},
     * computed without the cancellation of the log-gamma form, to tell a real optimum from "no spread".
     */
    static double binomialLogLikelihood(long[] conversions, long[] leads, double[] rates) {
        double sum = 0;
        for (int i = 0; i < leads.length; i++) {
            sum += binomial(conversions[i], leads[i], rates[i]);
        }
        return sum;
    }

    private static double binomial(long k, long n, double p) {
        long rest = n - k;
        return (k == 0 ? 0 : k * StrictMath.log(p)) + (rest == 0 ? 0 : rest * StrictMath.log1p(-p));
    }

    private static double logLikelihoodAround(long[] conversions, long[] leads, double[] means, double[] variances,
            double kappa) {
        double sum = 0;
        for (int i = 0; i < leads.length; i++) {
            double[] ab = matched(means[i], variances[i], kappa);
            sum += ab == null ? binomial(conversions[i], leads[i], means[i])
                    : logBetaRatio(conversions[i], leads[i], ab[0], ab[1]);
        }
        return sum;
    }

    /**
     * {@code ln B(k + α, n − k + β) − ln B(α, β)} as four log-gamma terms: with κ up to 10⁸ the two
     * Betas are each of order 10⁹ and their difference keeps about 7 significant digits, plenty to
     * locate an optimum that is flat up there anyway.
     */
    private static double logBetaRatio(long k, long n, double alpha, double beta) {
        return Gamma.logGamma(k + alpha) - Gamma.logGamma(alpha) + Gamma.logGamma(n - k + beta) - Gamma.logGamma(beta)
                - Gamma.logGamma(n + alpha + beta) + Gamma.logGamma(alpha + beta);
    }

    /** The mean (in logit) that maximises ℓ at concentration e^t, and ℓ there. */
    private static UnivariatePointValuePair bestMean(long[] conversions, long[] leads, double logKappa, double start) {
        double kappa = StrictMath.exp(logKappa);
        return brent().optimize(new MaxEval(500), new UnivariateObjectiveFunction(u -> {
            double mu = inverseLogit(u);
            return logLikelihood(conversions, leads, kappa * mu, kappa * (1 - mu));
        }), GoalType.MAXIMIZE, new SearchInterval(-MAX_LOGIT, MAX_LOGIT, Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, start))));
    }

    private static UnivariateOptimizer brent() {
        return new BrentOptimizer(1e-10, 1e-12);
    }

    static double logit(double p) {
        return StrictMath.log(p / (1 - p));
    }

    static double inverseLogit(double u) {
        return 1 / (1 + StrictMath.exp(-u));
    }

    private static void check(long[] conversions, long[] leads) {
        if (conversions.length != leads.length) {
            throw new IllegalArgumentException(conversions.length + " conversion counts for " + leads.length + " groups");
        }
        for (int i = 0; i < leads.length; i++) {
            if (leads[i] < 1 || conversions[i] < 0 || conversions[i] > leads[i]) {
                throw new IllegalArgumentException("group " + i + ": " + conversions[i] + " conversions of " + leads[i]
                        + " leads; a group needs at least one lead and no more conversions than leads");
            }
        }
    }
}
