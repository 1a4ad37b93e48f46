package dev.scorecard.core.internal;

import java.nio.charset.StandardCharsets;

/**
 * Writes a probability fast for scored files: rounded to 15 decimal places (an absolute error under
 * 5e-16, far inside SPEC §7's 1e-9 parity), trailing zeros dropped, with plain long arithmetic, so the
 * text is the same on every JDK. The shortest round-trip form ({@link DoubleFormat}) stays for model
 * files, where exact doubles matter; here it cost more than scoring the row.
 */
public final class ProbabilityFormat {
    private static final double SCALE = 1e15;
    private static final int DECIMALS = 15;
    /** The longest text {@link #write} produces: {@code 0.} and 15 decimals. */
    public static final int MAX_LENGTH = 2 + DECIMALS;

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
        byte[] out = new byte[MAX_LENGTH];
        int end = write(p, out, 0);
        return new String(out, 0, end, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes {@link #format} as ASCII bytes, for writers that build rows in a byte buffer.
     *
     * @param p a probability in [0, 1]
     * @param out the buffer, with at least {@link #MAX_LENGTH} bytes free from {@code at}
     * @param at where the text starts
     * @return the index after the last byte written
     * @throws IllegalArgumentException when {@code p} is not in [0, 1]
     */
    public static int write(double p, byte[] out, int at) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("not a probability: " + p);
        }
        long scaled = Math.round(p * SCALE);
        if (scaled == 0) {
            out[at] = '0';
            return at + 1;
        }
        if (scaled >= (long) SCALE) {
            out[at] = '1';
            return at + 1;
        }
        out[at] = '0';
        out[at + 1] = '.';
        int end = at + MAX_LENGTH;
        for (int i = end - 1; i >= at + 2; i--) {
            out[i] = (byte) ('0' + scaled % 10);
            scaled /= 10;
        }
        while (out[end - 1] == '0') {
            end--;
        }
        return end;
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
