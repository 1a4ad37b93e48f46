package dev.scorecard.train.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.WoeEncoder;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.binning.BinningProcess;
import dev.scorecard.train.binning.VariableResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VariableFiltersTest {
    @Test
    void eachFilterRemovesWhatItShouldWithTheReason() {
        long seed = 11;
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 20_000;
        double[] strong = new double[n];
        double[] twin = new double[n];
        double[] medium = new double[n];
        double[] noise = new double[n];
        double[] sparse = new double[n];
        double[] spike = new double[n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            strong[i] = rnd.nextGaussian();
            twin[i] = 2 * strong[i] + 1; // same order, same bins, same WOE: correlation 1
            medium[i] = rnd.nextGaussian();
            noise[i] = rnd.nextGaussian();
            sparse[i] = rnd.nextInt(100) < 97 ? Double.NaN : rnd.nextGaussian();
            spike[i] = rnd.nextInt(100) < 97 ? 0 : rnd.nextGaussian();
            double eta = -1 + 1.5 * strong[i] + 0.5 * medium[i];
            y[i] = (byte) (rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
        }
        List<Column> cols = List.of(NumericColumn.of("strong", strong), NumericColumn.of("twin", twin),
                NumericColumn.of("medium", medium), NumericColumn.of("noise", noise), NumericColumn.of("sparse", sparse),
                NumericColumn.of("spike", spike));
        Dataset data = new Dataset(cols, List.of(), BinaryTarget.of("y", "1", y));
        List<VariableResult> binned = new BinningProcess(ScorecardConfig.empty(), new BinsSpec(Map.of()), 1)
                .fit(data, "none", d -> { });
        VariableFilters.Filtered f = VariableFilters.apply(binned,
                v -> WoeEncoder.woe(binned.stream().filter(r -> r.variable().equals(v)).findFirst().orElseThrow()
                        .binning().orElseThrow(), data.feature(v).orElseThrow()),
                SelectionOptions.defaults());
        assertThat(f.kept()).as("seed %d", seed).containsExactly("strong", "medium");
        Map<String, SelectionRow> rows = new java.util.HashMap<>();
        f.rows().forEach(r -> rows.put(r.variable(), r));
        assertThat(rows.get("twin").step()).isEqualTo("correlation");
        assertThat(rows.get("twin").reason()).isEqualTo("WOE correlation 1.000 with 'strong' (higher IV) > 0.7");
        assertThat(rows.get("noise").step()).isEqualTo("iv");
        assertThat(rows.get("noise").reason()).startsWith("IV 0.0").endsWith(" < minIv 0.02");
        assertThat(rows.get("sparse").step()).isEqualTo("missing");
        assertThat(rows.get("sparse").reason()).startsWith("missing share 9").endsWith(" > 95.0 %");
        assertThat(rows.get("spike").step()).isEqualTo("single-value");
        assertThat(f.rows()).hasSize(6);
        assertThat(f.rows().subList(0, 2)).allMatch(SelectionRow::selected);
    }

    @Test
    void vifIsTheInverseCorrelationDiagonal() {
        long seed = 5;
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 5000;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextGaussian();
            b[i] = 0.6 * a[i] + 0.8 * rnd.nextGaussian();
            c[i] = a[i] + b[i];
        }
        double r = VariableFilters.correlation(a, b);
        // Two variables: VIF = 1 / (1 - r^2) for both.
        double[] two = VariableFilters.vif(List.of(a, b));
        assertThat(two[0]).isCloseTo(1 / (1 - r * r), within(1e-9));
        assertThat(two[1]).isCloseTo(1 / (1 - r * r), within(1e-9));
        // c = a + b exactly: the third is a linear combination, its VIF is infinite.
        double[] three = VariableFilters.vif(new ArrayList<>(List.of(a, b, c)));
        assertThat(three[2]).isInfinite();
    }

    @Test
    void correlationByHand() {
        assertThat(VariableFilters.correlation(new double[] {1, 2, 3}, new double[] {2, 4, 6})).isCloseTo(1, within(1e-15));
        assertThat(VariableFilters.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isCloseTo(-1, within(1e-15));
        assertThat(VariableFilters.correlation(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isZero();
    }
}
