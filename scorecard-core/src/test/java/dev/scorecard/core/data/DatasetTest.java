package dev.scorecard.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Row subsetting of a whole dataset: features, id columns and the target move together. */
class DatasetTest {
    private static Dataset sample() {
        NumericColumn age = NumericColumn.of("age", new double[] {21, 35, Double.NaN, 60});
        CategoricalColumn city = CategoricalColumn.of("city", new int[] {0, 1, 1, CategoricalColumn.MISSING},
                List.of("Oslo", "Rome"));
        CategoricalColumn id = CategoricalColumn.of("id", new int[] {0, 1, 2, 3}, List.of("a1", "a2", "a3", "a4"));
        BinaryTarget y = BinaryTarget.of("y", "1", new byte[] {0, 1, 0, 1});
        return new Dataset(List.of(age, city), List.of(id), y);
    }

    @Test
    void selectSubsetsEveryColumnAndTheTarget() {
        Dataset d = sample().select(new int[] {3, 1});
        assertThat(d.rowCount()).isEqualTo(2);
        assertThat(d.features()).extracting(Column::name).containsExactly("age", "city");
        assertThat(d.ids()).extracting(Column::name).containsExactly("id");
        NumericColumn age = (NumericColumn) d.features().get(0);
        assertThat(age.copyValues()).containsExactly(60, 35);
        CategoricalColumn city = (CategoricalColumn) d.features().get(1);
        assertThat(city.level(0)).isNull();
        assertThat(city.level(1)).isEqualTo("Rome");
        CategoricalColumn id = (CategoricalColumn) d.ids().get(0);
        assertThat(id.level(0)).isEqualTo("a4");
        assertThat(id.level(1)).isEqualTo("a2");
        assertThat(d.target().eventCount()).isEqualTo(2);
    }

    @Test
    void selectWithNoRowsGivesAnEmptyDatasetWithTheSameColumns() {
        Dataset d = sample().select(new int[0]);
        assertThat(d.rowCount()).isZero();
        assertThat(d.features()).hasSize(2);
        assertThat(d.ids()).hasSize(1);
    }

    @Test
    void badIndexIsNamedForTheDataset() {
        assertThatThrownBy(() -> sample().select(new int[] {0, 1, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row index 4 at position 2 is out of range for the dataset's 4 rows");
    }
}
