package dev.scorecard.core.internal;

/**
 * Parses decimal numbers strictly, straight from a {@code char[]} slice, without creating a String
 * in the common case.
 *
 * <p>Accepted: {@code [+-]? ( digits ( '.' digits? )? | '.' digits ) ( [eE] [+-]? digits )?} with
 * ASCII digits only, e.g. {@code 12}, {@code -0.5}, {@code .5}, {@code 5.}, {@code 1e-3},
 * {@code +2.5E+10}. Rejected: anything else, including surrounding spaces, {@code 1,5},
 * {@code 12d}, {@code 0x1p3}, {@code Infinity}, {@code NaN}, the empty string, and values whose
 * magnitude overflows a double ({@code 1e400}). Values that underflow are accepted and round to
 * (signed) zero, as {@link Double#parseDouble} rounds them. {@code -0} gives {@code -0.0}.
 *
 * <p>Results are correctly rounded and identical to {@link Double#parseDouble}: when the
 * significand has at most 18 digits, is at most 2<sup>53</sup> and the decimal exponent lies within
 * &plusmn;22, the value is one exact double multiplied or divided by an exact power of ten, which
 * IEEE arithmetic rounds correctly (Clinger's fast path); every other input goes to
 * {@link Double#parseDouble}.
 *
 * <p>Shared by the CSV loader and the scorer, so that a value parses the same way in training and
 * in scoring.
 *
 * <p>A parse failure returns NaN: no accepted input can produce NaN, so callers test
 * {@code v != v} and no exception is created on the hot path.
 */
public final class StrictNumberParser {
    private static final long MAX_EXACT = 1L << 53;
    private static final int MAX_FAST_EXPONENT = 22;
    private static final int MAX_DIGITS_IN_LONG = 18; // 10^18 - 1 < 2^63 - 1 < 10^19 - 1
    /** Exponent digits saturate here; far beyond any double, far from int overflow. */
    private static final int EXPONENT_CAP = 100_000;
    private static final double[] POWERS_OF_TEN = new double[MAX_FAST_EXPONENT + 1];

    static {
        double p = 1.0;
        for (int i = 0; i <= MAX_FAST_EXPONENT; i++) {
            POWERS_OF_TEN[i] = p; // 10^i is exact for i <= 22
            p *= 10.0;
        }
    }

    private StrictNumberParser() {
    }

    /**
     * @param text the text to parse
     * @return the value, or NaN when {@code text} is not a number under the strict grammar
     */
    public static double parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    /**
     * @param text the text to parse
     * @return true when {@code text} is a number under the strict grammar
     */
    public static boolean isNumber(String text) {
        double v = parse(text);
        return v == v;
    }

    /**
     * @param buf the characters
     * @param off where the number starts
     * @param len how many characters it has
     * @return the value, or NaN when the slice is not a number under the strict grammar
     */
    public static double parse(char[] buf, int off, int len) {
        if (len <= 0) {
            return Double.NaN;
        }
        final int end = off + len;
        int i = off;
        boolean negative = false;
        char c = buf[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            if (++i == end) {
                return Double.NaN;
            }
        }
        // Digits accumulate in a long; leading zeros count too, which keeps the loop simple and only
        // sends inputs like 0.000000000000000000001 (over 18 digits) to the slow path.
        long significand = 0;
        int intStart = i;
        while (i < end && (c = buf[i]) >= '0' && c <= '9') {
            significand = significand * 10 + (c - '0');
            i++;
        }
        int digits = i - intStart;
        int exponent = 0;
        if (i < end && buf[i] == '.') {
            int fracStart = ++i;
            while (i < end && (c = buf[i]) >= '0' && c <= '9') {
                significand = significand * 10 + (c - '0');
                i++;
            }
            exponent = fracStart - i;
            digits += i - fracStart;
        }
        boolean anyDigit = digits > 0;
        boolean tooManyDigits = digits > MAX_DIGITS_IN_LONG; // the long may have overflowed
        if (!anyDigit) {
            return Double.NaN;
        }
        // exponent
        if (i < end && ((c = buf[i]) == 'e' || c == 'E')) {
            if (++i == end) {
                return Double.NaN;
            }
            boolean negativeExponent = false;
            c = buf[i];
            if (c == '-' || c == '+') {
                negativeExponent = c == '-';
                if (++i == end) {
                    return Double.NaN;
                }
            }
            int e = 0;
            int start = i;
            while (i < end && (c = buf[i]) >= '0' && c <= '9') {
                if (e < EXPONENT_CAP) {
                    e = e * 10 + (c - '0');
                }
                i++;
            }
            if (i == start) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -e : e;
        }
        if (i != end) {
            return Double.NaN;
        }
        if (significand == 0 && !tooManyDigits) {
            return negative ? -0.0 : 0.0;
        }
        if (!tooManyDigits && significand <= MAX_EXACT
                && exponent >= -MAX_FAST_EXPONENT && exponent <= MAX_FAST_EXPONENT) {
            double v = significand;
            v = exponent >= 0 ? v * POWERS_OF_TEN[exponent] : v / POWERS_OF_TEN[-exponent];
            return negative ? -v : v;
        }
        // The grammar is checked: the text is a plain decimal that Double.parseDouble reads exactly.
        double v = Double.parseDouble(new String(buf, off, len));
        return Double.isInfinite(v) ? Double.NaN : v;
    }
}
