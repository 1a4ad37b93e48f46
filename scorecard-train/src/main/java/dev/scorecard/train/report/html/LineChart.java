package dev.scorecard.train.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A chart of one or more lines over a numeric x axis: ROC, KS curves, gains, calibration, a metric
 * over time. Series are told apart by colour, dash pattern and point glyph, so they survive
 * greyscale printing.
 *
 * @param title the chart title
 * @param x the x axis
 * @param y the y axis
 * @param series the lines, drawn in order
 * @param diagonal whether to draw the reference line {@code y = x} (ROC, gains, calibration)
 * @param markers labelled reference lines, e.g. the KS point
 */
public record LineChart(String title, Axis x, Axis y, List<Series> series, boolean diagonal, List<Marker> markers)
        implements Block {
    /** Checks and copies the arguments. */
    public LineChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        series = List.copyOf(Objects.requireNonNull(series, "series"));
        markers = List.copyOf(Objects.requireNonNull(markers, "markers"));
    }

    /** @return a chart without reference lines */
    public static LineChart of(String title, Axis x, Axis y, List<Series> series) {
        return new LineChart(title, x, y, series, false, List.of());
    }

    /**
     * One line.
     *
     * @param name the legend text
     * @param points the points, joined in order
     */
    public record Series(String name, List<Point> points) {
        /** Checks and copies the points. */
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(Objects.requireNonNull(points, "points"));
        }

        /**
         * @param xs the x values
         * @param ys the y values, as many as {@code xs}
         * @return the series of the points {@code (xs[i], ys[i])}
         */
        public static Series of(String name, double[] xs, double[] ys) {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("series '" + name + "': " + xs.length + " x values but "
                        + ys.length + " y values");
            }
            List<Point> points = new ArrayList<>(xs.length);
            for (int i = 0; i < xs.length; i++) {
                points.add(new Point(xs[i], ys[i]));
            }
            return new Series(name, points);
        }
    }
}
