package dev.scorecard.train.report.html;

import static dev.scorecard.train.report.html.HtmlRendererTest.all;
import static dev.scorecard.train.report.html.HtmlRendererTest.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What each chart draws, read from its SVG. */
class ChartSvgTest {
    private static final String ZERO_LINE = "stroke=\"#222\" stroke-width=\"1.3\"/>";

    private static String line(LineChart chart) {
        StringBuilder sb = new StringBuilder();
        LineChartSvg.write(sb, chart, "_c1");
        return sb.toString();
    }

    private static String bar(BarChart chart) {
        StringBuilder sb = new StringBuilder();
        BarChartSvg.write(sb, chart, "_c1");
        return sb.toString();
    }

    private static String histogram(Histogram chart) {
        StringBuilder sb = new StringBuilder();
        HistogramSvg.write(sb, chart, "_c1");
        return sb.toString();
    }

    @Test
    void chartsScaleAndDescribeThemselves() {
        String svg = line(LineChart.of("ROC", Axis.fixed("FPR", 0, 1), Axis.fixed("TPR", 0, 1),
                List.of(LineChart.Series.of("train", new double[] {0, 0.5, 1}, new double[] {0, 0.8, 1}))));
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 ")
                .contains("role=\"img\" aria-labelledby=\"_c1-t _c1-d\"", "<title id=\"_c1-t\">ROC</title>",
                        "<desc id=\"_c1-d\">Line chart. x axis: FPR, 0.0 to 1.0. y axis: TPR, 0.0 to 1.0. "
                                + "Series: train (3 points).</desc>")
                .endsWith("</svg>\n");
        // Ticks at 0, 0.2, ... 1 on both axes, labelled with one decimal; axis titles present.
        assertThat(count(svg, ">0.4</text>")).isEqualTo(2);
        assertThat(svg).contains(">FPR</text>", ">TPR</text>", ">train</text>");
    }

    @Test
    void nanAndInfinityBreakTheLineAndIsolatedPointsGetAGlyph() {
        List<Point> points = List.of(new Point(0, 0), new Point(1, 1), new Point(2, Double.NaN), new Point(3, 3),
                new Point(4, 4), new Point(Double.POSITIVE_INFINITY, 5), new Point(6, 6));
        // 300 points: too many for glyphs, so only the isolated last point (6, 6) gets one.
        List<Point> many = new java.util.ArrayList<>(points);
        for (int i = 0; i < 300; i++) {
            many.add(1, new Point(0.5, 0.5));
        }
        String svg = line(LineChart.of("gaps", Axis.auto(""), Axis.auto(""), List.of(new LineChart.Series("s", many))));
        String d = all(svg, "<path d=\"(M[^\"]*)\" fill=\"none\"").get(0);
        assertThat(d.split("M")).hasSize(3); // two lines: (0,0)-(1,1) and (3,3)-(4,4); (6,6) stands alone
        assertThat(count(svg, "<circle ")).isEqualTo(1);
        assertThat(d).doesNotContain("NaN", "Infinity");
    }

    @Test
    void degenerateLineChartsDrawWithoutData() {
        String empty = line(LineChart.of("empty", Axis.auto("x"), Axis.auto("y"),
                List.of(new LineChart.Series("nothing", List.of()))));
        assertThat(empty).contains(">no data</text>", ">0.0</text>", ">1.0</text>").doesNotContain("<path d=\"M");
        String single = line(LineChart.of("one", Axis.auto(""), Axis.auto(""),
                List.of(LineChart.Series.of("p", new double[] {5}, new double[] {5}))));
        assertThat(single).doesNotContain("no data").contains("<circle ");
    }

    @Test
    void diagonalAndKsMarker() {
        String svg = line(new LineChart("KS", Axis.fixed("", 0, 1), Axis.fixed("", 0, 1), List.of(), true,
                List.of(Marker.vertical(0.3, "KS 0.41 <at> 612"))));
        assertThat(svg).contains("stroke-dasharray=\"4 4\"", ">KS 0.41 &lt;at&gt; 612</text>",
                "Marker at x = 0.300: KS 0.41 &lt;at&gt; 612.");
        // Without the flag, no diagonal; a marker beyond a fixed range is not drawn.
        String plain = line(new LineChart("KS", Axis.fixed("", 0, 1), Axis.fixed("", 0, 1), List.of(), false,
                List.of(Marker.vertical(2, "outside"))));
        assertThat(plain).doesNotContain("stroke-dasharray=\"4 4\"", ">outside</text>");
    }

