package dev.scorecard.train.binning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.VariableBreaks;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.train.config.ScorecardConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BinningProcessTest {
    private static final int N = 100;

    private static Dataset data() {
        byte[] y = new byte[N];
        double[] good = new double[N];
        double[] constant = new double[N];
        double[] empty = new double[N];
        int[] ids = new int[N];
        int[] region = new int[N];
        List<String> idLevels = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            y[i] = (byte) (i % 3 == 0 ? 1 : 0);
            good[i] = i;
            constant[i] = i % 10 == 0 ? Double.NaN : 7;
            empty[i] = Double.NaN;
            ids[i] = i;
            idLevels.add("lead-" + i);
            region[i] = i % 4;
        }
        return new Dataset(List.of(NumericColumn.of("good", good), NumericColumn.of("constant", constant),
                NumericColumn.of("empty", empty), CategoricalColumn.of("lead_id", ids, idLevels),
                CategoricalColumn.of("region", region, List.of("n", "s", "e", "w"))), List.of(),
                BinaryTarget.of("y", "1", y));
    }

    @Test
    void dropsUnusableColumnsWithTheReasonAndKeepsColumnOrder() {
        AtomicInteger calls = new AtomicInteger();
        List<VariableResult> r = new BinningProcess(ScorecardConfig.empty(), new BinsSpec(Map.of()), 2)
                .fit(data(), "none", done -> calls.incrementAndGet());
        assertThat(r).extracting(VariableResult::variable).containsExactly("good", "constant", "empty", "lead_id", "region");
        assertThat(r.get(0).binned()).isTrue();
        assertThat(r.get(1).dropReason()).contains("constant (every value is the same)");
        assertThat(r.get(1).missingShare()).isEqualTo(0.1);
        assertThat(r.get(2).dropReason()).contains("all values missing");
        assertThat(r.get(3).dropReason()).contains("identifier-like (100 distinct values in 100 rows)");
        assertThat(r.get(4).binned()).isTrue();
        assertThat(calls.get()).isEqualTo(5);
    }

    @Test
    void userBinsOverrideAndAreCheckedAgainstTheData() {
        BinsSpec user = new BinsSpec(Map.of("good", new VariableBreaks.Numeric(List.of(50.0))));
        List<VariableResult> r = new BinningProcess(ScorecardConfig.empty(), user, 1).fit(data(), "b.json", d -> { });
        assertThat(r.get(0).userBins()).isTrue();
        assertThat(r.get(0).binning().orElseThrow().cuts()).containsExactly(50.0);

        BinsSpec wrongType = new BinsSpec(Map.of("region", new VariableBreaks.Numeric(List.of(1.0))));
        assertThatThrownBy(() -> new BinningProcess(ScorecardConfig.empty(), wrongType, 1).fit(data(), "b.json", d -> { }))
                .isInstanceOf(InputDataException.class)
                .hasMessage("b.json: variable 'region' is categorical: give a list of groups such as [[car, furniture], [else]]");
    }
}
