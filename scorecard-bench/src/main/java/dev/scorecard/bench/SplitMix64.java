package dev.scorecard.bench;

/**
 * SplitMix64 (Steele, Lea and Flood 2014), written out here so that a seed gives the same stream on
 * every JDK: {@link java.util.SplittableRandom} uses the same algorithm today, but its specification
 * does not promise the numbers, and {@code RandomGenerator.nextGaussian} changed algorithm in JDK 17.
 * Gaussians use Marsaglia's polar method with {@link StrictMath}. Not thread-safe: one instance per
 * block of rows.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /**
     * A seed for stream {@code stream} of the generator seeded with {@code seed}: different streams of
     * one seed, and the same stream of different seeds, are unrelated.
     */
    static SplitMix64 stream(long seed, long stream) {
        return new SplitMix64(mix(seed * GOLDEN_GAMMA + mix(stream + GOLDEN_GAMMA)));
    }

    /** The SplitMix64 finaliser (variant 13 of Stafford's mixers). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** @return a uniform double in [0, 1) with 53 random bits */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** @return a standard normal variate */
    double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * f;
        hasSpareGaussian = true;
        return u * f;
    }
}
