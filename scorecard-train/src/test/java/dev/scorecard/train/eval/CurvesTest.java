package dev.scorecard.train.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.data.BinaryTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cumulative curve and its thinning on cases small enough to follow by hand, and the errors. */
class CurvesTest {
    static BinaryTarget y(int... events) {
        byte[] b = new byte[events.length];
        for (int i = 0; i < events.length; i++) {
            b[i] = (byte) events[i];
        }
        return BinaryTarget.of("y", "1", b);
    }

    /**
     * scikit-learn's documented example of {@code average_precision_score}: y = [0, 0, 1, 1], scores
     * [0.1, 0.4, 0.35, 0.8] give 0.83333 (its user guide and API page). By hand: from the top, 0.8 (e)
     * adds recall ½ at precision 1; 0.4 (n) adds none; 0.35 (e) adds ½ at precision ⅔: ½ + ⅓.
     */
    @Test
    void averagePrecisionMatchesScikitLearnsDocumentedExample() {
        CumulativeCurve c = Curves.cumulative(new double[] {0.1, 0.4, 0.35, 0.8}, y(0, 0, 1, 1));
        assertThat(c.averagePrecision()).isCloseTo(0.8333333333333333, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(c.precision(0)).isEqualTo(1);
        assertThat(c.precision(1)).isEqualTo(0.5);
        assertThat(c.precision(2)).isEqualTo(2.0 / 3);
        assertThat(c.precision(3)).isEqualTo(0.5);
    }

    @Test
    void averagePrecisionTakesTiedScoresAsOneCutoff() {
        // 0.5 holds an event and a non-event together: recall ½ at precision ½; then 0.2 (e): ½ at ⅔.
        CumulativeCurve c = Curves.cumulative(new double[] {0.5, 0.5, 0.2}, y(1, 0, 1));
        assertThat(c.averagePrecision()).isCloseTo(0.25 + 1.0 / 3, org.assertj.core.data.Offset.offset(1e-15));
        // A perfect ranking scores 1, and a score that ranks nothing is the event rate.
        assertThat(Curves.cumulative(new double[] {0.9, 0.8, 0.1}, y(1, 1, 0)).averagePrecision()).isEqualTo(1);
        assertThat(Curves.cumulative(new double[] {0.3, 0.3, 0.3, 0.3}, y(1, 0, 0, 0)).averagePrecision())
                .isEqualTo(0.25);
    }

    @Test
    void handComputedCurveWithATie() {
        double[] s = {0.8, 0.1, 0.9, 0.3, 0.8};
        BinaryTarget t = y(1, 1, 1, 0, 0);
        CumulativeCurve c = Curves.cumulative(s, t);
        // 3 events, 2 non-events. From the top: 0.9 (e) -> 1/3, 0; 0.8 (e and n, together) -> 2/3, 1/2;
        // 0.3 (n) -> 2/3, 1; 0.1 (e) -> 1, 1.
        assertThat(c.points()).containsExactly(
                new CumulativeCurve.Point(0.9, 1.0 / 3, 0),
                new CumulativeCurve.Point(0.8, 2.0 / 3, 0.5),
                new CumulativeCurve.Point(0.3, 2.0 / 3, 1),
                new CumulativeCurve.Point(0.1, 1, 1));
        // Gaps 1/3, 1/6, 1/3, 0: the lowest score with 1/3 is 0.3. Metrics.ks finds 1/3 at threshold 0.1
        // ("at most 0.1" against "above"): the next distinct score down from 0.3.
        assertThat(c.ksIndex()).isEqualTo(2);
        assertThat(c.ks()).isEqualTo(1.0 / 3).isEqualTo(Metrics.ks(s, t).ks());
        assertThat(Metrics.ks(s, t).score()).isEqualTo(0.1);
        assertThat(c.size()).isEqualTo(4);
        assertThat(c.score(1)).isEqualTo(0.8);
        assertThat(c.truePositiveRate(1)).isEqualTo(2.0 / 3);
        assertThat(c.falsePositiveRate(1)).isEqualTo(0.5);
        assertThat(c.point(3)).isEqualTo(new CumulativeCurve.Point(0.1, 1, 1));
    }

    @Test
    void oneDistinctScoreIsOnePointAtOneOne() {
        CumulativeCurve c = Curves.cumulative(new double[] {2, 2, -0.0, 0.0}, y(1, 0, 1, 0));
        // -0.0 and 0.0 are one score; 2 comes first with half of each class.
        assertThat(c.points()).containsExactly(
                new CumulativeCurve.Point(2, 0.5, 0.5), new CumulativeCurve.Point(0.0, 1, 1));
        assertThat(c.ks()).isZero();
        assertThat(c.ksIndex()).isEqualTo(1);
        CumulativeCurve one = Curves.cumulative(new double[] {7, 7}, y(1, 0));
        assertThat(one.points()).containsExactly(new CumulativeCurve.Point(7, 1, 1));
        assertThat(one.ksIndex()).isZero();
    }

    /** Ten rows scoring 10 down to 1; events at 10, 9, 8, 6 and 3. */
    private static CumulativeCurve tenPoints() {
        return Curves.cumulative(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, y(1, 1, 1, 0, 1, 0, 0, 1, 0, 0));
    }

    @Test
    void thinningKeepsFirstLastAndKsAndSpreadsTheRest() {
        CumulativeCurve c = tenPoints();
        // Cumulative (events, non-events) of 5 each: (1,0) (2,0) (3,0) (3,1) (4,1) (4,2) (4,3) (5,3) (5,4)
        // (5,5). Gaps |e - n| x 5: 5 10 15 10 15 10 5 10 5 0: KS 15/25 = 0.6, lowest score at index 4
        // (score 6).
        assertThat(c.ksIndex()).isEqualTo(4);
        assertThat(c.ks()).isEqualTo(0.6);
        // thin(5): indices 0, 4 and 9 are kept; 2 more go at progress TPR + FPR >= 2/3 and >= 4/3.
        // Progress: .2 .4 .6 .8 1 1.2 1.4 1.6 1.8 2, so index 3 (.8) and index 6 (1.4).
        CumulativeCurve thin = c.thin(5);
        assertThat(thin.points()).extracting(CumulativeCurve.Point::score).containsExactly(10.0, 7.0, 6.0, 4.0, 1.0);
        assertThat(thin.ksIndex()).isEqualTo(2);
        assertThat(thin.ks()).isEqualTo(0.6);
        assertThat(thin.point(3)).isEqualTo(c.point(6));
        // thin(3): nothing left to place.
        assertThat(c.thin(3).points()).extracting(CumulativeCurve.Point::score).containsExactly(10.0, 6.0, 1.0);
        // Already small enough: the same curve.
        assertThat(c.thin(10)).isSameAs(c);
        assertThat(c.thin(1000)).isSameAs(c);
    }

    @Test
    void thinningNeedsThreePoints() {
        assertThatThrownBy(() -> tenPoints().thin(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPoints must be at least 3 (first, last and KS point), got 2");
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> Curves.cumulative(new double[] {0.1, 0.2}, y(1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ROC needs both events and non-events, but target 'y' has 2 events and 0 non-events");
        assertThatThrownBy(() -> Curves.cumulative(new double[] {0.1, 0.2, 0.3}, y(0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ROC needs both events and non-events, but target 'y' has 0 events and 3 non-events");
        assertThatThrownBy(() -> Curves.cumulative(new double[] {0.1, 0.2}, y(1, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ROC: 2 scores for 3 rows of target 'y'");
        assertThatThrownBy(() -> Curves.cumulative(new double[] {0.1, Double.NaN}, y(1, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ROC: scores[1] is NaN; every row needs a score");
    }

    @Test
    void pointChecksItsValues() {
        assertThatThrownBy(() -> new CumulativeCurve.Point(Double.NaN, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("score must not be NaN");
        assertThatThrownBy(() -> new CumulativeCurve.Point(1, 1.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truePositiveRate must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> new CumulativeCurve.Point(1, 0, -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("falsePositiveRate must be between 0 and 1, got -0.1");
        assertThat(tenPoints().points()).isInstanceOf(List.class).hasSize(10);
    }
}
