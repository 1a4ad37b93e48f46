package dev.scorecard.train.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.scorecard.core.model.Baseline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PSI, CSI and drift levels on cases small enough to compute by hand, and the errors. */
class StabilityTest {
    /** Three inner edges 10, 20, 30: four bins of a quarter each. */
    private static final Baseline QUARTERS = new Baseline(List.of(10.0, 20.0, 30.0),
            List.of(0.25, 0.25, 0.25, 0.25), List.of());

    @Test
    void handComputedPsi() {
        // (0.5 − 0.25) ln 2 + 0 + (0.25 − 0.5) ln(1/2) = 0.5 ln 2.
        PsiResult r = Stability.psi(new double[] {0.25, 0.25, 0.5}, new double[] {0.5, 0.25, 0.25});
        assertThat(r.value()).isCloseTo(0.5 * Math.log(2), offset(1e-16));
        assertThat(r.bins()).containsExactly(
                new PsiResult.Bin(0.25, 0.5, 0.25 * Math.log(2)),
                new PsiResult.Bin(0.25, 0.25, 0),
                new PsiResult.Bin(0.5, 0.25, -0.25 * Math.log(0.5)));
        // The formula is symmetric in its two sides.
        assertThat(Stability.psi(new double[] {0.5, 0.25, 0.25}, new double[] {0.25, 0.25, 0.5}).value())
                .isEqualTo(r.value());
    }

