package dev.scorecard.train.report.html;

import java.util.Objects;

/**
 * A chart axis: its title and range. Either end may be fixed or, when {@code NaN}, chosen from the
 * data and rounded out to a tick.
 *
 * @param title the axis title; empty for none
 * @param min the lower end, or {@code NaN} for automatic
 * @param max the upper end, or {@code NaN} for automatic
 */
public record Axis(String title, double min, double max) {
    /** Checks that fixed ends are finite and in order. */
    public Axis {
        Objects.requireNonNull(title, "title");
        if (Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("axis '" + title + "': ends must be finite or NaN (automatic), got ["
                    + min + ", " + max + "]");
        }
        if (!Double.isNaN(min) && !Double.isNaN(max) && !(min < max)) {
            throw new IllegalArgumentException("axis '" + title + "': min must be below max, got [" + min + ", "
                    + max + "]");
        }
    }

    /** @return an axis whose range follows the data */
    public static Axis auto(String title) {
        return new Axis(title, Double.NaN, Double.NaN);
    }

    /** @return an axis from {@code min} to {@code max} whatever the data */
    public static Axis fixed(String title, double min, double max) {
        return new Axis(title, min, max);
    }

    /** @return an axis from {@code min} up to what the data needs, e.g. event rates from 0 */
    public static Axis from(String title, double min) {
        return new Axis(title, min, Double.NaN);
    }
}
