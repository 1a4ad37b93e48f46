package dev.scorecard.train.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link BarChart} as SVG. Category labels run horizontally when they fit their band and
 * are otherwise turned 45° and shortened, showing every k-th one when the bands are too narrow;
 * each bar's tooltip carries the full category and value.
 */
final class BarChartSvg {
    private static final double MAX_LABEL = 140;
    private static final double SIN45 = Math.sqrt(0.5);
    private static final double MAX_BAR = 56;

    private BarChartSvg() {
    }

    /**
     * @param out where the {@code svg} element goes
     * @param id the chart's id, unique in the page
     */
    static void write(StringBuilder out, BarChart chart, String id) {
        int n = chart.categories().size();
        int nb = chart.bars().size();
        boolean hasLines = !chart.lines().isEmpty();
        double[] yr = range(chart.bars(), true);
        for (Marker m : chart.markers()) {
            yr[0] = Math.min(yr[0], m.value());
            yr[1] = Math.max(yr[1], m.value());
        }
        if (yr[0] == 0 && yr[1] == 0) { // nothing but zeros: show 0 to 1, not a range around 0
            yr[1] = Double.NaN;
        }
        NiceScale ys = NiceScale.of(yr[0], yr[1], chart.y().min(), chart.y().max(), 5);
        double[] y2r = range(chart.lines(), false);
        NiceScale y2s = NiceScale.of(y2r[0], y2r[1], chart.y2().min(), chart.y2().max(), 5);

        double left = PlotArea.leftFor(AxisPainter.labelWidth(ys), !chart.y().title().isEmpty());
        double rightMargin = hasLines ? 10 + AxisPainter.labelWidth(y2s) + 8
                + (chart.y2().title().isEmpty() ? 0 : PlotArea.AXIS_TITLE_ROOM) : 24;
        double band = n == 0 ? 0 : (PlotArea.WIDTH - left - rightMargin) / n;
        String[] labels = chart.categories().toArray(new String[0]);
        double maxLabel = 0;
        for (String label : labels) {
            maxLabel = Math.max(maxLabel, TextMetrics.width(label, PlotArea.TICK_FONT));
        }
        boolean rotated = n > 0 && maxLabel > band - 6;
        if (rotated) {
            maxLabel = 0;
            for (int i = 0; i < n; i++) {
                labels[i] = TextMetrics.truncate(labels[i], PlotArea.TICK_FONT, MAX_LABEL);
                maxLabel = Math.max(maxLabel, TextMetrics.width(labels[i], PlotArea.TICK_FONT));
            }
            // the first label, turned, must not run off the left edge
            double firstWidth = TextMetrics.width(labels[0], PlotArea.TICK_FONT);
            left = Math.max(left, SIN45 * firstWidth - band / 2 + 6);
            band = (PlotArea.WIDTH - left - rightMargin) / n;
        }
        int every = rotated ? (int) Math.max(1, Math.ceil(14 / (band * SIN45))) : 1;
        double labelsHeight = rotated ? SIN45 * (maxLabel + PlotArea.TICK_FONT) + 14 : 20;
        double bottomMargin = labelsHeight + (chart.xTitle().isEmpty() ? 6 : 26);

        List<Legend.Item> items = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            items.add(new Legend.Item(chart.bars().get(i).name(), Legend.Kind.BAR, i, false));
        }
        for (int j = 0; j < chart.lines().size(); j++) {
            String name = chart.lines().get(j).name();
            items.add(new Legend.Item(name.isEmpty() || nb == 0 ? name : name + " (right axis)", Legend.Kind.LINE,
                    nb + j, true));
        }
        Legend legend = new Legend(items, PlotArea.WIDTH - left - rightMargin);
        double top = 12 + legend.height() + (legend.height() > 0 ? 6 : 0);
        PlotArea area = new PlotArea(left, rightMargin, top, bottomMargin);

