package dev.scorecard.train.report.html;

/**
 * The root of a chart's SVG: a {@code viewBox} so it scales, {@code role="img"} with a
 * {@code title} and a {@code desc} for screen readers, and the shared definitions (a clip path for
 * the plot rectangle and the bar fill patterns).
 */
final class ChartShell {
    private ChartShell() {
    }

    /**
     * Opens the {@code svg} element.
     *
     * @param id the chart's id, unique in the page; prefixes every id inside
     * @param patterns how many fill patterns to define
     */
    static void open(SvgWriter svg, String id, PlotArea area, String title, String description, int patterns) {
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + NumberText.coord(PlotArea.WIDTH)
                + " " + NumberText.coord(area.height()), "role", "img", "aria-labelledby", id + "-t " + id + "-d",
                "preserveAspectRatio", "xMidYMid meet");
        svg.text("title", title, "id", id + "-t");
        svg.text("desc", description, "id", id + "-d");
        svg.open("defs");
        svg.open("clipPath", "id", clipId(id));
        svg.empty("rect", "x", NumberText.coord(area.left() - 5), "y", NumberText.coord(area.top() - 5), "width",
                NumberText.coord(area.width() + 10), "height", NumberText.coord(PlotArea.PLOT_HEIGHT + 10));
        svg.close("clipPath");
        Palette.writePatterns(svg, id, patterns);
        svg.close("defs");
    }

    /** @return the id of the clip path of the plot rectangle (padded for point glyphs) */
    static String clipId(String id) {
        return id + "-clip";
    }

    /** @return a {@code clip-path} attribute value for the plot rectangle */
    static String clipRef(String id) {
        return "url(#" + clipId(id) + ")";
    }

    /** Closes the {@code svg} element. */
    static void close(SvgWriter svg) {
        svg.close("svg");
    }
}
