package dev.scorecard.crm.rules;

/** Points in hundredths, written as the shortest decimal: {@code 1250} is {@code 12.5}, {@code -300} is {@code -3}. */
final class Cents {
    private Cents() {
    }

    static String format(long cents) {
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
