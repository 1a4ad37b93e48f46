package dev.scorecard.train.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Histogram} as SVG: each series as a translucent step area (the first filled, the
 * others hatched) under an outline in the series' colour and dash pattern, so overlapping
 * distributions stay distinct in colour and in greyscale.
 */
final class HistogramSvg {
    private HistogramSvg() {
    }

    /** @return the fill opacity of series {@code style} */
    static String fillOpacity(int style) {
        return style % Palette.size() == 0 ? "0.35" : "0.6";
    }

    /**
     * @param out where the {@code svg} element goes
     * @param id the chart's id, unique in the page
     */
    static void write(StringBuilder out, Histogram chart, String id) {
        List<Double> edges = chart.edges();
        double first = edges.get(0);
        double last = edges.get(edges.size() - 1);
        NiceScale xs = NiceScale.of(first, last, first, last, 6);
        double max = 0;
        double min = 0;
        for (ValueSeries s : chart.series()) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        NiceScale ys = NiceScale.of(min, max == min ? Double.NaN : max, Double.NaN, Double.NaN, 5);

        double left = PlotArea.leftFor(AxisPainter.labelWidth(ys), !chart.yTitle().isEmpty());
        String[] xLabels = xs.labels();
        double rightMargin = Math.max(24, TextMetrics.width(xLabels[xLabels.length - 1], PlotArea.TICK_FONT) / 2 + 6);
        List<Legend.Item> items = new ArrayList<>();
        for (int i = 0; i < chart.series().size(); i++) {
            items.add(new Legend.Item(chart.series().get(i).name(), Legend.Kind.AREA, i, false));
        }
        Legend legend = new Legend(items, PlotArea.WIDTH - left - rightMargin);
        double top = 12 + legend.height() + (legend.height() > 0 ? 6 : 0);
        PlotArea area = new PlotArea(left, rightMargin, top, chart.xTitle().isEmpty() ? 28 : 48);

        SvgWriter svg = new SvgWriter(out);
        ChartShell.open(svg, id, area, chart.title(), description(chart, xs, ys), chart.series().size());
        AxisPainter.horizontalGrid(svg, area, ys);
        svg.open("g", "clip-path", ChartShell.clipRef(id));
        for (int i = 0; i < chart.series().size(); i++) {
            String d = outline(area, xs, ys, edges, chart.series().get(i).values());
            if (!d.isEmpty()) {
                svg.empty("path", "d", d, "fill", Palette.fill(id, i), "fill-opacity", fillOpacity(i), "stroke", "none");
            }
        }
        for (int i = 0; i < chart.series().size(); i++) {
            String d = outline(area, xs, ys, edges, chart.series().get(i).values());
            if (!d.isEmpty()) {
                svg.empty("path", "d", d, "fill", "none", "stroke", Palette.colour(i), "stroke-width", "1.8",
                        "stroke-dasharray", Palette.dash(i));
            }
        }
        AxisPainter.zeroLine(svg, area, ys);
        svg.close("g");
        AxisPainter.left(svg, area, ys, chart.yTitle());
        AxisPainter.bottom(svg, area, xs, chart.xTitle());
        legend.write(svg, left, 10, id);
        ChartShell.close(svg);
    }

    /**
     * @return the step outline of one series from the zero line up and back, one closed run per
     *     stretch of finite heights; used both to fill (no seams between bins) and to stroke
     */
    private static String outline(PlotArea area, NiceScale xs, NiceScale ys, List<Double> edges, List<Double> heights) {
        StringBuilder d = new StringBuilder();
        String base = NumberText.coord(area.clampedY(ys, 0));
        boolean open = false;
        for (int b = 0; b <= heights.size(); b++) {
            boolean ok = b < heights.size() && Double.isFinite(heights.get(b));
            if (ok) {
                if (!open) {
                    d.append(d.length() == 0 ? "" : " ").append('M')
                            .append(NumberText.coord(area.x(xs, edges.get(b)))).append(' ').append(base);
                    open = true;
                }
                d.append(" V").append(NumberText.coord(area.clampedY(ys, heights.get(b)))).append(" H")
                        .append(NumberText.coord(area.x(xs, edges.get(b + 1))));
            } else if (open) {
                d.append(" V").append(base).append(" Z");
                open = false;
            }
        }
        return d.toString();
    }

    private static String description(Histogram chart, NiceScale xs, NiceScale ys) {
        StringBuilder sb = new StringBuilder("Histogram of ").append(chart.series().size())
                .append(" overlaid distributions over ").append(chart.edges().size() - 1).append(" bins. ");
        sb.append(ChartText.axis("x", chart.xTitle(), xs)).append(ChartText.axis("y", chart.yTitle(), ys));
        sb.append("Series: ");
        for (int i = 0; i < chart.series().size(); i++) {
            String name = chart.series().get(i).name();
            sb.append(i == 0 ? "" : ", ").append(name.isEmpty() ? "unnamed" : name);
        }
        if (chart.series().isEmpty()) {
            sb.append("none");
        }
        return sb.append('.').toString();
    }
}
