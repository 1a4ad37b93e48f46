package dev.scorecard.train.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.data.BinaryTarget;
import org.junit.jupiter.api.Test;

/** AUC, KS and Gini on cases small enough to compute by hand, and the errors. */
class MetricsTest {
    private static BinaryTarget y(int... events) {
        byte[] b = new byte[events.length];
        for (int i = 0; i < events.length; i++) {
            b[i] = (byte) events[i];
        }
        return BinaryTarget.of("y", "1", b);
    }

    @Test
    void handComputedCase() {
        double[] s = {0.1, 0.4, 0.35, 0.8};
        BinaryTarget t = y(0, 0, 1, 1);
        // Events 0.35, 0.8 against non-events 0.1, 0.4: 0.35 beats 0.1 only, 0.8 beats both: 3 of 4 pairs.
        assertThat(Metrics.auc(s, t)).isEqualTo(0.75);
        assertThat(Metrics.gini(0.75)).isEqualTo(0.5);
        // Thresholds: after 0.1 F_e = 0, F_n = 1/2; after 0.35 both 1/2; after 0.4 F_e = 1/2, F_n = 1;
        // after 0.8 both 1. The gap 1/2 is reached at 0.1 and at 0.4: the lowest, 0.1, is reported.
        assertThat(Metrics.ks(s, t)).isEqualTo(new KsResult(0.5, 0.1));
    }

    @Test
    void tiesCountOneHalf() {
        // Pairs (event, non-event): (1,1) tie 1/2, (1,2) 0, (2,1) 1, (2,2) tie 1/2: 2 of 4 = 0.5 exactly.
        assertThat(Metrics.auc(new double[] {1, 1, 2, 2}, y(0, 1, 0, 1))).isEqualTo(0.5);
        // One score for all: every pair ties.
        assertThat(Metrics.auc(new double[] {3, 3, 3, 3, 3}, y(0, 1, 1, 0, 0))).isEqualTo(0.5);
        // Tied rows move together: the only threshold is 3 itself, where both CDFs reach 1.
        assertThat(Metrics.ks(new double[] {3, 3, 3, 3, 3}, y(0, 1, 1, 0, 0))).isEqualTo(new KsResult(0, 3));
        // -0.0 and 0.0 are one score.
        assertThat(Metrics.auc(new double[] {-0.0, 0.0}, y(1, 0))).isEqualTo(0.5);
        assertThat(Metrics.ks(new double[] {-0.0, 0.0}, y(1, 0))).isEqualTo(new KsResult(0, 0.0));
    }

    @Test
    void tiesAcrossClassesAreNotSplitByKs() {
        // Scores 1 (n), 2 (e), 2 (n), 3 (e). Taking the non-event at 2 before the event at 2 would give
        // F_n = 1, F_e = 0, a gap of 1 that no threshold reaches; only 1, 2 and 3 are evaluated.
        // After 1: F_e 0, F_n 1/2 -> 1/2. After 2: F_e 1/2, F_n 1 -> 1/2. After 3: 0.
        assertThat(Metrics.ks(new double[] {1, 2, 2, 3}, y(0, 1, 0, 1))).isEqualTo(new KsResult(0.5, 1));
        // (e at 2 vs n at 1) 1, (e 2 vs n 2) 1/2, (e 3 vs both) 2: 3.5 of 4.
        assertThat(Metrics.auc(new double[] {1, 2, 2, 3}, y(0, 1, 0, 1))).isEqualTo(0.875);
    }

    @Test
    void perfectSeparation() {
        double[] s = {0.2, 0.9, 0.1, 0.7, 0.3};
        BinaryTarget t = y(0, 1, 0, 1, 0);
        assertThat(Metrics.auc(s, t)).isEqualTo(1.0);
        // Every non-event is at or below 0.3 and every event above it.
        assertThat(Metrics.ks(s, t)).isEqualTo(new KsResult(1, 0.3));
        assertThat(Metrics.gini(1)).isEqualTo(1);
        // Reversed, the AUC is 0 and KS still 1 (it is a gap in absolute value), at 0.1.
        double[] neg = {-0.2, -0.9, -0.1, -0.7, -0.3};
        assertThat(Metrics.auc(neg, t)).isEqualTo(0.0);
        assertThat(Metrics.ks(neg, t)).isEqualTo(new KsResult(1, -0.7));
    }

    @Test
    void infiniteScoresAreOrdinaryExtremes() {
        double[] s = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY};
        // Event +inf ties non-event +inf (1/2) and beats -inf (1); event 0 beats -inf only (1): 2.5 of 4.
        assertThat(Metrics.auc(s, y(0, 1, 1, 0))).isEqualTo(0.625);
        assertThat(Metrics.ks(s, y(0, 1, 1, 0))).isEqualTo(new KsResult(0.5, Double.NEGATIVE_INFINITY));
    }

    @Test
    void singleClassTargetIsAnError() {
        assertThatThrownBy(() -> Metrics.auc(new double[] {0.1, 0.2}, y(1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AUC needs both events and non-events, but target 'y' has 2 events and 0 non-events");
        assertThatThrownBy(() -> Metrics.ks(new double[] {0.1, 0.2}, y(0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KS needs both events and non-events, but target 'y' has 0 events and 2 non-events");
        assertThatThrownBy(() -> Metrics.auc(new double[0], y()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AUC needs both events and non-events, but target 'y' has 0 events and 0 non-events");
    }

    @Test
    void nanScoresAndLengthMismatchAreErrors() {
        assertThatThrownBy(() -> Metrics.auc(new double[] {0.1, Double.NaN, 0.3}, y(1, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AUC: scores[1] is NaN; every row needs a score");
        assertThatThrownBy(() -> Metrics.ks(new double[] {0.1, 0.2}, y(1, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KS: 2 scores for 3 rows of target 'y'");
    }

    @Test
    void giniNeedsAnAuc() {
        assertThat(Metrics.gini(0.5)).isZero();
        assertThat(Metrics.gini(0)).isEqualTo(-1);
        assertThatThrownBy(() -> Metrics.gini(1.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("auc must be between 0 and 1, got 1.2");
        assertThatThrownBy(() -> Metrics.gini(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("auc must be between 0 and 1, got NaN");
    }

    @Test
    void ksResultChecksItsValues() {
        assertThatThrownBy(() -> new KsResult(1.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ks must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> new KsResult(0.5, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score must not be NaN");
    }
}
