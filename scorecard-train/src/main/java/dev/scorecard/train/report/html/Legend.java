package dev.scorecard.train.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The key above a chart's plot: one swatch and name per series, laid out left to right and wrapped
 * into rows that fit the plot's width. Series without a name are left out.
 */
final class Legend {
    private static final double ROW_HEIGHT = 18;
    private static final double GAP = 18;

    /** How a swatch is drawn. */
    enum Kind {
        /** A short line in the series' colour and dash pattern, with its glyph when it has one. */
        LINE,
        /** A block in the series' bar fill. */
        BAR,
        /** A translucent block with an outline in the series' dash pattern (histograms). */
        AREA
    }

    /**
     * One entry.
     *
     * @param name the series name
     * @param kind how the swatch is drawn
     * @param style the series' style index in {@link Palette}
     * @param glyph whether a line swatch shows the point glyph
     */
    record Item(String name, Kind kind, int style, boolean glyph) {
    }

    private final List<Item> items = new ArrayList<>();
    private final List<double[]> positions = new ArrayList<>();
    private final int rows;

    Legend(List<Item> all, double width) {
        double x = 0;
        int row = 0;
        for (Item item : all) {
            if (item.name().isEmpty()) {
                continue;
            }
            double room = width - swatchWidth(item.kind()) - 6;
            String name = TextMetrics.truncate(item.name(), PlotArea.LABEL_FONT, room);
            double w = swatchWidth(item.kind()) + 6 + TextMetrics.width(name, PlotArea.LABEL_FONT);
            if (x > 0 && x + w > width) {
                x = 0;
                row++;
            }
            items.add(new Item(name, item.kind(), item.style(), item.glyph()));
            positions.add(new double[] {x, row});
            x += w + GAP;
        }
        rows = items.isEmpty() ? 0 : row + 1;
    }

    /** @return the height the legend takes, 0 when empty */
    double height() {
        return rows * ROW_HEIGHT;
    }

    private static double swatchWidth(Kind kind) {
        return kind == Kind.LINE ? 26 : 16;
    }

    /** Draws the legend with its top-left corner at ({@code x0}, {@code y0}). */
    void write(SvgWriter svg, double x0, double y0, String chartId) {
        if (items.isEmpty()) {
            return;
        }
        svg.open("g", "class", "legend");
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            double x = x0 + positions.get(i)[0];
            double mid = y0 + positions.get(i)[1] * ROW_HEIGHT + ROW_HEIGHT / 2;
            String colour = Palette.colour(item.style());
            switch (item.kind()) {
                case LINE:
                    svg.empty("line", "x1", NumberText.coord(x), "y1", NumberText.coord(mid), "x2",
                            NumberText.coord(x + 26), "y2", NumberText.coord(mid), "stroke", colour, "stroke-width", "2.2",
                            "stroke-dasharray", Palette.dash(item.style()));
                    if (item.glyph()) {
                        Palette.writeGlyph(svg, item.style(), x + 13, mid);
                    }
                    break;
                case BAR:
                    svg.empty("rect", "x", NumberText.coord(x), "y", NumberText.coord(mid - 6), "width", "16", "height",
                            "12", "fill", Palette.fill(chartId, item.style()), "stroke", colour, "stroke-width", "1");
                    break;
                default:
                    svg.empty("rect", "x", NumberText.coord(x), "y", NumberText.coord(mid - 6), "width", "16", "height",
                            "12", "fill", Palette.fill(chartId, item.style()), "fill-opacity",
                            HistogramSvg.fillOpacity(item.style()), "stroke", colour, "stroke-width", "1.5",
                            "stroke-dasharray", Palette.dash(item.style()));
                    break;
            }
            svg.text("text", item.name(), "x", NumberText.coord(x + swatchWidth(item.kind()) + 6), "y",
                    NumberText.coord(mid + 4), "font-size", NumberText.coord(PlotArea.LABEL_FONT));
        }
        svg.close("g");
    }
}
