package dev.scorecard.crm.features;

import dev.scorecard.train.io.CsvByteWriter;
import java.io.IOException;

/**
 * One feature's state for every lead, as primitive arrays by lead index: fed events one at a time
 * (already known to be of its types, in its window and matching its property filter), then read.
 */
abstract class Slot {
    /** Events at or before this instant are outside the window (Long.MIN_VALUE: ever). */
    long from = Long.MIN_VALUE;
    /** The property slot that must match, or -1. */
    int[] whereProperty = new int[0];
    /** The code the property must have. */
    int[] whereCode = new int[0];

    /** @return true when the event passes the window and the property filter */
    final boolean admits(long time, int[] properties) {
        if (time <= from) {
            return false;
        }
        for (int k = 0; k < whereProperty.length; k++) {
            if (properties[whereProperty[k]] != whereCode[k]) {
                return false;
            }
        }
        return true;
    }

    abstract void accept(int lead, long time, double value, int[] properties);

    /** @return the lead's value as a number, NaN when missing (or for text features) */
    abstract double number(int lead);

    /** Writes the lead's value as a CSV field: empty when missing. */
    void write(int lead, CsvByteWriter out) throws IOException {
        double v = number(lead);
        if (!Double.isNaN(v)) {
            out.number(v);
        }
    }
}
