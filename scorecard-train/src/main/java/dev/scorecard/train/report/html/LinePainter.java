package dev.scorecard.train.report.html;

/**
 * Draws one line series from canvas coordinates: a path in the series' colour and dash pattern,
 * broken where a coordinate is {@code NaN}, with point glyphs on request and always on isolated
 * points (which a path alone would not show). Consecutive points on the same canvas position are
 * drawn once.
 */
final class LinePainter {
    private LinePainter() {
    }

    /**
     * @param px canvas x per point, {@code NaN} for a gap
     * @param py canvas y per point, {@code NaN} for a gap
     * @param style the series' style index in {@link Palette}
     * @param glyphs whether to mark every point
     */
    static void write(SvgWriter svg, double[] px, double[] py, int style, boolean glyphs) {
        StringBuilder d = new StringBuilder();
        StringBuilder run = new StringBuilder();
        int distinct = 0;
        String last = null;
        for (int i = 0; i <= px.length; i++) {
            boolean ok = i < px.length && !Double.isNaN(px[i]) && !Double.isNaN(py[i]);
            if (ok) {
                String xy = NumberText.coord(px[i]) + " " + NumberText.coord(py[i]);
                if (!xy.equals(last)) {
                    run.append(distinct == 0 ? "M" : " L").append(xy);
                    distinct++;
                }
                last = xy;
            } else {
                if (distinct >= 2) { // a run of one point has no line; its glyph shows it
                    d.append(d.length() == 0 ? "" : " ").append(run);
                }
                run.setLength(0);
                distinct = 0;
                last = null;
            }
        }
        if (d.length() > 0) {
            svg.empty("path", "d", d.toString(), "fill", "none", "stroke", Palette.colour(style), "stroke-width", "2.2",
                    "stroke-linejoin", "round", "stroke-linecap", "round", "stroke-dasharray", Palette.dash(style));
        }
        for (int i = 0; i < px.length; i++) {
            if (Double.isNaN(px[i]) || Double.isNaN(py[i])) {
                continue;
            }
            boolean isolated = (i == 0 || Double.isNaN(px[i - 1]) || Double.isNaN(py[i - 1]))
                    && (i == px.length - 1 || Double.isNaN(px[i + 1]) || Double.isNaN(py[i + 1]));
            if (glyphs || isolated) {
                Palette.writeGlyph(svg, style, px[i], py[i]);
            }
        }
    }
}
