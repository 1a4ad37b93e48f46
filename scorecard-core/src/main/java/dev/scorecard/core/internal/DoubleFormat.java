package dev.scorecard.core.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double as the shortest decimal that reads back to the same double, in plain notation
 * where that stays short and scientific notation otherwise. {@code Double.toString} changed between
 * JDK 17 and 19 (JDK-4511638), so files written with it would differ between runtimes; this
 * formatter depends only on {@link BigDecimal}, whose arithmetic is exact and fixed.
 */
public final class DoubleFormat {
    private DoubleFormat() {
    }

    /**
     * @param d any double
     * @return the shortest round-trip text, e.g. {@code 0.1}, {@code 8.5}, {@code 1.0E-7} style avoided:
     *     {@code 1e-7}; {@code inf}, {@code -inf} and {@code nan} for the non-finite values
     */
    public static String format(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal exact = new BigDecimal(d);
        // Reading back at p significant digits either works for every p from some point on or not at
        // all below it, so binary search for the least p (at most 17 for a double).
        int lo = 1;
        int hi = 17;
        BigDecimal shortest = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            BigDecimal r = exact.round(new MathContext(mid, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                hi = mid;
                shortest = r;
            } else {
                lo = mid + 1;
            }
        }
        shortest = shortest.stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -6 && exponent < 15) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder();
        if (shortest.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('e').append(exponent).toString();
    }
}
