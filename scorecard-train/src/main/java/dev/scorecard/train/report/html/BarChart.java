package dev.scorecard.train.report.html;

import java.util.List;
import java.util.Objects;

/**
 * Bars over categories (bins, deciles, grades), grouped when there are several bar series, with
 * optional lines on a secondary y axis at the right: "share of rows as bars, event rate as a line".
 * The bar axis always includes zero, and the zero line is drawn when values are negative (WOE).
 * Bar series are told apart by colour and fill pattern.
 *
 * @param title the chart title
 * @param xTitle the title under the categories; empty for none
 * @param categories the category labels, left to right
 * @param y the primary (left) axis, for the bars
 * @param bars the bar series, one value per category
 * @param y2 the secondary (right) axis, for the lines; drawn only when there are lines
 * @param lines the line series, one value per category, on {@code y2}
 * @param markers horizontal reference lines on the primary axis, e.g. a threshold
 */
public record BarChart(String title, String xTitle, List<String> categories, Axis y, List<ValueSeries> bars,
        Axis y2, List<ValueSeries> lines, List<Marker> markers) implements Block {
    /** Checks that every series has one value per category and that markers are horizontal. */
    public BarChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xTitle, "xTitle");
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        Objects.requireNonNull(y, "y");
        bars = List.copyOf(Objects.requireNonNull(bars, "bars"));
        Objects.requireNonNull(y2, "y2");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        markers = List.copyOf(Objects.requireNonNull(markers, "markers"));
        for (ValueSeries s : bars) {
            checkSize(title, s, categories.size());
        }
        for (ValueSeries s : lines) {
            checkSize(title, s, categories.size());
        }
        for (Marker m : markers) {
            if (m.orientation() != Marker.Orientation.HORIZONTAL) {
                throw new IllegalArgumentException("bar chart '" + title + "': marker '" + m.label()
                        + "' must be horizontal; categories have no x value");
            }
        }
    }

    private static void checkSize(String title, ValueSeries s, int categories) {
        if (s.values().size() != categories) {
            throw new IllegalArgumentException("bar chart '" + title + "': series '" + s.name() + "' has "
                    + s.values().size() + " values for " + categories + " categories");
        }
    }

    /** @return a chart of bars only */
    public static BarChart of(String title, String xTitle, List<String> categories, Axis y, List<ValueSeries> bars) {
        return new BarChart(title, xTitle, categories, y, bars, Axis.auto(""), List.of(), List.of());
    }
}