    @Test
    void anEmptyBinUsesAShareOfOneInTenThousandWithoutRenormalising() {
        // Expected bin 3 is empty: e = 1e-4 there, the other shares unchanged.
        // (0.4 − 0.5) ln(0.4/0.5) = 0.1 ln 1.25 = 0.0223144; (0.1 − 1e-4) ln(0.1/1e-4) = 0.0999 ln 1000
        // = 0.6900847; sum 0.7123991075017365 (Python).
        PsiResult r = Stability.psi(new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.4, 0.1});
        assertThat(r.value()).isCloseTo(0.7123991075017365, offset(1e-15));
        assertThat(r.bins().get(2)).isEqualTo(new PsiResult.Bin(0, 0.1, (0.1 - 1e-4) * Math.log(0.1 / 1e-4)));
        // Empty on both sides: 1e-4 against 1e-4, no contribution.
        assertThat(Stability.psi(new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.5, 0}).value()).isZero();
        assertThat(Stability.EMPTY_SHARE).isEqualTo(1e-4);
    }

    @Test
    void psiOfCounts() {
        // Counts 1, 1, 2 are shares 1/4, 1/4, 1/2: the first case reversed.
        assertThat(Stability.psiOfCounts(new double[] {0.5, 0.25, 0.25}, new long[] {1, 1, 2}).value())
                .isCloseTo(0.5 * Math.log(2), offset(1e-16));
    }

    @Test
    void scorePsiBinsByTheBaselineEdges() {
        // [-inf, 10): 5 and -inf; [10, 20): 10, 15; [20, 30): 20, 25; [30, inf]: 30, 35. An edge belongs
        // to the bin above it. Two of eight in each: the baseline exactly.
        double[] same = {5, 10, 15, 20, 25, 30, 35, Double.NEGATIVE_INFINITY};
        PsiResult r = Stability.scorePsi(QUARTERS, same);
        assertThat(r.value()).isZero();
        assertThat(r.bins()).extracting(PsiResult.Bin::actualShare).containsExactly(0.25, 0.25, 0.25, 0.25);
        // -inf moved to +inf: shares 1/8, 1/4, 1/4, 3/8: 0.125 ln 2 + 0.125 ln 1.5 = 0.125 ln 3.
        double[] moved = {5, 10, 15, 20, 25, 30, 35, Double.POSITIVE_INFINITY};
        PsiResult m = Stability.scorePsi(QUARTERS, moved);
        assertThat(m.bins()).extracting(PsiResult.Bin::actualShare).containsExactly(0.125, 0.25, 0.25, 0.375);
        assertThat(m.value()).isCloseTo(0.125 * Math.log(3), offset(1e-16));
        assertThat(DriftThresholds.defaults().level(m.value())).isEqualTo(DriftLevel.WARN);
    }

    @Test
    void binOfFollowsTheBaselineRule() {
        double[] edges = {10, 20, 20, 30};
        assertThat(Stability.binOf(edges, 9.999)).isZero();
        assertThat(Stability.binOf(edges, 10)).isEqualTo(1);
        assertThat(Stability.binOf(edges, 19.999)).isEqualTo(1);
        // Equal edges leave bin 2, [20, 20), empty.
        assertThat(Stability.binOf(edges, 20)).isEqualTo(3);
        assertThat(Stability.binOf(edges, 30)).isEqualTo(4);
        assertThat(Stability.binOf(edges, Double.POSITIVE_INFINITY)).isEqualTo(4);
        assertThat(Stability.binOf(new double[] {0}, -0.0)).isEqualTo(1);
        assertThat(Stability.binOf(new double[0], 5)).isZero();
    }

    @Test
    void csiOfOneCharacteristic() {
        Baseline.BinShares age = new Baseline.BinShares("age", List.of(0.2, 0.3, 0.5));
        assertThat(Stability.csi(age, new long[] {20, 30, 50}).value()).isZero();
        // Bin 1 empty now: (1e-4 − 0.2) ln(1e-4/0.2) = 0.1999 ln 2000; bin 2: (0.5 − 0.3) ln(5/3); bin 3: 0.
        // Sum 1.6215855264156602 (Python).
        PsiResult r = Stability.csi(age, new long[] {0, 50, 50});
        assertThat(r.value()).isCloseTo(1.6215855264156602, offset(1e-15));
        assertThat(r.bins().get(0).actualShare()).isZero();
        assertThat(r.bins().get(0).expectedShare()).isEqualTo(0.2);
        assertThat(DriftThresholds.defaults().level(r.value())).isEqualTo(DriftLevel.ALERT);
    }

    @Test
    void driftLevels() {
        DriftThresholds d = DriftThresholds.defaults();
        assertThat(d).isEqualTo(new DriftThresholds(0.10, 0.25));
        assertThat(d.level(0)).isEqualTo(DriftLevel.STABLE);
        assertThat(d.level(0.0999)).isEqualTo(DriftLevel.STABLE);
        assertThat(d.level(0.10)).isEqualTo(DriftLevel.WARN);
        assertThat(d.level(0.2499)).isEqualTo(DriftLevel.WARN);
        assertThat(d.level(0.25)).isEqualTo(DriftLevel.ALERT);
        assertThat(d.level(Double.POSITIVE_INFINITY)).isEqualTo(DriftLevel.ALERT);
        DriftThresholds strict = d.withWarn(0.05).withAlert(0.05);
        assertThat(strict).isEqualTo(new DriftThresholds(0.05, 0.05));
        assertThat(strict.level(0.05)).isEqualTo(DriftLevel.ALERT);
        assertThat(strict.level(0.049)).isEqualTo(DriftLevel.STABLE);
        assertThatThrownBy(() -> d.level(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a drift value must be at least 0, got NaN");
        assertThatThrownBy(() -> new DriftThresholds(0.3, 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("drift thresholds need 0 <= warn <= alert, got warn 0.3 and alert 0.2");
        assertThatThrownBy(() -> new DriftThresholds(0.1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("drift thresholds need 0 <= warn <= alert, got warn 0.1 and alert NaN");
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> Stability.psi(new double[] {0.5, 0.5}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSI: 2 expected shares but 1 actual shares; both need the same bins, at least one");
        assertThatThrownBy(() -> Stability.psi(new double[] {1.5, -0.5}, new double[] {0.5, 0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSI: expected share [0] is 1.5; a share must be between 0 and 1");
        assertThatThrownBy(() -> Stability.psi(new double[] {0.5, 0.5}, new double[] {0.5, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSI: actual share [1] is NaN; a share must be between 0 and 1");
        assertThatThrownBy(() -> Stability.psi(new double[] {0.5, 0.4}, new double[] {0.5, 0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSI: expected shares sum to 0.9, not 1 (within 1.0E-6)");
        assertThatThrownBy(() -> Stability.psiOfCounts(new double[] {0.5, 0.5}, new long[] {3, -1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PSI: count [1] is -1; counts must be at least 0");
        Baseline.BinShares age = new Baseline.BinShares("age", List.of(0.2, 0.8));
        assertThatThrownBy(() -> Stability.csi(age, new long[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CSI of 'age' needs at least one current row, but all 2 counts are 0");
        assertThatThrownBy(() -> Stability.csi(age, new long[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CSI of 'age': 2 expected shares but 3 actual shares; both need the same bins, "
                        + "at least one");
        assertThatThrownBy(() -> Stability.scorePsi(QUARTERS, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Score PSI: scores[1] is NaN; every row needs a score");
        assertThatThrownBy(() -> Stability.scorePsi(QUARTERS, new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Score PSI needs at least one current score, got none");
        Baseline unordered = new Baseline(List.of(10.0, 5.0), List.of(0.3, 0.3, 0.4), List.of());
        assertThatThrownBy(() -> Stability.scorePsi(unordered, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Score PSI: baseline score edges must be numbers that never decrease, but edge [1] is "
                        + "5.0 after 10.0");
    }

    @Test
    void recordsCheckTheirValues() {
        assertThatThrownBy(() -> new PsiResult(-0.1, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a stability index must be at least 0, got -0.1");
        assertThatThrownBy(() -> new PsiResult.Bin(1.5, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shares must be between 0 and 1, got expected 1.5 and actual 0.5");
        assertThatThrownBy(() -> new PsiResult.Bin(0.5, 0.5, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bin's contribution must be at least 0, got -1.0");
    }
}
