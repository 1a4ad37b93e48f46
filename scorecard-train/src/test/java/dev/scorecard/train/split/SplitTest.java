package dev.scorecard.train.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The split value: its checks, its copies and picking the parts out of a dataset. */
class SplitTest {
    private static Dataset fiveRows() {
        return new Dataset(List.of(NumericColumn.of("x", new double[] {10, 11, 12, 13, 14})), List.of(),
                BinaryTarget.of("y", "1", new byte[] {1, 0, 0, 1, 0}));
    }

    @Test
    void partsArePickedInRowOrder() {
        Split split = new Split(new int[] {0, 2, 3}, new int[] {1, 4});
        Dataset train = split.trainOf(fiveRows());
        Dataset test = split.testOf(fiveRows());
        assertThat(((NumericColumn) train.features().get(0)).copyValues()).containsExactly(10, 12, 13);
        assertThat(train.target().eventCount()).isEqualTo(2);
        assertThat(((NumericColumn) test.features().get(0)).copyValues()).containsExactly(11, 14);
        assertThat(test.target().eventCount()).isZero();
        assertThat(split.trainCount()).isEqualTo(3);
        assertThat(split.testCount()).isEqualTo(2);
    }

    @Test
    void arraysAreCopiedInAndOut() {
        int[] train = {0, 1};
        Split split = new Split(train, new int[] {2});
        train[0] = 99;
        split.train()[1] = 99;
        assertThat(split.train()).containsExactly(0, 1);
    }

    @Test
    void equalityComparesContents() {
        Split a = new Split(new int[] {0, 1}, new int[] {2});
        assertThat(a).isEqualTo(new Split(new int[] {0, 1}, new int[] {2}));
        assertThat(a).hasSameHashCodeAs(new Split(new int[] {0, 1}, new int[] {2}));
        assertThat(a).isNotEqualTo(new Split(new int[] {0}, new int[] {1, 2}));
        assertThat(a).hasToString("Split[train=2 rows, test=1 rows]");
    }

    @Test
    void rejectsUnorderedNegativeAndSharedRows() {
        assertThatThrownBy(() -> new Split(new int[] {0, 2, 2}, new int[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("train rows must be strictly increasing, but train[2] = 2 follows 2");
        assertThatThrownBy(() -> new Split(new int[0], new int[] {3, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test rows must be strictly increasing, but test[1] = 1 follows 3");
        assertThatThrownBy(() -> new Split(new int[] {-1, 0}, new int[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("train[0] = -1 is negative");
        assertThatThrownBy(() -> new Split(new int[] {0, 4, 7}, new int[] {1, 7}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 7 is in both train and test");
    }

    @Test
    void rowsBeyondTheDatasetAreNamed() {
        Split split = new Split(new int[] {0, 5}, new int[] {1});
        assertThatThrownBy(() -> split.trainOf(fiveRows()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the split's train rows reach row 5, but the dataset has 5 rows");
        assertThat(split.testOf(fiveRows()).rowCount()).isEqualTo(1);
    }
}
