package dev.scorecard.train.report.html;

/** Draws a chart's axes: grid lines, tick marks and labels, axis titles and the zero line. */
final class AxisPainter {
    private static final String GRID = "#e4e4e4";
    private static final String AXIS = "#555";
    private static final String TEXT = "#333";

    private AxisPainter() {
    }

    /** @return the widest tick label of {@code scale}, estimated */
    static double labelWidth(NiceScale scale) {
        double w = 0;
        for (String label : scale.labels()) {
            w = Math.max(w, TextMetrics.width(label, PlotArea.TICK_FONT));
        }
        return w;
    }

    /** Draws horizontal grid lines at the ticks of the left axis. */
    static void horizontalGrid(SvgWriter svg, PlotArea area, NiceScale y) {
        for (double t : y.ticks()) {
            String py = NumberText.coord(area.y(y, t));
            svg.empty("line", "x1", NumberText.coord(area.left()), "y1", py, "x2", NumberText.coord(area.right()), "y2",
                    py, "stroke", GRID, "stroke-width", "1");
        }
    }

    /** Draws vertical grid lines at the ticks of a numeric x axis. */
    static void verticalGrid(SvgWriter svg, PlotArea area, NiceScale x) {
        for (double t : x.ticks()) {
            String px = NumberText.coord(area.x(x, t));
            svg.empty("line", "x1", px, "y1", NumberText.coord(area.top()), "x2", px, "y2",
                    NumberText.coord(area.bottom()), "stroke", GRID, "stroke-width", "1");
        }
    }

    /** Draws the left axis line, its tick labels and its rotated title. */
    static void left(SvgWriter svg, PlotArea area, NiceScale y, String title) {
        String[] labels = y.labels();
        double[] ticks = y.ticks();
        svg.open("g", "font-size", NumberText.coord(PlotArea.TICK_FONT), "fill", TEXT, "text-anchor", "end");
        for (int i = 0; i < ticks.length; i++) {
            double py = area.y(y, ticks[i]);
            svg.empty("line", "x1", NumberText.coord(area.left() - 4), "y1", NumberText.coord(py), "x2",
                    NumberText.coord(area.left()), "y2", NumberText.coord(py), "stroke", AXIS);
            svg.text("text", labels[i], "x", NumberText.coord(area.left() - 7), "y", NumberText.coord(py + 4));
        }
        svg.close("g");
        svg.empty("line", "x1", NumberText.coord(area.left()), "y1", NumberText.coord(area.top()), "x2",
                NumberText.coord(area.left()), "y2", NumberText.coord(area.bottom()), "stroke", AXIS);
        if (!title.isEmpty()) {
            rotatedTitle(svg, title, 16, (area.top() + area.bottom()) / 2, -90, area);
        }
    }

    /** Draws the right (secondary) axis line, its tick labels and its rotated title. */
    static void right(SvgWriter svg, PlotArea area, NiceScale y2, String title) {
        String[] labels = y2.labels();
        double[] ticks = y2.ticks();
        svg.open("g", "font-size", NumberText.coord(PlotArea.TICK_FONT), "fill", TEXT, "text-anchor", "start");
        for (int i = 0; i < ticks.length; i++) {
            double py = area.y(y2, ticks[i]);
            svg.empty("line", "x1", NumberText.coord(area.right()), "y1", NumberText.coord(py), "x2",
                    NumberText.coord(area.right() + 4), "y2", NumberText.coord(py), "stroke", AXIS);
            svg.text("text", labels[i], "x", NumberText.coord(area.right() + 7), "y", NumberText.coord(py + 4));
        }
        svg.close("g");
        svg.empty("line", "x1", NumberText.coord(area.right()), "y1", NumberText.coord(area.top()), "x2",
                NumberText.coord(area.right()), "y2", NumberText.coord(area.bottom()), "stroke", AXIS);
        if (!title.isEmpty()) {
            rotatedTitle(svg, title, PlotArea.WIDTH - 16, (area.top() + area.bottom()) / 2, 90, area);
        }
    }

    private static void rotatedTitle(SvgWriter svg, String title, double x, double y, int angle, PlotArea area) {
        String text = TextMetrics.truncate(title, PlotArea.LABEL_FONT, area.bottom() - area.top() + 20);
        svg.text("text", text, "x", NumberText.coord(x), "y", NumberText.coord(y), "transform", "rotate(" + angle + " "
                + NumberText.coord(x) + " " + NumberText.coord(y) + ")", "text-anchor", "middle", "font-size",
                NumberText.coord(PlotArea.LABEL_FONT), "font-weight", "600", "fill", TEXT);
    }

    /** Draws the bottom axis line of a numeric x axis, its tick labels and its title. */
    static void bottom(SvgWriter svg, PlotArea area, NiceScale x, String title) {
        String[] labels = x.labels();
        double[] ticks = x.ticks();
        svg.open("g", "font-size", NumberText.coord(PlotArea.TICK_FONT), "fill", TEXT, "text-anchor", "middle");
        for (int i = 0; i < ticks.length; i++) {
            double px = area.x(x, ticks[i]);
            svg.empty("line", "x1", NumberText.coord(px), "y1", NumberText.coord(area.bottom()), "x2",
                    NumberText.coord(px), "y2", NumberText.coord(area.bottom() + 4), "stroke", AXIS);
            svg.text("text", labels[i], "x", NumberText.coord(px), "y", NumberText.coord(area.bottom() + 17));
        }
        svg.close("g");
        baseline(svg, area);
        bottomTitle(svg, area, title, area.bottom() + 38);
    }

    /** Draws the bottom axis line. */
    static void baseline(SvgWriter svg, PlotArea area) {
        svg.empty("line", "x1", NumberText.coord(area.left()), "y1", NumberText.coord(area.bottom()), "x2",
                NumberText.coord(area.right()), "y2", NumberText.coord(area.bottom()), "stroke", AXIS);
    }

    /** Draws the x axis title centred under the plot at baseline {@code y}. */
    static void bottomTitle(SvgWriter svg, PlotArea area, String title, double y) {
        if (title.isEmpty()) {
            return;
        }
        String text = TextMetrics.truncate(title, PlotArea.LABEL_FONT, area.width());
        svg.text("text", text, "x", NumberText.coord((area.left() + area.right()) / 2), "y", NumberText.coord(y),
                "text-anchor", "middle", "font-size", NumberText.coord(PlotArea.LABEL_FONT), "font-weight", "600",
                "fill", TEXT);
    }

    /** Draws a darker line at zero when zero lies strictly inside the scale. */
    static void zeroLine(SvgWriter svg, PlotArea area, NiceScale y) {
        if (y.min() < 0 && y.max() > 0) {
            String py = NumberText.coord(area.y(y, 0));
            svg.empty("line", "x1", NumberText.coord(area.left()), "y1", py, "x2", NumberText.coord(area.right()), "y2",
                    py, "stroke", "#222", "stroke-width", "1.3");
        }
    }

    /** Writes "no data" in the middle of an empty plot. */
    static void noData(SvgWriter svg, PlotArea area) {
        svg.text("text", "no data", "x", NumberText.coord((area.left() + area.right()) / 2), "y",
                NumberText.coord((area.top() + area.bottom()) / 2), "text-anchor", "middle", "font-size", "14",
                "fill", "#777");
    }
}
