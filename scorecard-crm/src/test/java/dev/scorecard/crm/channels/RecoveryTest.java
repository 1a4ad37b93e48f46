package dev.scorecard.crm.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * The shrinkage recovers a known truth: channels whose true rates are drawn from a Beta, sizes
 * heavy-tailed from 10 to 20,000 leads, conversions binomial; a fixed seed, printed on failure.
 */
class RecoveryTest {
    @Test
    void shrunkRatesAreCloserToTheTruthAndIntervalsCoverAtTheirLevel() {
        for (long seed : new long[] {20261130L, 7L, 42L}) {
            Simulated s = simulate(seed, 300);
            BetaPrior prior = BetaBinomialFitter.fit(s.k, s.n);
            double rawError = 0;
            double shrunkError = 0;
            int covered = 0;
            for (int i = 0; i < s.n.length; i++) {
                Beta post = prior.posterior(s.k[i], s.n[i]);
                double raw = (double) s.k[i] / s.n[i];
                rawError += sq(raw - s.truth[i]);
                shrunkError += sq(post.mean() - s.truth[i]);
                double[] ci = post.interval(0.90);
                if (ci[0] <= s.truth[i] && s.truth[i] <= ci[1]) {
                    covered++;
                }
            }
            double coverage = covered / (double) s.n.length;
            String where = "seed " + seed + ": MSE raw " + rawError / s.n.length + ", shrunk " + shrunkError / s.n.length
                    + ", coverage " + coverage + ", prior " + prior;
            assertThat(shrunkError).as(where).isLessThan(rawError);
            assertThat(coverage).as(where).isBetween(0.80, 0.97);
            // The prior itself is recovered roughly: Beta(2, 30) has mean 0.0625.
            assertThat(prior.mean()).as(where).isBetween(0.045, 0.08);
        }
    }

    record Simulated(long[] k, long[] n, double[] truth) {
    }

    /** Sizes log-uniform from 10 to 20,000 (most channels small, a few huge); true rates Beta(2, 30). */
    static Simulated simulate(long seed, int channels) {
        SplittableRandom r = new SplittableRandom(seed);
        BetaDistribution rates = new BetaDistribution(new MersenneTwister(seed), 2, 30);
        long[] k = new long[channels];
        long[] n = new long[channels];
        double[] truth = new double[channels];
        for (int i = 0; i < channels; i++) {
            n[i] = Math.round(Math.exp(Math.log(10) + r.nextDouble() * (Math.log(20_000) - Math.log(10))));
            truth[i] = rates.sample();
            long c = 0;
            for (long j = 0; j < n[i]; j++) {
                if (r.nextDouble() < truth[i]) {
                    c++;
                }
            }
            k[i] = c;
        }
        return new Simulated(k, n, truth);
    }

    private static double sq(double x) {
        return x * x;
    }
}
