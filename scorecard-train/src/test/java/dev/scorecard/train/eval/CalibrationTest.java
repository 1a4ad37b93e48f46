package dev.scorecard.train.eval;

import static dev.scorecard.train.eval.CurvesTest.y;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.scorecard.core.data.BinaryTarget;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Calibration, Brier and Hosmer–Lemeshow on cases small enough to compute by hand, and the errors. */
class CalibrationTest {
    @Test
    void handComputedThreeGroups() {
        double[] p = {0.4, 0.9, 0.1, 0.5, 0.8, 0.2};
        BinaryTarget t = y(0, 1, 0, 1, 0, 0);
        CalibrationResult r = Calibration.byGroups(p, t, 3);
        // Ranks 0..5 from the top, group floor(3 r / 6): {0.9, 0.8}, {0.5, 0.4}, {0.2, 0.1}.
        // Group 1: 1 event, predicted sum E = 1.7; group 2: 1 event, E = 0.9; group 3: 0 events, E = 0.3.
        // Means 1.7/2, 0.9/2, 0.3/2 up to the rounding of the sums (1e-15).
        assertThat(r.groups()).hasSize(3);
        assertGroup(r.groups().get(0), 1, 2, 1, 0.85, 0.5, 0.8, 0.9);
        assertGroup(r.groups().get(1), 2, 2, 1, 0.45, 0.5, 0.4, 0.5);
        assertGroup(r.groups().get(2), 3, 2, 0, 0.15, 0, 0.1, 0.2);
        // Brier: (0.4)² + (0.9 − 1)² + 0.1² + (0.5 − 1)² + 0.8² + 0.2² = .16 + .01 + .01 + .25 + .64 + .04
        // = 1.11, over 6 rows: 0.185.
        assertThat(r.brier()).isCloseTo(0.185, offset(1e-15));
        // HL terms (O − E)² n / (E (n − E)): 0.49·2/(1.7·0.3) = 0.98/0.51; 0.01·2/(0.9·1.1) = 0.02/0.99;
        // 0.09·2/(0.3·1.7) = 0.18/0.51. Sum 1.16/0.51 + 0.02/0.99 = 2.2947118241235884 (Python), df 3 − 2
        // = 1, p = P(chi²₁ > H) = erfc(sqrt(H / 2)) = 0.1298153025945946 (Python math.erfc).
        HosmerLemeshow hl = r.hosmerLemeshow().orElseThrow();
        assertThat(hl.statistic()).isCloseTo(2.2947118241235884, offset(1e-12));
        assertThat(hl.degreesOfFreedom()).isEqualTo(1);
        // commons-math's regularized gamma is accurate to about 1e-14; 1e-10 leaves room.
        assertThat(hl.pValue()).isCloseTo(0.1298153025945946, offset(1e-10));
        assertThat(Calibration.brier(p, t)).isEqualTo(r.brier());
    }

    private static void assertGroup(CalibrationResult.Group g, int group, int count, int events, double mean,
            double observed, double min, double max) {
        assertThat(g.group()).isEqualTo(group);
        assertThat(g.count()).isEqualTo(count);
        assertThat(g.events()).isEqualTo(events);
        assertThat(g.meanPredicted()).isCloseTo(mean, offset(1e-15));
        assertThat(g.observedRate()).isEqualTo(observed);
        assertThat(g.minPredicted()).isEqualTo(min);
        assertThat(g.maxPredicted()).isEqualTo(max);
    }

    @Test
    void tiedProbabilitiesShareAGroupAndTooFewGroupsHaveNoTest() {
        double[] p = {0.3, 0.3, 0.3, 0.7};
        CalibrationResult r = Calibration.byDecile(p, y(0, 1, 0, 1));
        // 0.7 has rank 0 (group 0); the three 0.3s rank 1 (group floor(10/4) = 2): two groups, no test.
        assertThat(r.groups()).hasSize(2);
        assertGroup(r.groups().get(0), 1, 1, 1, 0.7, 1, 0.7, 0.7);
        assertGroup(r.groups().get(1), 2, 3, 1, 0.3, 1.0 / 3, 0.3, 0.3);
        assertThat(r.hosmerLemeshow()).isEmpty();
        // Row by row (p − y)²: .09 + .49 + .09 + .09 = .76, over 4 rows: .19.
        assertThat(r.brier()).isCloseTo(0.19, offset(1e-15));
    }

