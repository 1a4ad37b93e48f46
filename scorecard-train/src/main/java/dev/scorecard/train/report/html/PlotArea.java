package dev.scorecard.train.report.html;

/**
 * The geometry of a chart: a fixed-width SVG canvas with margins around the plot rectangle, and the
 * mapping from data values to canvas coordinates. Charts are {@value #WIDTH} units wide and scale
 * to the page through their {@code viewBox}.
 */
final class PlotArea {
    /** Canvas width in SVG units. */
    static final double WIDTH = 720;
    /** Height of the plot rectangle. */
    static final double PLOT_HEIGHT = 260;
    /** Font size of tick labels. */
    static final double TICK_FONT = 11;
    /** Font size of axis titles, legend and marker labels. */
    static final double LABEL_FONT = 12;
    /** Room for a rotated axis title beside the tick labels. */
    static final double AXIS_TITLE_ROOM = 22;

    private final double left;
    private final double top;
    private final double right;
    private final double bottom;
    private final double height;

    /**
     * @param left the plot's left edge
     * @param rightMargin room to the right of the plot
     * @param top the plot's top edge
     * @param bottomMargin room under the plot
     */
    PlotArea(double left, double rightMargin, double top, double bottomMargin) {
        this.left = left;
        this.right = WIDTH - rightMargin;
        this.top = top;
        this.bottom = top + PLOT_HEIGHT;
        this.height = bottom + bottomMargin;
    }

    double left() {
        return left;
    }

    double right() {
        return right;
    }

    double top() {
        return top;
    }

    double bottom() {
        return bottom;
    }

    /** @return the canvas height */
    double height() {
        return height;
    }

    double width() {
        return right - left;
    }

    /** @return the canvas x of data value {@code v} on {@code scale} */
    double x(NiceScale scale, double v) {
        return left + scale.fraction(v) * width();
    }

    /** @return the canvas y of data value {@code v} on {@code scale} */
    double y(NiceScale scale, double v) {
        return bottom - scale.fraction(v) * PLOT_HEIGHT;
    }

    /** @return the canvas y of {@code v}, held to the plot rectangle */
    double clampedY(NiceScale scale, double v) {
        return Math.max(top, Math.min(bottom, y(scale, v)));
    }

    /** @return the left margin needed by y tick labels of {@code labelWidth} and an optional title */
    static double leftFor(double labelWidth, boolean title) {
        return 10 + (title ? AXIS_TITLE_ROOM : 0) + labelWidth + 8;
    }
}
