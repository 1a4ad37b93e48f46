package dev.scorecard.crm.rules;

import dev.scorecard.crm.spec.Hundredths;

/** Points in hundredths, written as the shortest decimal: {@code 1250} is {@code 12.5}, {@code -300} is {@code -3}. */
final class Cents {
    private Cents() {
    }

    static String format(long cents) {
        return Hundredths.format(cents);
    }

    /** Writes {@link #format} of {@code cents} as a field, without the String. */
    static void write(dev.scorecard.train.io.CsvByteWriter w, long cents) throws java.io.IOException {
        if (cents == Long.MIN_VALUE) {
            w.field(format(cents)); // the one value without an absolute value: never a real score
        } else {
            w.hundredths(cents);
        }
    }
}
