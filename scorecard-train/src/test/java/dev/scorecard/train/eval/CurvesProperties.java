package dev.scorecard.train.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The cumulative curve against brute force and {@link Metrics} on seeded random inputs with many
 * ties. Seeds are printed and named in every failure message.
 */
class CurvesProperties {
    private static final long SEED = 20261126L;

    @Test
    void everyPointCountsTheRowsAtOrAboveItsScore() {
        System.out.println("CurvesProperties.everyPointCountsTheRowsAtOrAboveItsScore seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int k = 0; k < 300; k++) {
            ScoreCases.Case c = ScoreCases.scores(rnd, k < 150 ? 12 : 400, true);
            String where = "seed " + SEED + ", case " + k;
            CumulativeCurve curve = Curves.cumulative(c.scores(), c.target());
            double[] distinct = Arrays.stream(c.scores()).map(v -> v + 0.0).distinct().sorted().toArray();
            assertThat(curve.size()).as(where).isEqualTo(distinct.length);
            for (int i = 0; i < curve.size(); i++) {
                double s = distinct[distinct.length - 1 - i];
                int e = 0;
                int n = 0;
                for (int row = 0; row < c.scores().length; row++) {
                    if (c.scores()[row] >= s) {
                        e += c.target().event(row);
                        n += 1 - c.target().event(row);
                    }
                }
                assertThat(curve.point(i)).as(where + ", point " + i).isEqualTo(new CumulativeCurve.Point(s,
                        (double) e / c.target().eventCount(), (double) n / c.target().nonEventCount()));
            }
            assertThat(curve.point(curve.size() - 1)).as(where).isEqualTo(
                    new CumulativeCurve.Point(distinct[0], 1, 1));
        }
    }

    @Test
    void ksAndAreaAgreeWithMetrics() {
        System.out.println("CurvesProperties.ksAndAreaAgreeWithMetrics seed " + (SEED + 1));
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        for (int k = 0; k < 300; k++) {
            ScoreCases.Case c = ScoreCases.scores(rnd, 2000, true);
            String where = "seed " + (SEED + 1) + ", case " + k;
            CumulativeCurve curve = Curves.cumulative(c.scores(), c.target());
            KsResult ks = Metrics.ks(c.scores(), c.target());
            assertThat(curve.ks()).as(where).isEqualTo(ks.ks());
            if (ks.ks() > 0) {
                // The curve's KS point is the next distinct score above Metrics' threshold.
                double next = Arrays.stream(c.scores()).filter(v -> v > ks.score()).min().orElseThrow();
                assertThat(curve.score(curve.ksIndex())).as(where).isEqualTo(next + 0.0);
            } else {
                assertThat(curve.ksIndex()).as(where).isEqualTo(curve.size() - 1);
            }
            // The trapezoids under the ROC from (0, 0) are the Mann–Whitney AUC: a tie between an event
            // and a non-event is a diagonal step, which counts the pair one half.
            double area = 0;
            double x = 0;
            double yPrev = 0;
            for (int i = 0; i < curve.size(); i++) {
                area += (curve.falsePositiveRate(i) - x) * (curve.truePositiveRate(i) + yPrev) / 2;
                x = curve.falsePositiveRate(i);
                yPrev = curve.truePositiveRate(i);
            }
            // Summing up to 2000 rounded trapezoids: far below 1e-12 of error.
            assertThat(area).as(where).isCloseTo(Metrics.auc(c.scores(), c.target()), offset(1e-12));
        }
    }

    @Test
    void thinningKeepsAnOrderedSubsetWithTheEndsAndTheKsPoint() {
        System.out.println("CurvesProperties.thinningKeepsAnOrderedSubsetWithTheEndsAndTheKsPoint seed " + (SEED + 2));
        SplittableRandom rnd = new SplittableRandom(SEED + 2);
        for (int k = 0; k < 300; k++) {
            ScoreCases.Case c = ScoreCases.scores(rnd, 1500, true);
            CumulativeCurve curve = Curves.cumulative(c.scores(), c.target());
            int max = 3 + rnd.nextInt(60);
            String where = "seed " + (SEED + 2) + ", case " + k + ", maxPoints " + max;
            CumulativeCurve thin = curve.thin(max);
            assertThat(thin.size()).as(where).isLessThanOrEqualTo(max).isLessThanOrEqualTo(curve.size());
            if (curve.size() <= max) {
                assertThat(thin).as(where).isSameAs(curve);
            }
            assertThat(thin.point(0)).as(where).isEqualTo(curve.point(0));
            assertThat(thin.point(thin.size() - 1)).as(where).isEqualTo(curve.point(curve.size() - 1));
            assertThat(thin.point(thin.ksIndex())).as(where).isEqualTo(curve.point(curve.ksIndex()));
            assertThat(thin.ks()).as(where).isEqualTo(curve.ks());
            // A subsequence: every kept point is one of the curve's, in order.
            int[] at = new int[thin.size()];
            int j = 0;
            for (int i = 0; i < thin.size(); i++) {
                while (!curve.point(j).equals(thin.point(i))) {
                    j++;
                }
                at[i] = j;
            }
            // Deterministic.
            assertThat(curve.thin(max).points()).as(where).isEqualTo(thin.points());
            // Evenly spread: from one kept point to just before the next, the progress TPR + FPR grows by
            // less than the spacing of the targets, 2 / (placed + 1) with placed >= max - 3.
            if (curve.size() > max) {
                for (int i = 0; i + 1 < at.length; i++) {
                    double gap = progress(curve, at[i + 1] - 1) - progress(curve, at[i]);
                    assertThat(gap).as(where + ", after kept point " + i).isLessThan(2.0 / (max - 2) + 1e-12);
                }
            }
        }
    }

    private static double progress(CumulativeCurve c, int i) {
        return c.truePositiveRate(i) + c.falsePositiveRate(i);
    }
}
