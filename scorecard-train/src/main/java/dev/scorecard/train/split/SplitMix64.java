package dev.scorecard.train.split;

/**
 * SplitMix64 (Steele, Lea and Flood 2014), written out here so that a seed gives the same split on
 * every JDK: {@link java.util.SplittableRandom} uses the same algorithm today, but neither it nor
 * {@link java.util.Random} promises its numbers across releases, and a model's provenance records the
 * seed. Not thread-safe: one instance per split.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** @return the next 64 random bits (Vigna's reference {@code next()}) */
    long nextLong() {
        long z = state += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * An unbiased integer in {@code [0, bound)} by Lemire's multiply-and-reject method (2019), from the
     * upper 32 bits of {@link #nextLong()}; the number of draws it takes is part of the stream, so it
     * must not change.
     *
     * @param bound the exclusive upper limit, at least 1
     */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            // 2^32 mod bound: the number of 32-bit values that would make some results more likely.
            long threshold = (1L << 32) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }
}
