package dev.scorecard.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Row subsetting of numeric and categorical columns and of the target. */
class ColumnSelectTest {
    private static final int M = CategoricalColumn.MISSING;

    @Test
    void numericColumnPicksRowsInTheOrderGiven() {
        NumericColumn c = NumericColumn.of("age", new double[] {10, Double.NaN, -0.0, 40});
        NumericColumn picked = c.select(new int[] {3, 0, 2, 1, 3});
        assertThat(picked.name()).isEqualTo("age");
        assertThat(picked.copyValues()).containsExactly(40, 10, -0.0, Double.NaN, 40);
        assertThat(Double.doubleToRawLongBits(picked.value(2))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(picked.missingCount()).isEqualTo(1);
        assertThat(c.copyValues()).containsExactly(10, Double.NaN, -0.0, 40);
    }

    @Test
    void categoricalColumnKeepsLevelsAndCodes() {
        CategoricalColumn c = CategoricalColumn.of("city", new int[] {0, 1, M, 2, 1}, List.of("a", "b", "c"));
        CategoricalColumn picked = c.select(new int[] {4, 2, 0});
        assertThat(picked.name()).isEqualTo("city");
        // Level "c" is held by no picked row and stays, so codes mean the same in both halves of a split.
        assertThat(picked.levels()).containsExactly("a", "b", "c");
        assertThat(new int[] {picked.code(0), picked.code(1), picked.code(2)}).containsExactly(1, M, 0);
        assertThat(picked.level(1)).isNull();
        assertThat(picked.isMissing(1)).isTrue();
    }

    @Test
    void selectThroughTheInterfaceKeepsTheKind() {
        Column numeric = NumericColumn.of("x", new double[] {1, 2});
        Column categorical = CategoricalColumn.of("y", new int[] {0, 0}, List.of("a"));
        assertThat(numeric.select(new int[] {1})).isInstanceOf(NumericColumn.class);
        assertThat(categorical.select(new int[] {1})).isInstanceOf(CategoricalColumn.class);
    }

    @Test
    void emptySelectionGivesAnEmptyColumn() {
        assertThat(NumericColumn.of("x", new double[] {1, 2}).select(new int[0]).size()).isZero();
        CategoricalColumn empty = CategoricalColumn.of("y", new int[] {0}, List.of("a")).select(new int[0]);
        assertThat(empty.size()).isZero();
        assertThat(empty.levels()).containsExactly("a");
    }

    @Test
    void targetPicksRowsAndRecountsEvents() {
        BinaryTarget t = BinaryTarget.of("bad", "yes", new byte[] {1, 0, 0, 1, 0});
        BinaryTarget picked = t.select(new int[] {0, 3, 3, 1});
        assertThat(picked.name()).isEqualTo("bad");
        assertThat(picked.eventLabel()).isEqualTo("yes");
        assertThat(picked.size()).isEqualTo(4);
        assertThat(picked.eventCount()).isEqualTo(3);
        assertThat(picked.nonEventCount()).isEqualTo(1);
        assertThat(picked.isEvent(3)).isFalse();
        assertThat(t.eventCount()).isEqualTo(2);
    }

    @Test
    void badIndicesAreNamedWithTheirPosition() {
        NumericColumn n = NumericColumn.of("age", new double[] {1, 2, 3});
        assertThatThrownBy(() -> n.select(new int[] {0, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'age': row index 3 at position 1 is out of range for 3 rows");
        assertThatThrownBy(() -> n.select(new int[] {-1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'age': row index -1 at position 0 is out of range for 3 rows");
        CategoricalColumn c = CategoricalColumn.of("city", new int[] {0}, List.of("a"));
        assertThatThrownBy(() -> c.select(new int[] {0, 0, 7}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'city': row index 7 at position 2 is out of range for 1 rows");
        BinaryTarget t = BinaryTarget.of("bad", "1", new byte[] {1, 0});
        assertThatThrownBy(() -> t.select(new int[] {2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target 'bad': row index 2 at position 0 is out of range for 2 rows");
        assertThatThrownBy(() -> t.select(null)).isInstanceOf(NullPointerException.class).hasMessage("rows");
    }
}
