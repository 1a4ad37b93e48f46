package dev.scorecard.crm.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BetaBinomialFitterTest {
    private static final long[] K = {3, 12, 40, 1, 90, 7};
    private static final long[] N = {50, 100, 400, 30, 600, 45};

    @Test
    void posteriorMeanAndIntervalByHand() {
        // Beta(2, 8) prior, 3 of 10 converted: posterior Beta(5, 15), mean (3 + 2) / (10 + 10) = 0.25.
        // 90 % interval: scipy 1.17 beta.ppf(0.05, 5, 15) = 0.1099063700051813, beta.ppf(0.95, 5, 15) = 0.4191202289169427.
        Beta post = BetaPrior.of(2, 8).posterior(3, 10);
        assertThat(post.alpha()).isEqualTo(5);
        assertThat(post.beta()).isEqualTo(15);
        assertThat(post.mean()).isEqualTo(0.25);
        double[] ci = post.interval(0.90);
        assertThat(ci[0]).isCloseTo(0.1099063700051813, within(1e-12));
        assertThat(ci[1]).isCloseTo(0.4191202289169427, within(1e-12));
    }

    @Test
    void marginalLikelihoodFitMatchesScipyAndAGridSearch() {
        BetaPrior p = BetaBinomialFitter.fit(K, N);
        assertThat(p.pooled()).isFalse();
        // scipy 1.17: minimize(-sum(betaln(k + a, n - k + b) - betaln(a, b))) over log a, log b by Nelder-Mead
        // (xatol 1e-12) gives a = 29.59804363, b = 222.1557966, log-likelihood -460.38078891918303.
        assertThat(p.shape().alpha()).isCloseTo(29.59804363, within(1e-3));
        assertThat(p.shape().beta()).isCloseTo(222.1557966, within(1e-2));
        double fitted = BetaBinomialFitter.logLikelihood(K, N, p.shape().alpha(), p.shape().beta());
        assertThat(fitted).isCloseTo(-460.38078891918303, within(1e-8));
        // Brute force: no point of a fine grid over mean and log-concentration does better.
        double best = Double.NEGATIVE_INFINITY;
        double bestMean = 0;
        double bestKappa = 0;
        for (int i = 1; i < 400; i++) {
            double mu = i / 2000.0; // 0.0005 .. 0.1995
            for (int j = 0; j <= 400; j++) {
                double kappa = Math.exp(Math.log(1) + j * Math.log(1e5) / 400); // 1 .. 1e5
                double ll = BetaBinomialFitter.logLikelihood(K, N, kappa * mu, kappa * (1 - mu));
                if (ll > best) {
                    best = ll;
                    bestMean = mu;
                    bestKappa = kappa;
                }
            }
        }
        assertThat(fitted).isGreaterThanOrEqualTo(best - 1e-9);
        assertThat(p.mean()).isCloseTo(bestMean, within(0.0005));
        assertThat(Math.log(p.concentration())).isCloseTo(Math.log(bestKappa), within(Math.log(1e5) / 400));
    }

    @Test
    void oneChannelAloneIsPooledUnderTheJeffreysPrior() {
        BetaPrior p = BetaBinomialFitter.fit(new long[] {3}, new long[] {10});
        assertThat(p.pooled()).isTrue();
        assertThat(p.concentration()).isInfinite();
        // Beta(3 + 1/2, 7 + 1/2): mean 3.5 / 11.
        assertThat(p.mean()).isEqualTo(3.5 / 11);
        assertThat(p.posterior(3, 10)).isEqualTo(new Beta(3.5, 7.5));
    }

    @Test
    void equalRatesShrinkFullyToTheCommonRate() {
        // Every channel converts exactly 10 %: no spread beyond binomial noise, concentration at the top of its range.
        long[] k = {10, 20, 50, 5, 100};
        long[] n = {100, 200, 500, 50, 1000};
        BetaPrior p = BetaBinomialFitter.fit(k, n);
        assertThat(p.pooled()).isTrue();
        assertThat(p.mean()).isEqualTo(185.5 / 1851);
        assertThat(p.posterior(5, 50).mean()).isEqualTo(p.posterior(100, 1000).mean());
    }

    @Test
    void noConversionAnywhereIsPooled() {
        BetaPrior p = BetaBinomialFitter.fit(new long[] {0, 0, 0}, new long[] {10, 200, 5000});
        assertThat(p.pooled()).isTrue();
        // Beta(0 + 1/2, 5210 + 1/2): every channel at 0.5 / 5211, not at 0.
        assertThat(p.mean()).isEqualTo(0.5 / 5211);
        double[] ci = p.shape().interval(0.9);
        assertThat(ci[0]).isGreaterThanOrEqualTo(0).isLessThan(p.mean());
        assertThat(ci[1]).isGreaterThan(p.mean());
    }

    @Test
    void subChannelConcentrationIsInfiniteWhenTheyMatchTheirMeans() {
        double kappa = BetaBinomialFitter.fitConcentration(new long[] {10, 20, 30}, new long[] {100, 200, 300},
                new double[] {0.1, 0.1, 0.1}, new double[3]);
        assertThat(kappa).isInfinite();
        double spread = BetaBinomialFitter.fitConcentration(new long[] {1, 60, 30}, new long[] {100, 200, 300},
                new double[] {0.1, 0.1, 0.1}, new double[3]);
        assertThat(spread).isFinite().isPositive();
        // The same counts around means known only to ±0.03: part of the spread is the means' own,
        // so the sub-channels need less of their own (a larger κ) or none.
        double uncertain = BetaBinomialFitter.fitConcentration(new long[] {1, 60, 30}, new long[] {100, 200, 300},
                new double[] {0.1, 0.1, 0.1}, new double[] {9e-4, 9e-4, 9e-4});
        assertThat(uncertain).isGreaterThan(spread);
    }

    @Test
    void matchedBetaHasTheMeanAndTheTotalVariance() {
        // m = 0.2, v = 0.01, κ = 9: V = (0.16 - 0.01) / 10 + 0.01 = 0.025, concentration 0.16 / 0.025 - 1 = 5.4.
        assertThat(BetaBinomialFitter.matched(0.2, 0.01, 9)).containsExactly(new double[] {1.08, 4.32}, within(1e-12));
        // A known mean: Beta(κ m, κ (1 - m)).
        assertThat(BetaBinomialFitter.matched(0.2, 0, 9)).containsExactly(new double[] {1.8, 7.2}, within(1e-12));
        // κ infinite: the mean's own Beta, concentration 0.16 / 0.01 - 1 = 15.
        assertThat(BetaBinomialFitter.matched(0.2, 0.01, Double.POSITIVE_INFINITY))
                .containsExactly(new double[] {3, 12}, within(1e-12));
        assertThat(BetaBinomialFitter.matched(0.2, 0, Double.POSITIVE_INFINITY)).isNull();
    }
}
