package dev.scorecard.train.report.html;

import java.util.Locale;

/**
 * Formats numbers for the page with a fixed number of decimals in {@link Locale#ROOT}, so the same
 * document gives the same bytes on every machine. Negative zero prints as zero.
 */
public final class NumberText {
    private NumberText() {
    }

    /**
     * @param v a finite value
     * @param decimals how many decimals
     * @return {@code v} with exactly {@code decimals} decimals, e.g. {@code fixed(0.5, 2)} is {@code 0.50}
     */
    public static String fixed(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return isNegativeZero(s) ? s.substring(1) : s;
    }

    /** @return an SVG coordinate: at most one decimal, no trailing {@code .0} */
    static String coord(double v) {
        long tenths = Math.round(v * 10);
        if (tenths == 0) {
            return "0";
        }
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        long whole = abs / 10;
        long frac = abs % 10;
        return frac == 0 ? sign + whole : sign + whole + "." + frac;
    }

    private static boolean isNegativeZero(String s) {
        if (!s.startsWith("-")) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
