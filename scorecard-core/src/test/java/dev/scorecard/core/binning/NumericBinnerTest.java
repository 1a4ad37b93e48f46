package dev.scorecard.core.binning;

import dev.scorecard.core.model.BinKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.NumericColumn;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumericBinnerTest {
    private static BinaryTarget target(int... events) {
        byte[] b = new byte[events.length];
        for (int i = 0; i < events.length; i++) {
            b[i] = (byte) events[i];
        }
        return BinaryTarget.of("y", "1", b);
    }

    private static BinningOptions pure() {
        return BinningOptions.defaults().withMinBinShare(0).withMinBinEvents(0).withMinBinNonEvents(0);
    }

    @Test
    void cutsAtMidpointsAndBinsAreLeftClosed() {
        // Values 1,2 are non-events and 3,4 events: the optimum splits between 2 and 3 at 2.5.
        // (Pure bins need minBinEvents/minBinNonEvents 0; by default a bin must hold one of each.)
        NumericColumn x = NumericColumn.of("x", new double[] {1, 1, 2, 2, 3, 3, 4, 4});
        BinaryTarget y = target(0, 0, 0, 0, 1, 1, 1, 1);
        Binning b = new NumericBinner(pure()).fit(x, y, List.of());
        assertThat(b.cuts()).containsExactly(2.5);
        assertThat(b.bins()).extracting(Bin::label).containsExactly("(-inf, 2.5)", "[2.5, inf)");
        assertThat(b.binOf(2.4999)).isEqualTo(0);
        assertThat(b.binOf(2.5)).isEqualTo(1);
        assertThat(b.binOf(Double.NEGATIVE_INFINITY)).isEqualTo(0);
        assertThat(b.binOf(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(b.binOf(Double.NaN)).isEqualTo(-1);
        // Zero events in bin 0: WOE with 0.5 in place of 0 = ln((0.5/4)/(4/4)) = ln(0.125).
        assertThat(b.bins().get(0).woe()).isEqualTo(Math.log(0.125));
        assertThat(b.bins().get(1).woe()).isEqualTo(Math.log(1 / 0.125));
    }

    @Test
    void negativeZeroIsZero() {
        NumericColumn x = NumericColumn.of("x", new double[] {-0.0, 0.0, -0.0, 1, 1, 1});
        BinaryTarget y = target(0, 0, 0, 1, 1, 1);
        Binning b = new NumericBinner(pure()).fit(x, y, List.of());
        assertThat(b.cuts()).containsExactly(0.5);
        assertThat(b.bins().get(0).count()).isEqualTo(3);
        assertThat(b.binOf(-0.0)).isEqualTo(b.binOf(0.0)).isEqualTo(0);
    }

    @Test
    void missingAndSpecialValuesGetTheirOwnBins() {
        NumericColumn x = NumericColumn.of("x", new double[] {Double.NaN, -1, -1, 5, 6, 7, 8, Double.NaN, 9, 10});
        BinaryTarget y = target(1, 0, 1, 0, 0, 1, 1, 0, 1, 0);
        Binning b = new NumericBinner(BinningOptions.defaults().withMinBinShare(0).withMonotonic(Monotonic.NONE))
                .fit(x, y, List.of(List.of(-1.0), List.of(-9.0)));
        List<Bin> bins = b.bins();
        Bin special = bins.get(bins.size() - 2);
        Bin missing = bins.get(bins.size() - 1);
        assertThat(special.kind()).isEqualTo(BinKind.SPECIAL);
        assertThat(special.label()).isEqualTo("Special: -1");
        assertThat(special.count()).isEqualTo(2);
        assertThat(missing.kind()).isEqualTo(BinKind.MISSING);
        assertThat(missing.count()).isEqualTo(2);
        assertThat(b.binOf(-1)).isEqualTo(bins.size() - 2);
        assertThat(b.binOf(Double.NaN)).isEqualTo(bins.size() - 1);
        // -9 never occurred, so it has no bin and falls into the regular range.
        assertThat(b.binOf(-9)).isEqualTo(0);
        assertThat(bins.stream().mapToLong(Bin::count).sum()).isEqualTo(10);
    }

    @Test
    void missingCanMergeWithTheClosestWoe() {
        double[] v = new double[100];
        byte[] t = new byte[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i < 10 ? Double.NaN : i;
            // Missing rows: 8 of 10 events, like the top range (>= 70): 24 of 30 events.
            t[i] = (byte) ((i < 10 && i < 8) || (i >= 70 && i % 5 != 0) ? 1 : 0);
        }
        Binning b = new NumericBinner(BinningOptions.defaults().withMissing(MissingPolicy.MERGE_WITH_CLOSEST_WOE))
                .fit(NumericColumn.of("x", v), BinaryTarget.of("y", "1", t), List.of());
        assertThat(b.bins()).noneMatch(x -> x.kind() == BinKind.MISSING);
        Bin merged = b.bins().get(b.missingBin());
        assertThat(merged.label()).endsWith(", Missing");
        // Missing rows convert at 80 %, as the range from 70 up does; never like the 0 % range below.
        assertThat(merged.lower()).isGreaterThan(69);
    }

    @Test
    void constraintsHoldOnRandomData() {
        for (long seed = 1; seed <= 30; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 2000;
            double[] v = new double[n];
            byte[] t = new byte[n];
            for (int i = 0; i < n; i++) {
                double x = rnd.nextDouble() * 10;
                v[i] = rnd.nextInt(20) == 0 ? Double.NaN : Math.floor(x * 7) / 7;
                double p = 0.1 + 0.6 * Math.abs(Math.sin(x));
                t[i] = (byte) (rnd.nextDouble() < p ? 1 : 0);
            }
            BinaryTarget y = BinaryTarget.of("y", "1", t);
            for (Monotonic m : Monotonic.values()) {
                BinningOptions o = BinningOptions.defaults().withMonotonic(m);
                Binning b = new NumericBinner(o).fit(NumericColumn.of("x", v), y, List.of());
                String where = "seed " + seed + ", " + m;
                assertThat(b.bins().stream().mapToLong(Bin::count).sum()).as(where).isEqualTo(n);
                assertThat(b.iv()).as(where).isGreaterThanOrEqualTo(0);
                assertThat(b.regularBinCount()).as(where).isLessThanOrEqualTo(8);
                int[] ge = b.bins().stream().filter(x -> x.kind() == BinKind.REGULAR).mapToInt(x -> (int) x.events()).toArray();
                int[] gn = b.bins().stream().filter(x -> x.kind() == BinKind.REGULAR).mapToInt(x -> (int) x.nonEvents()).toArray();
                for (int g = 0; g < ge.length; g++) {
                    assertThat(ge[g] + gn[g]).as(where).isGreaterThanOrEqualTo(100);
                    assertThat(ge[g]).as(where).isPositive();
                    assertThat(gn[g]).as(where).isPositive();
                }
                Monotonic expected = m == Monotonic.AUTO ? b.trend() : m;
                if (m != Monotonic.NONE) {
                    assertThat(OptimalMergerProperties.followsTrend(ge, gn, expected)).as(where).isTrue();
                }
                // Bins partition the line: every value lands in the bin whose range holds it.
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(v[i])) {
                        Bin bin = b.bins().get(b.binOf(v[i]));
                        assertThat(v[i] >= bin.lower() && v[i] < bin.upper()).as(where).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void userCutsAreApplied() {
        NumericColumn x = NumericColumn.of("age", new double[] {20, 25, 30, 35, 40, 55, 60});
        BinaryTarget y = target(1, 1, 0, 1, 0, 0, 0);
        Binning b = new NumericBinner(BinningOptions.defaults())
                .apply(x, y, new VariableBreaks.Numeric(List.of(25.0, 35.0, 50.0)), List.of());
        assertThat(b.bins()).extracting(Bin::count).containsExactly(1L, 2L, 2L, 2L);
        assertThat(b.bins()).extracting(Bin::label)
                .containsExactly("(-inf, 25)", "[25, 35)", "[35, 50)", "[50, inf)");
        assertThat(b.breaks()).isEqualTo(new VariableBreaks.Numeric(List.of(25.0, 35.0, 50.0)));
    }

    @Test
    void quantileAndWidthMethods() {
        double[] v = new double[100];
        byte[] t = new byte[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i;
            t[i] = (byte) (i % 3 == 0 ? 1 : 0);
        }
        BinaryTarget y = BinaryTarget.of("y", "1", t);
        Binning q = new NumericBinner(BinningOptions.defaults().withMethod(BinningMethod.QUANTILE).withBins(4))
                .fit(NumericColumn.of("x", v), y, List.of());
        assertThat(q.cuts()).containsExactly(24.5, 49.5, 74.5);
        Binning w = new NumericBinner(BinningOptions.defaults().withMethod(BinningMethod.WIDTH).withBins(3))
                .fit(NumericColumn.of("x", v), y, List.of());
        assertThat(w.cuts()).containsExactly(33.0, 66.0);
        Binning c = new NumericBinner(BinningOptions.defaults().withMethod(BinningMethod.CHIMERGE).withMaxBins(3))
                .fit(NumericColumn.of("x", v), y, List.of());
        assertThat(c.regularBinCount()).isLessThanOrEqualTo(3);
        assertThat(c.bins().stream().mapToLong(Bin::count).sum()).isEqualTo(100);
    }

    @Test
    void duplicateSpecialValueIsRefused() {
        NumericColumn x = NumericColumn.of("pdays", new double[] {1, 2});
        assertThatThrownBy(() -> new NumericBinner(BinningOptions.defaults())
                .fit(x, target(0, 1), List.of(List.of(-1.0), List.of(-1.0))))
                .hasMessage("pdays: special value -1 is listed twice");
    }
}
