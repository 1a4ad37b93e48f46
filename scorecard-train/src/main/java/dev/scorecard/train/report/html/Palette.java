package dev.scorecard.train.report.html;

/**
 * How series look: the Okabe–Ito colour-blind-safe colours, plus a dash pattern and a point glyph
 * per line and a fill pattern per bar series, so that series stay distinct in greyscale print.
 * Styles repeat after {@link #size()} series.
 */
final class Palette {
    private static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};
    private static final String[] LIGHT = {"#CCE3F0", "#F7DFCC", "#CCECE3", "#F5E4ED", "#FAECCC", "#DDF0FB"};
    private static final String[] DASHES = {null, "8 4", "2 3", "10 3 2 3", "5 2", "1 2"};

    private Palette() {
    }

    /** @return how many series get distinct styles */
    static int size() {
        return COLOURS.length;
    }

    /** @return the stroke and fill colour of series {@code i} */
    static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    /** @return the {@code stroke-dasharray} of line series {@code i}, {@code null} for solid */
    static String dash(int i) {
        return DASHES[i % DASHES.length];
    }

    /** @return the id of the fill pattern of area series {@code i} within chart {@code chartId} */
    static String patternId(String chartId, int i) {
        return chartId + "-p" + i;
    }

    /**
     * @return the {@code fill} of area series {@code i}: the plain colour for the first series,
     *     a pattern defined by {@link #writePatterns} for the others
     */
    static String fill(String chartId, int i) {
        int k = i % COLOURS.length;
        return k == 0 ? colour(k) : "url(#" + patternId(chartId, k) + ")";
    }

    /** Writes the fill patterns of area series {@code 1..count-1} into a {@code defs} element. */
    static void writePatterns(SvgWriter svg, String chartId, int count) {
        for (int i = 1; i < Math.min(count, COLOURS.length); i++) {
            String c = colour(i);
            svg.open("pattern", "id", patternId(chartId, i), "patternUnits", "userSpaceOnUse", "width", "6",
                    "height", "6", "patternTransform", i % 2 == 1 ? "rotate(45)" : "rotate(-45)");
            svg.empty("rect", "width", "6", "height", "6", "fill", LIGHT[i]);
            switch (i % 3) {
                case 1: // diagonal stripes
                    svg.empty("rect", "width", "2.5", "height", "6", "fill", c);
                    break;
                case 2: // cross-hatch
                    svg.empty("rect", "width", "1.6", "height", "6", "fill", c);
                    svg.empty("rect", "width", "6", "height", "1.6", "fill", c);
                    break;
                default: // dots
                    svg.empty("circle", "cx", "3", "cy", "3", "r", "1.5", "fill", c);
                    break;
            }
            svg.close("pattern");
        }
    }

    /** Writes the point glyph of line series {@code i}: circle, square, triangle, diamond… */
    static void writeGlyph(SvgWriter svg, int i, double x, double y) {
        String c = colour(i);
        String cx = NumberText.coord(x);
        String cy = NumberText.coord(y);
        switch (i % 4) {
            case 0:
                svg.empty("circle", "cx", cx, "cy", cy, "r", "3.5", "fill", c, "stroke", "#fff", "stroke-width", "1");
                break;
            case 1:
                svg.empty("rect", "x", NumberText.coord(x - 3.2), "y", NumberText.coord(y - 3.2), "width", "6.4",
                        "height", "6.4", "fill", c, "stroke", "#fff", "stroke-width", "1");
                break;
            case 2:
                svg.empty("path", "d", "M" + NumberText.coord(x) + " " + NumberText.coord(y - 4.5) + "L"
                        + NumberText.coord(x + 4.2) + " " + NumberText.coord(y + 3) + "L" + NumberText.coord(x - 4.2)
                        + " " + NumberText.coord(y + 3) + "Z", "fill", c, "stroke", "#fff", "stroke-width", "1");
                break;
            default:
                svg.empty("path", "d", "M" + NumberText.coord(x) + " " + NumberText.coord(y - 4.5) + "L"
                        + NumberText.coord(x + 4.5) + " " + NumberText.coord(y) + "L" + NumberText.coord(x) + " "
                        + NumberText.coord(y + 4.5) + "L" + NumberText.coord(x - 4.5) + " " + NumberText.coord(y) + "Z",
                        "fill", c, "stroke", "#fff", "stroke-width", "1");
                break;
        }
    }
}