    @Test
    void certainPredictionsThatComeTrueAddNothingAndOnesThatFailAreInfinite() {
        // Groups {1, 1}, {0.5, 0.5}, {0, 0}: the certain groups match their outcomes exactly, so only
        // the middle one counts: O = 2, E = 1, n = 2: 1·2/(1·1) = 2.
        double[] p = {1, 1, 0.5, 0.5, 0, 0};
        CalibrationResult ok = Calibration.byGroups(p, y(1, 1, 1, 1, 0, 0), 3);
        assertThat(ok.hosmerLemeshow()).contains(new HosmerLemeshow(2, 1, ok.hosmerLemeshow().get().pValue()));
        // An event where 0 was predicted: the statistic is infinite and the p-value 0.
        CalibrationResult bad = Calibration.byGroups(p, y(1, 1, 1, 1, 0, 1), 3);
        assertThat(bad.hosmerLemeshow()).contains(new HosmerLemeshow(Double.POSITIVE_INFINITY, 1, 0));
        assertThat(Calibration.hosmerLemeshowTerm(0, 0, 3)).isZero();
        assertThat(Calibration.hosmerLemeshowTerm(3, 3, 3)).isZero();
        assertThat(Calibration.hosmerLemeshowTerm(2, 3, 3)).isInfinite();
    }

    @Test
    void aSingleClassTargetIsAllowed() {
        // No events: Brier is the mean of p²: (0.04 + 0.01) / 2.
        CalibrationResult r = Calibration.byDecile(new double[] {0.2, 0.1}, y(0, 0));
        assertThat(r.brier()).isCloseTo(0.025, offset(1e-15));
        assertThat(r.groups()).extracting(CalibrationResult.Group::observedRate).containsExactly(0.0, 0.0);
        assertThat(r.hosmerLemeshow()).isEqualTo(Optional.empty());
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> Calibration.byDecile(new double[] {0.1, 1.2}, y(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Calibration: probabilities[1] is 1.2; a probability must be between 0 and 1");
        assertThatThrownBy(() -> Calibration.byDecile(new double[] {-0.1, 0.2}, y(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Calibration: probabilities[0] is -0.1; a probability must be between 0 and 1");
        assertThatThrownBy(() -> Calibration.brier(new double[] {Double.NaN}, y(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Calibration: probabilities[0] is NaN; a probability must be between 0 and 1");
        assertThatThrownBy(() -> Calibration.byDecile(new double[] {0.1}, y(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Calibration: 1 probabilities for 2 rows of target 'y'");
        assertThatThrownBy(() -> Calibration.byDecile(new double[0], y()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Calibration needs at least one row, but target 'y' has none");
        assertThatThrownBy(() -> Calibration.byGroups(new double[] {0.5}, y(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Calibration: groups must be at least 1, got 0");
    }

    @Test
    void recordsCheckTheirValues() {
        assertThatThrownBy(() -> new HosmerLemeshow(-1, 1, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hosmer-Lemeshow statistic must be at least 0, got -1.0");
        assertThatThrownBy(() -> new HosmerLemeshow(1, 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hosmer-Lemeshow needs at least 1 degree of freedom, got 0");
        assertThatThrownBy(() -> new HosmerLemeshow(1, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hosmer-Lemeshow p-value must be between 0 and 1, got NaN");
        assertThatThrownBy(() -> new CalibrationResult(List.of(), 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a calibration table needs at least one group");
        CalibrationResult.Group g = new CalibrationResult.Group(1, 1, 0, 0.5, 0, 0.5, 0.5);
        assertThatThrownBy(() -> new CalibrationResult(List.of(g), 1.5, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("brier must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> new CalibrationResult.Group(1, 1, 2, 0.5, 0, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calibration group 1: 2 events in 1 rows");
        assertThatThrownBy(() -> new CalibrationResult.Group(1, 1, 0, 0.5, 0, 0.6, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calibration group 1: probabilities out of range: predicted 0.6 to 0.5, mean 0.5, "
                        + "observed 0.0");
    }
}
