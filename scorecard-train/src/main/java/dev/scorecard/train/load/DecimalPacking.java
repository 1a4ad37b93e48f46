package dev.scorecard.train.load;

import dev.scorecard.core.data.NumericColumn;

/**
 * Finds whether doubles are decimals that {@link NumericColumn#ofDecimal} can hold in 4 bytes: for
 * the smallest scale k at which every value v has an integer m = v·10<sup>k</sup> in the int range with
 * {@code m / 10^k == v} bit for bit. Each value is checked by that very division, so packing never
 * changes a value; values such as {@code 1e-12}, {@code 3.14159265358979} or {@code 1e15} leave the
 * chunk as doubles.
 */
final class DecimalPacking {
    /** |m| at most this keeps mantissas clear of the two sentinels at the bottom of the int range. */
    private static final double LIMIT = Integer.MAX_VALUE - 1;
    private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0);
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
            1_000_000_000};
    private static final double[] DOUBLE_POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    record Packed(int[] mantissas, int scale) {
    }

    private DecimalPacking() {
    }

    /** @return 10<sup>k</sup> for k in 0..9 */
    static int powerOfTen(int k) {
        return POWERS[k];
    }

    /**
     * @param values the values, NaN for missing
     * @param length how many of them to pack
     * @return the mantissas and their scale, or null when some value is not such a decimal
     */
    static Packed pack(double[] values, int length) {
        int k = 0;
        for (int i = 0; i < length; i++) {
            double v = values[i];
            while (!fits(v, k)) {
                if (++k > NumericColumn.MAX_DECIMAL_SCALE || Math.abs(v * DOUBLE_POWERS[k]) > LIMIT) {
                    return null;
                }
            }
        }
        double p = DOUBLE_POWERS[k];
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            double v = values[i];
            if (v != v) {
                out[i] = NumericColumn.DECIMAL_MISSING;
            } else if (Double.doubleToRawLongBits(v) == NEGATIVE_ZERO_BITS) {
                out[i] = NumericColumn.DECIMAL_NEGATIVE_ZERO;
            } else {
                double m = Math.rint(v * p);
                if (!(Math.abs(m) <= LIMIT) || m / p != v) {
                    return null; // a larger scale made a value inexact or too large
                }
                out[i] = (int) m;
            }
        }
        return new Packed(out, k);
    }

    /** @return true when v is NaN, -0.0, or rint(v·10^k)/10^k == v with the mantissa in range */
    private static boolean fits(double v, int k) {
        if (v != v || Double.doubleToRawLongBits(v) == NEGATIVE_ZERO_BITS) {
            return true;
        }
        double p = DOUBLE_POWERS[k];
        double m = Math.rint(v * p);
        return Math.abs(m) <= LIMIT && m / p == v;
    }

    /** @return true when every mantissa times {@code factor} still fits */
    static boolean fitsRescaled(int[] mantissas, int factor) {
        for (int m : mantissas) {
            if (m > NumericColumn.DECIMAL_NEGATIVE_ZERO) {
                long t = (long) m * factor;
                if (t > Integer.MAX_VALUE || t <= NumericColumn.DECIMAL_NEGATIVE_ZERO) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The mantissa at a scale larger by log10(factor): the same exact fraction, so the same double.
     * Sentinels stay as they are; the caller has checked the range with {@link #fitsRescaled}.
     */
    static int rescale(int m, int factor) {
        return m > NumericColumn.DECIMAL_NEGATIVE_ZERO ? m * factor : m;
    }
}
