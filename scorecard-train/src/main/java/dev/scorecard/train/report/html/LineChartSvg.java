package dev.scorecard.train.report.html;

import java.util.ArrayList;
import java.util.List;

/** Draws a {@link LineChart} as SVG. */
final class LineChartSvg {
    /** Series with at most this many points show a glyph on every point. */
    static final int GLYPH_LIMIT = 30;

    private LineChartSvg() {
    }

    /**
     * @param out where the {@code svg} element goes
     * @param id the chart's id, unique in the page
     */
    static void write(StringBuilder out, LineChart chart, String id) {
        double[] xr = range(chart, true);
        double[] yr = range(chart, false);
        NiceScale xs = NiceScale.of(xr[0], xr[1], chart.x().min(), chart.x().max(), 6);
        NiceScale ys = NiceScale.of(yr[0], yr[1], chart.y().min(), chart.y().max(), 5);

        double left = PlotArea.leftFor(AxisPainter.labelWidth(ys), !chart.y().title().isEmpty());
        String[] xLabels = xs.labels();
        double rightMargin = Math.max(24, TextMetrics.width(xLabels[xLabels.length - 1], PlotArea.TICK_FONT) / 2 + 6);
        List<Legend.Item> items = new ArrayList<>();
        for (int i = 0; i < chart.series().size(); i++) {
            LineChart.Series s = chart.series().get(i);
            items.add(new Legend.Item(s.name(), Legend.Kind.LINE, i, finiteCount(s) <= GLYPH_LIMIT));
        }
        Legend legend = new Legend(items, PlotArea.WIDTH - left - rightMargin);
        double top = 12 + legend.height() + (legend.height() > 0 ? 6 : 0);
        double bottomMargin = chart.x().title().isEmpty() ? 28 : 48;
        PlotArea area = new PlotArea(left, rightMargin, top, bottomMargin);

        SvgWriter svg = new SvgWriter(out);
        ChartShell.open(svg, id, area, chart.title(), description(chart, xs, ys), 0);
        AxisPainter.horizontalGrid(svg, area, ys);
        AxisPainter.verticalGrid(svg, area, xs);
        AxisPainter.zeroLine(svg, area, ys);
        svg.open("g", "clip-path", ChartShell.clipRef(id));
        if (chart.diagonal()) {
            diagonal(svg, area, xs, ys);
        }
        for (int i = 0; i < chart.series().size(); i++) {
            LineChart.Series s = chart.series().get(i);
            int n = s.points().size();
            double[] px = new double[n];
            double[] py = new double[n];
            for (int k = 0; k < n; k++) {
                Point p = s.points().get(k);
                boolean ok = Double.isFinite(p.x()) && Double.isFinite(p.y());
                px[k] = ok ? area.x(xs, p.x()) : Double.NaN;
                py[k] = ok ? area.y(ys, p.y()) : Double.NaN;
            }
            LinePainter.write(svg, px, py, i, finiteCount(s) <= GLYPH_LIMIT);
        }
        svg.close("g");
        MarkerPainter.write(svg, area, xs, ys, chart.markers());
        AxisPainter.left(svg, area, ys, chart.y().title());
        AxisPainter.bottom(svg, area, xs, chart.x().title());
        if (totalFinite(chart) == 0) {
            AxisPainter.noData(svg, area);
        }
        legend.write(svg, left, 10, id);
        ChartShell.close(svg);
    }

    private static void diagonal(SvgWriter svg, PlotArea area, NiceScale xs, NiceScale ys) {
        double from = Math.max(xs.min(), ys.min());
        double to = Math.min(xs.max(), ys.max());
        if (!(from < to)) {
            return;
        }
        svg.empty("line", "x1", NumberText.coord(area.x(xs, from)), "y1", NumberText.coord(area.y(ys, from)), "x2",
                NumberText.coord(area.x(xs, to)), "y2", NumberText.coord(area.y(ys, to)), "stroke", "#8a8a8a",
                "stroke-width", "1.2", "stroke-dasharray", "4 4");
    }

    /** @return {min, max} of the finite data and markers along one axis, or {NaN, NaN} */
    private static double[] range(LineChart chart, boolean xAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (LineChart.Series s : chart.series()) {
            for (Point p : s.points()) {
                if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
                    double v = xAxis ? p.x() : p.y();
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        Marker.Orientation along = xAxis ? Marker.Orientation.VERTICAL : Marker.Orientation.HORIZONTAL;
        for (Marker m : chart.markers()) {
            if (m.orientation() == along) {
                min = Math.min(min, m.value());
                max = Math.max(max, m.value());
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {Double.NaN, Double.NaN};
    }

    private static int finiteCount(LineChart.Series s) {
        int n = 0;
        for (Point p : s.points()) {
            if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
                n++;
            }
        }
        return n;
    }

    private static int totalFinite(LineChart chart) {
        int n = 0;
        for (LineChart.Series s : chart.series()) {
            n += finiteCount(s);
        }
        return n;
    }

    private static String description(LineChart chart, NiceScale xs, NiceScale ys) {
        StringBuilder sb = new StringBuilder("Line chart. ");
        sb.append(ChartText.axis("x", chart.x().title(), xs)).append(ChartText.axis("y", chart.y().title(), ys));
        sb.append("Series: ");
        for (int i = 0; i < chart.series().size(); i++) {
            LineChart.Series s = chart.series().get(i);
            sb.append(i == 0 ? "" : "; ").append(s.name().isEmpty() ? "unnamed" : s.name()).append(" (")
                    .append(finiteCount(s)).append(" points)");
        }
        if (chart.series().isEmpty()) {
            sb.append("none");
        }
        sb.append('.');
        if (chart.diagonal()) {
            sb.append(" Reference line y = x.");
        }
        for (Marker m : chart.markers()) {
            sb.append(' ').append(ChartText.marker(m, m.orientation() == Marker.Orientation.VERTICAL ? xs : ys));
        }
        return sb.toString();
    }
}
