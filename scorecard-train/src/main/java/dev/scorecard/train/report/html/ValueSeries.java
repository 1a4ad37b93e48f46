package dev.scorecard.train.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named series with one value per category (bar charts) or per bin (histograms). A {@code NaN}
 * value is drawn as nothing.
 *
 * @param name the legend text
 * @param values the values, in category order
 */
public record ValueSeries(String name, List<Double> values) {
    /** Checks and copies the values. */
    public ValueSeries {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(Objects.requireNonNull(values, "values"));
    }

    /** @return a series of the given values */
    public static ValueSeries of(String name, double... values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return new ValueSeries(name, list);
    }
}
