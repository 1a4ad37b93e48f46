package dev.scorecard.train.report.html;

import java.util.Objects;

/**
 * A labelled reference line across the plot: vertical at an x value (the KS point) or horizontal
 * at a y value (a PSI threshold). A marker outside the axis range is not drawn; on an automatic
 * axis the range is widened to include it.
 *
 * @param orientation vertical or horizontal
 * @param value where the line crosses the axis; finite
 * @param label text drawn next to the line; empty for none
 */
public record Marker(Orientation orientation, double value, String label) {
    /** Checks the arguments. */
    public Marker {
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("marker '" + label + "': value must be finite, got " + value);
        }
    }

    /** @return a vertical line at {@code x} */
    public static Marker vertical(double x, String label) {
        return new Marker(Orientation.VERTICAL, x, label);
    }

    /** @return a horizontal line at {@code y} */
    public static Marker horizontal(double y, String label) {
        return new Marker(Orientation.HORIZONTAL, y, label);
    }

    /** Which way the line runs. */
    public enum Orientation {
        /** Top to bottom, at an x value. */
        VERTICAL,
        /** Left to right, at a y value. */
        HORIZONTAL
    }
}
