package dev.scorecard.train.challenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import java.util.List;
import org.junit.jupiter.api.Test;
import smile.data.DataFrame;
import smile.data.measure.NominalScale;

/** How features become Smile columns: medians and indicators, nominal levels, missing and unseen. */
class FeatureEncodingTest {
    private static final double NAN = Double.NaN;

    private static Dataset data(List<Column> features, byte... y) {
        return new Dataset(features, List.of(), BinaryTarget.of("t", "1", y));
    }

    @Test
    void numericMissingInTrainingGetsTheTrainingMedianAndAnIndicator() {
        // Training values 1, 3, 10 (and one missing): median 3. Test values are never used for it.
        Dataset train = data(List.of(NumericColumn.of("income", new double[] {1, NAN, 3, 10})), (byte) 0, (byte) 1,
                (byte) 0, (byte) 1);
        Dataset test = data(List.of(NumericColumn.of("income", new double[] {NAN, 1000, Double.NEGATIVE_INFINITY})),
                (byte) 1, (byte) 0, (byte) 0);

        FeatureEncoding e = FeatureEncoding.fit(train);
        DataFrame trainFrame = e.frame(train);
        DataFrame testFrame = e.frame(test);

        assertThat(e.features()).containsExactly("income");
        assertThat(trainFrame.names()).containsExactly("x0", "x0_missing", "y");
        assertThat(trainFrame.doubleVector("x0").array()).containsExactly(1, 3, 3, 10);
        assertThat(trainFrame.intVector("x0_missing").array()).containsExactly(0, 1, 0, 0);
        assertThat(trainFrame.intVector("y").array()).containsExactly(0, 1, 0, 1);
        assertThat(testFrame.doubleVector("x0").array()).containsExactly(3, 1000, -FeatureEncoding.INFINITY_STANDIN);
        assertThat(testFrame.intVector("x0_missing").array()).containsExactly(1, 0, 0);
    }

    @Test
    void numericWithoutMissingInTrainingHasNoIndicatorAndImputesTheMedianInTest() {
        // Even count: the median is the mean of the middle two, (2 + 4) / 2.
        Dataset train = data(List.of(NumericColumn.of("age", new double[] {8, 2, 4, 1})), (byte) 0, (byte) 1, (byte) 0,
                (byte) 1);
        Dataset test = data(List.of(NumericColumn.of("age", new double[] {NAN, 5})), (byte) 1, (byte) 0);

        FeatureEncoding e = FeatureEncoding.fit(train);

        assertThat(e.frame(train).names()).containsExactly("x0", "y");
        assertThat(e.frame(test).doubleVector("x0").array()).containsExactly(3, 5);
    }

    @Test
    void categoricalLevelsAreTheTrainingOnesThenMissingThenUnseen() {
        // Level "c" is in the column's dictionary but no training row holds it: it counts as unseen.
        List<String> levels = List.of("a", "b", "c");
        Dataset train = data(List.of(CategoricalColumn.of("home", new int[] {1, 0, CategoricalColumn.MISSING, 1}, levels)),
                (byte) 0, (byte) 1, (byte) 0, (byte) 1);
        // The test file was loaded on its own: another level order, a level training never saw ("d").
        Dataset test = data(List.of(CategoricalColumn.of("home", new int[] {0, 1, 2, 3, CategoricalColumn.MISSING},
                List.of("d", "b", "a", "c"))), (byte) 1, (byte) 0, (byte) 0, (byte) 1, (byte) 0);

        FeatureEncoding e = FeatureEncoding.fit(train);
        DataFrame trainFrame = e.frame(train);

        NominalScale scale = (NominalScale) trainFrame.schema().field("x0").measure;
        assertThat(scale.levels()).containsExactly("a", "b", "(missing)", "(unseen)");
        assertThat(trainFrame.intVector("x0").array()).containsExactly(1, 0, 2, 1);
        assertThat(e.frame(test).intVector("x0").array()).containsExactly(3, 1, 0, 3, 2);
    }

    @Test
    void syntheticLevelNamesStayDistinctFromRealOnes() {
        Dataset train = data(List.of(CategoricalColumn.of("c", new int[] {0, 1}, List.of("(missing)", "(unseen)"))),
                (byte) 0, (byte) 1);

        NominalScale scale = (NominalScale) FeatureEncoding.fit(train).frame(train).schema().field("x0").measure;

        assertThat(scale.levels()).containsExactly("(missing)", "(unseen)", "_(missing)", "_(unseen)");
    }

    @Test
    void testRowsNeedEveryTrainingFeatureOfTheSameKind() {
        Dataset train = data(List.of(NumericColumn.of("a", new double[] {1, 2}), NumericColumn.of("b", new double[] {1, 2})),
                (byte) 0, (byte) 1);
        FeatureEncoding e = FeatureEncoding.fit(train);
        Dataset noB = data(List.of(NumericColumn.of("a", new double[] {1, 2})), (byte) 0, (byte) 1);
        Dataset categoricalB = data(List.of(NumericColumn.of("a", new double[] {1, 2}),
                CategoricalColumn.of("b", new int[] {0, 0}, List.of("x"))), (byte) 0, (byte) 1);

        assertThatThrownBy(() -> e.frame(noB))
                .hasMessage("the test rows have no feature column 'b', which the training rows have");
        assertThatThrownBy(() -> e.frame(categoricalB))
                .hasMessage("feature 'b' is numeric in the training rows but categorical in the test rows");
    }
}
