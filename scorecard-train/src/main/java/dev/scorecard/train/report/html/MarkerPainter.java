package dev.scorecard.train.report.html;

import java.util.List;

/**
 * Draws labelled reference lines across the plot. Labels get a white halo so they stay readable
 * over lines and grid.
 */
final class MarkerPainter {
    private MarkerPainter() {
    }

    /**
     * @param x the numeric x scale, or {@code null} on a categorical axis (vertical markers skipped)
     * @param y the y scale of horizontal markers
     */
    static void write(SvgWriter svg, PlotArea area, NiceScale x, NiceScale y, List<Marker> markers) {
        for (Marker m : markers) {
            if (m.orientation() == Marker.Orientation.VERTICAL) {
                if (x == null || !x.contains(m.value())) {
                    continue;
                }
                double px = area.x(x, m.value());
                svg.empty("line", "x1", NumberText.coord(px), "y1", NumberText.coord(area.top()), "x2",
                        NumberText.coord(px), "y2", NumberText.coord(area.bottom()), "stroke", "#222", "stroke-width",
                        "1.3", "stroke-dasharray", "6 3");
                boolean leftSide = px > (area.left() + area.right()) / 2;
                double room = leftSide ? px - area.left() - 8 : area.right() - px - 8;
                label(svg, m.label(), leftSide ? px - 5 : px + 5, area.top() + 14, leftSide ? "end" : "start", room);
            } else {
                if (!y.contains(m.value())) {
                    continue;
                }
                double py = area.y(y, m.value());
                svg.empty("line", "x1", NumberText.coord(area.left()), "y1", NumberText.coord(py), "x2",
                        NumberText.coord(area.right()), "y2", NumberText.coord(py), "stroke", "#222", "stroke-width",
                        "1.3", "stroke-dasharray", "6 3");
                double ly = py - area.top() < 18 ? py + 15 : py - 5;
                label(svg, m.label(), area.right() - 5, ly, "end", area.width() - 10);
            }
        }
    }

    private static void label(SvgWriter svg, String text, double x, double y, String anchor, double room) {
        if (text.isEmpty()) {
            return;
        }
        svg.text("text", TextMetrics.truncate(text, PlotArea.LABEL_FONT, room), "x", NumberText.coord(x), "y",
                NumberText.coord(y), "text-anchor", anchor, "font-size", NumberText.coord(PlotArea.LABEL_FONT),
                "font-weight", "600", "fill", "#111", "stroke", "#fff", "stroke-width", "4", "stroke-linejoin",
                "round", "paint-order", "stroke");
    }
}
