package dev.scorecard.core.internal;

/**
 * Writes a probability fast for scored files: rounded to 15 decimal places (an absolute error under
 * 5e-16, far inside SPEC §7's 1e-9 parity), trailing zeros dropped, with plain long arithmetic, so the
 * text is the same on every JDK. The shortest round-trip form ({@link DoubleFormat}) stays for model
 * files, where exact doubles matter; here it cost more than scoring the row.
 */
public final class ProbabilityFormat {
    private static final double SCALE = 1e15;
    private static final int DECIMALS = 15;

    private ProbabilityFormat() {
    }

    /**
     * @param p a probability in [0, 1]
     * @return e.g. {@code 0.011436085174171}, {@code 0.5}, {@code 0}, {@code 1}
     */
    public static String format(double p) {
        if (!(p >= 0 && p <= 1)) {
            return DoubleFormat.format(p);
        }
        long scaled = Math.round(p * SCALE);
        if (scaled == 0) {
            return "0";
        }
        if (scaled >= (long) SCALE) {
            return "1";
        }
        char[] out = new char[2 + DECIMALS];
        out[0] = '0';
        out[1] = '.';
        int end = out.length;
        for (int i = out.length - 1; i >= 2; i--) {
            out[i] = (char) ('0' + scaled % 10);
            scaled /= 10;
        }
        while (out[end - 1] == '0') {
            end--;
        }
        return new String(out, 0, end);
    }

    /**
     * @param v a value with one meaningful decimal, such as score10
     * @return it with exactly one decimal, e.g. {@code 6.9}, {@code 10.0}
     */
    public static String oneDecimal(double v) {
        long tenths = Math.round(v * 10);
        long whole = tenths / 10;
        long frac = Math.abs(tenths % 10);
        return (tenths < 0 && whole == 0 ? "-" : "") + whole + "." + frac;
    }
}
