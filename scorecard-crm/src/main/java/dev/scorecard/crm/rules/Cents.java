package dev.scorecard.crm.rules;

import dev.scorecard.crm.spec.Hundredths;

/** Points in hundredths, written as the shortest decimal: {@code 1250} is {@code 12.5}, {@code -300} is {@code -3}. */
final class Cents {
    private Cents() {
    }

    static String format(long cents) {
        return Hundredths.format(cents);
    }
}