        SvgWriter svg = new SvgWriter(out);
        ChartShell.open(svg, id, area, chart.title(), description(chart, ys, y2s), nb);
        AxisPainter.horizontalGrid(svg, area, ys);
        svg.open("g", "clip-path", ChartShell.clipRef(id));
        double barWidth = nb == 0 ? 0 : Math.min(MAX_BAR, band * 0.8 / nb);
        for (int c = 0; c < n; c++) {
            double cx = area.left() + band * (c + 0.5);
            double x0 = cx - barWidth * nb / 2;
            for (int i = 0; i < nb; i++) {
                double v = chart.bars().get(i).values().get(c);
                if (!Double.isFinite(v)) {
                    continue;
                }
                double base = area.clampedY(ys, 0);
                double end = area.clampedY(ys, v);
                double inset = nb > 1 ? 0.5 : 0;
                svg.open("rect", "x", NumberText.coord(x0 + i * barWidth + inset), "y",
                        NumberText.coord(Math.min(base, end)), "width", NumberText.coord(barWidth - 2 * inset), "height",
                        NumberText.coord(Math.abs(base - end)), "fill", Palette.fill(id, i), "stroke", Palette.colour(i),
                        "stroke-width", "1");
                svg.text("title", tooltip(chart.categories().get(c), chart.bars().get(i).name(), v, ys));
                svg.close("rect");
            }
        }
        AxisPainter.zeroLine(svg, area, ys);
        for (int j = 0; j < chart.lines().size(); j++) {
            List<Double> values = chart.lines().get(j).values();
            double[] px = new double[n];
            double[] py = new double[n];
            for (int c = 0; c < n; c++) {
                double v = values.get(c);
                boolean ok = Double.isFinite(v);
                px[c] = ok ? area.left() + band * (c + 0.5) : Double.NaN;
                py[c] = ok ? area.y(y2s, v) : Double.NaN;
            }
            LinePainter.write(svg, px, py, nb + j, true);
        }
        svg.close("g");
        MarkerPainter.write(svg, area, null, ys, chart.markers());
        AxisPainter.left(svg, area, ys, chart.y().title());
        if (hasLines) {
            AxisPainter.right(svg, area, y2s, chart.y2().title());
        }
        AxisPainter.baseline(svg, area);
        categoryLabels(svg, area, labels, band, rotated, every);
        AxisPainter.bottomTitle(svg, area, chart.xTitle(), area.bottom() + labelsHeight + 18);
        if (n == 0) {
            AxisPainter.noData(svg, area);
        }
        legend.write(svg, left, 10, id);
        ChartShell.close(svg);
    }

    private static void categoryLabels(SvgWriter svg, PlotArea area, String[] labels, double band, boolean rotated,
            int every) {
        svg.open("g", "font-size", NumberText.coord(PlotArea.TICK_FONT), "fill", "#333", "text-anchor",
                rotated ? "end" : "middle");
        for (int c = 0; c < labels.length; c++) {
            if (c % every != 0) {
                continue;
            }
            double cx = area.left() + band * (c + 0.5);
            svg.empty("line", "x1", NumberText.coord(cx), "y1", NumberText.coord(area.bottom()), "x2",
                    NumberText.coord(cx), "y2", NumberText.coord(area.bottom() + 4), "stroke", "#555");
            if (rotated) {
                double ly = area.bottom() + 12;
                svg.text("text", labels[c], "x", NumberText.coord(cx + 3), "y", NumberText.coord(ly), "transform",
                        "rotate(-45 " + NumberText.coord(cx + 3) + " " + NumberText.coord(ly) + ")");
            } else {
                svg.text("text", labels[c], "x", NumberText.coord(cx), "y", NumberText.coord(area.bottom() + 17));
            }
        }
        svg.close("g");
    }

    private static String tooltip(String category, String series, double v, NiceScale scale) {
        return category + (series.isEmpty() ? "" : " \u2014 " + series) + ": " + NumberText.fixed(v, scale.decimals() + 2);
    }

    /** @return {min, max} of the finite values, with zero when {@code withZero}, or {NaN, NaN} */
    private static double[] range(List<ValueSeries> series, boolean withZero) {
        double min = withZero ? 0 : Double.POSITIVE_INFINITY;
        double max = withZero ? 0 : Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (ValueSeries s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    any = true;
                }
            }
        }
        return any ? new double[] {min, max} : new double[] {withZero ? 0 : Double.NaN, Double.NaN};
    }

    private static String description(BarChart chart, NiceScale ys, NiceScale y2s) {
        StringBuilder sb = new StringBuilder("Bar chart. ");
        sb.append(chart.categories().size()).append(" categories");
        if (!chart.xTitle().isEmpty()) {
            sb.append(" (").append(chart.xTitle()).append(')');
        }
        sb.append(": ").append(String.join(", ", chart.categories())).append(". ");
        sb.append(ChartText.axis("Left", chart.y().title(), ys));
        sb.append("Bars: ").append(names(chart.bars())).append('.');
        if (!chart.lines().isEmpty()) {
            sb.append(' ').append(ChartText.axis("Right", chart.y2().title(), y2s));
            sb.append("Lines: ").append(names(chart.lines())).append('.');
        }
        for (Marker m : chart.markers()) {
            sb.append(' ').append(ChartText.marker(m, ys));
        }
        return sb.toString();
    }

    private static String names(List<ValueSeries> series) {
        if (series.isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        for (ValueSeries s : series) {
            names.add(s.name().isEmpty() ? "unnamed" : s.name());
        }
        return String.join(", ", names);
    }
}