    @Test
    void negativeBarsGetTheZeroLine() {
        List<String> bins = List.of("low", "mid", "high");
        String woe = bar(BarChart.of("WOE", "bin", bins, Axis.auto("WOE"), List.of(ValueSeries.of("WOE", -0.4, 0.1, 0.7))));
        assertThat(count(woe, ZERO_LINE)).isEqualTo(1);
        assertThat(woe).contains(">-0.4</text>", ">0.0</text>", "<title>low \u2014 WOE: -0.400</title>");
        String shares = bar(BarChart.of("share", "bin", bins, Axis.auto(""), List.of(ValueSeries.of("s", 0.2, 0.5, 0.3))));
        assertThat(count(shares, ZERO_LINE)).isZero(); // zero is the bottom axis
        assertThat(shares).contains(">0.0</text>"); // bars start at zero even though the data starts at 0.2
    }

    @Test
    void linesGoOnTheRightAxis() {
        String svg = bar(new BarChart("duration", "bin", List.of("a", "b"), Axis.from("share of rows", 0),
                List.of(ValueSeries.of("share", 0.4, 0.6)), Axis.from("event rate", 0),
                List.of(ValueSeries.of("event rate", 0.1, Double.NaN)), List.of(Marker.horizontal(0.5, "half"))));
        assertThat(svg).contains(">event rate (right axis)</text>", ">event rate</text>", ">half</text>",
                "Right axis: event rate, 0.00 to 0.10. Lines: event rate.");
        // The NaN leaves the line with one isolated point, drawn as the line's glyph (a square).
        assertThat(svg).doesNotContain("<path d=\"M").contains("width=\"6.4\" height=\"6.4\" fill=\"#D55E00\"");
    }

    @Test
    void longCategoriesTurnAndShorten() {
        List<String> cats = List.of("domestic appliances, repairs, education, retraining", "b", "c", "d", "e", "f");
        String svg = bar(BarChart.of("purpose", "", cats, Axis.auto(""), List.of(ValueSeries.of("", 1, 2, 3, 4, 5, 6))));
        assertThat(svg).contains("transform=\"rotate(-45 ", "\u2026</text>",
                "<title>domestic appliances, repairs, education, retraining: 1.00</title>");
        String many = bar(BarChart.of("many", "", java.util.Collections.nCopies(200, "category"), Axis.auto(""),
                List.of(ValueSeries.of("", new double[200]))));
        assertThat(count(many, ">category</text>")).isLessThan(200).isGreaterThan(10);
    }

    @Test
    void barSeriesUsePatternsThatAreDefined() {
        String svg = bar(BarChart.of("mix", "", List.of("a"), Axis.auto(""), List.of(ValueSeries.of("A", 1),
                ValueSeries.of("B", 1), ValueSeries.of("C", 1), ValueSeries.of("D", 1), ValueSeries.of("E", 1),
                ValueSeries.of("F", 1), ValueSeries.of("G", 1), ValueSeries.of("H", 1))));
        List<String> defined = all(svg, "<pattern id=\"([^\"]+)\"");
        assertThat(defined).containsExactly("_c1-p1", "_c1-p2", "_c1-p3", "_c1-p4", "_c1-p5");
        assertThat(all(svg, "url\\(#(_c1-p\\d)\\)")).allMatch(defined::contains);
    }

    @Test
    void histogramOverlaysAreasAndOutlines() {
        Histogram h = new Histogram("score by class", "score", "share", List.of(300.0, 400.0, 500.0, 600.0),
                List.of(ValueSeries.of("goods", 0.2, 0.5, 0.3), ValueSeries.of("bads", 0.6, Double.NaN, 0.1)));
        String svg = histogram(h);
        assertThat(svg).contains("fill=\"#0072B2\" fill-opacity=\"0.35\"", "fill=\"url(#_c1-p1)\" fill-opacity=\"0.6\"",
                ">goods</text>", ">bads</text>", ">300</text>", ">600</text>",
                "Histogram of 2 overlaid distributions over 3 bins.");
        // The NaN splits the second series into two closed areas.
        assertThat(all(svg, "<path d=\"([^\"]*)\" fill=\"url")).singleElement()
                .satisfies(d -> assertThat(count(d, "Z")).isEqualTo(2));
    }
}
