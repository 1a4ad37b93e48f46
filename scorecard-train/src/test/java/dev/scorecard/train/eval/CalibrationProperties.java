package dev.scorecard.train.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Calibration against direct loops over the rows, on seeded random probabilities with many ties.
 * Seeds are printed and named in every failure message.
 */
class CalibrationProperties {
    private static final long SEED = 20261129L;

    @Test
    void groupsBrierAndHosmerLemeshowEqualDirectLoops() {
        System.out.println("CalibrationProperties.groupsBrierAndHosmerLemeshowEqualDirectLoops seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int k = 0; k < 400; k++) {
            ScoreCases.Case c = ScoreCases.probabilities(rnd, k < 200 ? 30 : 800);
            double[] p = c.scores();
            int n = p.length;
            String where = "seed " + SEED + ", case " + k + ", rows " + n;
            CalibrationResult r = Calibration.byDecile(p, c.target());

            double brier = 0;
            for (int i = 0; i < n; i++) {
                brier += (p[i] - c.target().event(i)) * (p[i] - c.target().event(i));
            }
            assertThat(r.brier()).as(where).isCloseTo(brier / n, offset(1e-15));

            // Groups by the documented rule, each summed row by row: {rows, events, sum of p, min, max}.
            int[] above = ScoreCases.rowsAbove(p);
            TreeMap<Long, double[]> byGroup = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                double[] acc = byGroup.computeIfAbsent(10L * above[i] / n, g -> new double[] {0, 0, 0, 1, 0});
                acc[0]++;
                acc[1] += c.target().event(i);
                acc[2] += p[i];
                acc[3] = Math.min(acc[3], p[i]);
                acc[4] = Math.max(acc[4], p[i]);
            }
            List<double[]> expected = List.copyOf(byGroup.values());
            assertThat(r.groups()).as(where).hasSize(expected.size());
            double hl = 0;
            for (int g = 0; g < expected.size(); g++) {
                double[] acc = expected.get(g);
                CalibrationResult.Group got = r.groups().get(g);
                String at = where + ", group " + (g + 1);
                assertThat(got.group()).as(at).isEqualTo(g + 1);
                assertThat(got.count()).as(at).isEqualTo((int) acc[0]);
                assertThat(got.events()).as(at).isEqualTo((int) acc[1]);
                assertThat(got.observedRate()).as(at).isEqualTo(acc[1] / acc[0]);
                // Sums in another order: a few ulps of a number below 1.
                assertThat(got.meanPredicted()).as(at).isCloseTo(acc[2] / acc[0], offset(1e-12));
                assertThat(got.minPredicted()).as(at).isEqualTo(acc[3]);
                assertThat(got.maxPredicted()).as(at).isEqualTo(acc[4]);
                // The two-class Pearson form: events and non-events, observed against expected.
                double e1 = acc[2];
                double e0 = acc[0] - acc[2];
                double o1 = acc[1];
                double o0 = acc[0] - acc[1];
                hl += term(o1, e1) + term(o0, e0);
            }
            if (expected.size() < 3) {
                assertThat(r.hosmerLemeshow()).as(where).isEmpty();
                continue;
            }
            HosmerLemeshow test = r.hosmerLemeshow().orElseThrow();
            assertThat(test.degreesOfFreedom()).as(where).isEqualTo(expected.size() - 2);
            if (Double.isInfinite(hl)) {
                assertThat(test.statistic()).as(where).isInfinite();
                assertThat(test.pValue()).as(where).isZero();
            } else {
                assertThat(test.statistic()).as(where).isCloseTo(hl, offset(1e-9 * Math.max(1, hl)));
                // The upper tail straight from the regularized gamma function Q(df/2, x/2), not 1 − CDF.
                double q = Gamma.regularizedGammaQ(test.degreesOfFreedom() / 2.0, hl / 2);
                assertThat(test.pValue()).as(where).isCloseTo(q, offset(1e-9));
            }
        }
    }

    /** (O − E)² / E, with 0/0 = 0 and x/0 = ∞ as documented. */
    private static double term(double observed, double expected) {
        // Expected counts that are 0 up to rounding in a different order of summation count as 0.
        if (Math.abs(expected) < 1e-9) {
            return Math.abs(observed) < 1e-9 ? 0 : Double.POSITIVE_INFINITY;
        }
        return (observed - expected) * (observed - expected) / expected;
    }
}
