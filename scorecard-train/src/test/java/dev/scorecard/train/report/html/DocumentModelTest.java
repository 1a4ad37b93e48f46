package dev.scorecard.train.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records check their arguments with precise messages and copy their lists. */
class DocumentModelTest {
    @Test
    void sectionIdsAreAnchorsAndUnique() {
        assertThatThrownBy(() -> Section.of("1st", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("section id '1st' is not an anchor: use a letter, then letters, digits, '-' or '_'");
        assertThatThrownBy(() -> Section.of("a\"b", "x")).hasMessageContaining("'a\"b' is not an anchor");
        Section inner = Section.of("roc", "ROC");
        Section outer = new Section("perf", "Performance", "", List.of(), List.of(inner));
        assertThatThrownBy(() -> new Document("t", "", List.of(), List.of(outer, Section.of("roc", "again"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("section id 'roc' is used twice; ids must be unique in a document");
    }

    @Test
    void tableRowsMatchTheColumns() {
        assertThatThrownBy(() -> new Table("", List.of(Table.Column.left("a"), Table.Column.right("b")),
                List.of(Table.Row.of("1", "2"), Table.Row.of("3")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has 1 cells; the table has 2 columns");
        assertThatThrownBy(() -> new Table("", List.of(), List.of())).hasMessage("a table needs at least one column");
    }

    @Test
    void chartsCheckTheirShapes() {
        assertThatThrownBy(() -> BarChart.of("WOE", "", List.of("a", "b"), Axis.auto(""),
                List.of(ValueSeries.of("woe", 1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar chart 'WOE': series 'woe' has 1 values for 2 categories");
        assertThatThrownBy(() -> new BarChart("PSI", "", List.of("a"), Axis.auto(""), List.of(), Axis.auto(""),
                List.of(), List.of(Marker.vertical(1, "ks")))).hasMessage(
                "bar chart 'PSI': marker 'ks' must be horizontal; categories have no x value");
        assertThatThrownBy(() -> new Histogram("h", "", "", List.of(0.0, 1.0, 1.0), List.of()))
                .hasMessage("histogram 'h': edges must be finite and strictly increasing, got 1.0 at index 2");
        assertThatThrownBy(() -> new Histogram("h", "", "", List.of(0.0, 1.0), List.of(ValueSeries.of("a", 1, 2))))
                .hasMessage("histogram 'h': series 'a' has 2 heights for 1 bins");
        assertThatThrownBy(() -> new Histogram("h", "", "", List.of(0.0), List.of()))
                .hasMessage("histogram 'h': needs at least 2 edges, got 1");
        assertThatThrownBy(() -> LineChart.Series.of("roc", new double[2], new double[3]))
                .hasMessage("series 'roc': 2 x values but 3 y values");
        assertThatThrownBy(() -> Histogram.shares("h", "", 0, "a", new double[0], "b", new double[0]))
                .hasMessage("histogram 'h': bins must be at least 1, got 0");
    }

    @Test
    void axesAndMarkersCheckTheirValues() {
        assertThatThrownBy(() -> Axis.fixed("FPR", 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("axis 'FPR': min must be below max, got [1.0, 1.0]");
        assertThatThrownBy(() -> Axis.from("x", Double.NEGATIVE_INFINITY))
                .hasMessage("axis 'x': ends must be finite or NaN (automatic), got [-Infinity, NaN]");
        assertThatThrownBy(() -> Marker.vertical(Double.NaN, "KS")).hasMessage("marker 'KS': value must be finite, got NaN");
        assertThat(Axis.auto("x").min()).isNaN();
    }

    @Test
    void listsAreCopied() {
        List<String> cells = new ArrayList<>(List.of("a"));
        Table.Row row = new Table.Row(cells, Status.NONE);
        cells.set(0, "changed");
        assertThat(row.cells()).containsExactly("a");
        assertThatThrownBy(() -> row.cells().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sharesBinsBothSamplesOnTheSameEdges() {
        // 0..3 over about 4 bins: 3 / 4 = 0.75 -> step 1, edges 0, 1, 2, 3. The top value 3 falls in
        // the last bin. a: one value each in [0,1) and [1,2), two in [2,3]. NaN and infinity ignored.
        Histogram h = Histogram.shares("score by class", "score", 4, "a", new double[] {0, 1, 2, 3, Double.NaN},
                "b", new double[] {3, 3, Double.POSITIVE_INFINITY});
        assertThat(h.edges()).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(h.series().get(0).values()).containsExactly(0.25, 0.25, 0.5);
        assertThat(h.series().get(1).values()).containsExactly(0.0, 0.0, 1.0);
        assertThat(h.yTitle()).isEqualTo("share of group");
        Histogram empty = Histogram.shares("none", "", 10, "a", new double[0], "b", new double[] {Double.NaN});
        assertThat(empty.edges()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(empty.series().get(0).values()).allMatch(v -> v == 0);
    }
}
