package dev.scorecard.core.binning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.NumericColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class WoeEncoderTest {
    @Test
    void numericRowsGetTheirBinsWoeAndMissingIsNeutralWithoutAMissingBin() {
        NumericColumn x = NumericColumn.of("x", new double[] {1, 2, 3, 4, 5, 6});
        BinaryTarget y = BinaryTarget.of("y", "1", new byte[] {0, 0, 1, 0, 1, 1});
        Binning b = new NumericBinner(BinningOptions.defaults()).apply(x, y, new VariableBreaks.Numeric(List.of(3.5)), List.of());
        NumericColumn scoring = NumericColumn.of("x", new double[] {0, 3.5, Double.NaN});
        assertThat(WoeEncoder.bins(b, scoring)).containsExactly(0, 1, -1);
        // Bin 0: 1 event of 3, bin 1: 2 of 3; E = N = 3: WOE = ln((1/3)/(2/3)) = -ln 2 and +ln 2.
        assertThat(WoeEncoder.woe(b, scoring)).containsExactly(-Math.log(2), Math.log(2), 0.0);
    }

    @Test
    void categoricalLevelsMapThroughTheirNamesNotTheirCodes() {
        CategoricalColumn train = CategoricalColumn.of("c", new int[] {0, 0, 1, 1, 2, 2}, List.of("a", "b", "z"));
        BinaryTarget y = BinaryTarget.of("y", "1", new byte[] {0, 1, 1, 1, 0, 0});
        Binning b = new CategoricalBinner(BinningOptions.defaults())
                .apply(train, y, new VariableBreaks.Categorical(List.of(List.of("a", "z"), List.of("b"))));
        // A scoring file with other codes and an unseen level; no else bin was asked for, and no
        // level was unlisted in training, so the unseen one maps to no bin.
        CategoricalColumn scoring = CategoricalColumn.of("c", new int[] {0, 1, 2, -1}, List.of("b", "new", "a"));
        assertThat(WoeEncoder.bins(b, scoring)).containsExactly(1, -1, 0, -1);
    }
}
