package dev.scorecard.crm.spec;

/**
 * Scores and points in hundredths, as the lead side's YAML writes them (at most two decimals) and its
 * CSV files show them (the shortest decimal: {@code 1250} is {@code 12.5}, {@code -300} is
 * {@code -3}). Working in whole hundredths makes every sum exact.
 */
public final class Hundredths {
    private Hundredths() {
    }

    /**
     * @param n a YAML number with at most two decimals
     * @return it in hundredths
     * @throws dev.scorecard.core.InputDataException naming the key when it has more decimals or is
     *     beyond a million
     */
    public static long read(YamlNode n) {
        double v = n.number();
        double c = v * 100;
        long r = Math.round(c);
        if (Math.abs(c - r) > 1e-6 || Math.abs(v) > 1e6) {
            throw n.error("'" + n.text() + "': points have at most two decimals (and stay within a million)");
        }
        return r;
    }

    /**
     * @param cents a value in hundredths
     * @return its shortest decimal text
     */
    public static String format(long cents) {
        long a = Math.abs(cents);
        String sign = cents < 0 ? "-" : "";
        long whole = a / 100;
        int frac = (int) (a % 100);
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + (frac % 10 == 0 ? "." + frac / 10 : frac < 10 ? ".0" + frac : "." + frac);
    }
}
