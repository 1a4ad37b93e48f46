package dev.scorecard.train.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.NumericBinner;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.binning.WoeEncoder;
import dev.scorecard.core.regression.CodedColumn;
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
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
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
                v -> WoeEncoder.coded(binned.stream().filter(r -> r.variable().equals(v)).findFirst().orElseThrow()
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

    /**
     * Issue 10, task 2: 20 rows, events from row 10 on, x = the row number. Merged into one bin by the
     * defaults (IV 0) or kept as two pure bins (each IV term (0.5/10 − 10/10)·ln(0.05) = 2.8460, total
     * 5.6919 with the 0.5 rule), the variable separates the classes, and its reason says so first.
     */
    @Test
    void aPureVariableIsCalledPureWhateverItsIv() {
        double[] x = new double[20];
        byte[] y = new byte[20];
        for (int i = 0; i < 20; i++) {
            x[i] = i;
            y[i] = (byte) (i >= 10 ? 1 : 0);
        }
        NumericColumn col = NumericColumn.of("x", x);
        BinaryTarget target = BinaryTarget.of("y", "1", y);
        Binning merged = new NumericBinner(BinningOptions.defaults()).fit(col, target, List.of());
        Binning apart = new NumericBinner(BinningOptions.defaults().withMinBinShare(0).withMinBinEvents(0)
                .withMinBinNonEvents(0)).fit(col, target, List.of());
        assertThat(apart.iv()).isCloseTo(2 * 0.95 * -Math.log(0.05), within(1e-12));
        List<VariableResult> candidates = List.of(
                new VariableResult("merged", VariableType.NUMERIC, Optional.of(merged), Optional.empty(), false, 0),
                new VariableResult("apart", VariableType.NUMERIC, Optional.of(apart), Optional.empty(), false, 0));
        Function<String, CodedColumn> woe = v -> WoeEncoder.coded(v.equals("merged") ? merged : apart, col);

        Map<String, SelectionRow> kept = rows(VariableFilters.apply(candidates, woe, SelectionOptions.defaults()));
        assertThat(kept.get("merged").reason()).isEqualTo("pure: check for leakage (the values split events from "
                + "non-events completely; the bin constraints merged the pure bins); IV 0.0000 < minIv 0.02");
        assertThat(kept.get("apart").selected()).isTrue();
        assertThat(kept.get("apart").reason()).isEqualTo("pure: check for leakage (every bin holds only events or only "
                + "non-events); IV 5.6919 > maxIv 0.8");

        Map<String, SelectionRow> dropped = rows(VariableFilters.apply(candidates, woe,
                SelectionOptions.defaults().withDropSuspicious(true)));
        assertThat(dropped.get("apart").selected()).isFalse();
        assertThat(dropped.get("apart").reason()).isEqualTo("pure: check for leakage (every bin holds only events or "
                + "only non-events); IV 5.6919 > maxIv 0.8");
    }

    private static Map<String, SelectionRow> rows(VariableFilters.Filtered f) {
        Map<String, SelectionRow> rows = new java.util.HashMap<>();
        f.rows().forEach(r -> rows.put(r.variable(), r));
        return rows;
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
        double r = VariableFilters.correlation(CodedColumn.of(a), CodedColumn.of(b));
        // Two variables: VIF = 1 / (1 - r^2) for both.
        double[] two = VariableFilters.vif(List.of(CodedColumn.of(a), CodedColumn.of(b)));
        assertThat(two[0]).isCloseTo(1 / (1 - r * r), within(1e-9));
        assertThat(two[1]).isCloseTo(1 / (1 - r * r), within(1e-9));
        // c = a + b exactly: the third is a linear combination, its VIF is infinite.
        double[] three = VariableFilters.vif(new ArrayList<>(List.of(CodedColumn.of(a), CodedColumn.of(b), CodedColumn.of(c))));
        assertThat(three[2]).isInfinite();
    }

    @Test
    void correlationByHand() {
        assertThat(VariableFilters.correlation(CodedColumn.of(new double[] {1, 2, 3}), CodedColumn.of(new double[] {2, 4, 6}))).isCloseTo(1, within(1e-15));
        assertThat(VariableFilters.correlation(CodedColumn.of(new double[] {1, 2, 3}), CodedColumn.of(new double[] {3, 2, 1}))).isCloseTo(-1, within(1e-15));
        assertThat(VariableFilters.correlation(CodedColumn.of(new double[] {1, 2, 3}), CodedColumn.of(new double[] {5, 5, 5}))).isZero();
    }
}
