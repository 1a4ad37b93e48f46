package dev.scorecard.crm.synth;

import java.util.SplittableRandom;

/**
 * The random draws the generator makes, on a {@link SplittableRandom} (whose algorithm the JDK
 * specifies) with {@link StrictMath} only, so that a seed gives the same numbers on every JDK and
 * CPU: the JDK's own {@code nextGaussian} and {@code Math.exp} are not pinned down that far.
 */
final class Draws {
    private Draws() {
    }

    /**
     * @return a stream for one lead (or one other unit of work) of one run, independent of which
     *     thread draws it: the seed, a salt naming the purpose and the unit's index are mixed into
     *     the stream's seed
     */
    static SplittableRandom stream(long seed, long salt, long index) {
        return new SplittableRandom(mix(mix(seed ^ 0x5DEECE66DL) + salt * 0x9E3779B97F4A7C15L + index));
    }

    /** Stafford's mix13, the finaliser of SplitMix64. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A standard normal by Marsaglia's polar method (one of the pair; the other is dropped for simplicity). */
    static double gaussian(SplittableRandom r) {
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }

    /** Poisson by multiplying uniforms below a mean of 30, by the rounded normal approximation above. */
    static int poisson(SplittableRandom r, double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean < 30) {
            double limit = StrictMath.exp(-mean);
            int k = 0;
            double p = r.nextDouble();
            while (p > limit) {
                k++;
                p *= r.nextDouble();
            }
            return k;
        }
        long n = Math.round(mean + StrictMath.sqrt(mean) * gaussian(r));
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, n));
    }

    /** @return an exponential with this scale, truncated to {@code [0, length)} */
    static double truncatedExponential(SplittableRandom r, double scale, double length) {
        double mass = -StrictMath.expm1(-length / scale);
        double x = -scale * StrictMath.log1p(-r.nextDouble() * mass);
        return Math.min(x, Math.nextDown(length));
    }

    /** @return {@code ∫₀ᴸ exp(−t/scale) dt} */
    static double decayIntegral(double scale, double length) {
        return length <= 0 ? 0 : -scale * StrictMath.expm1(-length / scale);
    }

    static double sigmoid(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }
}
