package dev.scorecard.train.binning;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.VariableBreaks;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinsFileCheckTest {
    private static final Dataset DATA = new Dataset(
            List.of(NumericColumn.of("age", new double[] {20, 30, 40, 50}),
                    CategoricalColumn.of("purpose", new int[] {0, 1, 2, 0}, List.of("car", "furniture", "education"))),
            List.of(), BinaryTarget.of("y", "1", new byte[] {1, 0, 1, 0}));

    private static BinsSpec groups(List<List<String>> groups) {
        return new BinsSpec(Map.of("purpose", new VariableBreaks.Categorical(groups)));
    }

    @Test
    void binsThatFitTheDataPass() {
        BinsSpec bins = new BinsSpec(Map.of("age", new VariableBreaks.Numeric(List.of(35.0)),
                "purpose", new VariableBreaks.Categorical(List.of(List.of("car", "furniture"), List.of("else")))));
        assertThatCode(() -> BinsFileCheck.check(bins, DATA, "b.json")).doesNotThrowAnyException();
    }

    /** Applied, the misspelt level made an empty bin, and furniture went to else without a word. */
    @Test
    void aLevelTheDataLacksIsAnErrorWithTheNearestLevel() {
        assertThatThrownBy(() -> BinsFileCheck.check(groups(List.of(List.of("car", "furnture"), List.of("else"))), DATA, "b.json"))
                .isInstanceOf(InputDataException.class)
                .hasMessage("b.json: variable 'purpose': level 'furnture' is not in the data; did you mean 'furniture'?");
        assertThatThrownBy(() -> BinsFileCheck.check(groups(List.of(List.of("car"), List.of("holiday"))), DATA, "b.json"))
                .hasMessage("b.json: variable 'purpose': level 'holiday' is not in the data");
    }

    @Test
    void aVariableTheDataLacksIsAnErrorWithTheNearestFeature() {
        BinsSpec bins = new BinsSpec(Map.of("agee", new VariableBreaks.Numeric(List.of(35.0))));
        assertThatThrownBy(() -> BinsFileCheck.check(bins, DATA, "b.json"))
                .hasMessage("b.json: variable 'agee' is not a feature of the data (check --exclude, --id and the column names)"
                        + "; did you mean 'age'?");
        BinsSpec far = new BinsSpec(Map.of("income", new VariableBreaks.Numeric(List.of(35.0))));
        assertThatThrownBy(() -> BinsFileCheck.check(far, DATA, "b.json"))
                .hasMessage("b.json: variable 'income' is not a feature of the data (check --exclude, --id and the column names)");
    }

    @Test
    void aVariableOfTheOtherTypeIsAnError() {
        BinsSpec bins = new BinsSpec(Map.of("age", new VariableBreaks.Categorical(List.of(List.of("20")))));
        assertThatThrownBy(() -> BinsFileCheck.check(bins, DATA, "b.json"))
                .hasMessage("b.json: variable 'age' is numeric: give a list of cut points such as [25, 35, 50]");
    }
}
