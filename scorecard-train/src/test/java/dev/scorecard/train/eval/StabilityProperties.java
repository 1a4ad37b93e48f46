package dev.scorecard.train.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.scorecard.core.model.Baseline;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * PSI by the formula, its properties, and the score bins by a linear scan, on seeded random
 * distributions with empty bins. Seeds are printed and named in every failure message.
 */
class StabilityProperties {
    private static final long SEED = 20261130L;

    /** Random counts over {@code bins} bins, about a third of them empty, at least one row. */
    private static long[] counts(SplittableRandom rnd, int bins) {
        long[] c = new long[bins];
        long total = 0;
        for (int i = 0; i < bins; i++) {
            c[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1 + rnd.nextInt(1000));
            total += c[i];
        }
        if (total == 0) {
            c[rnd.nextInt(bins)] = 1;
        }
        return c;
    }

    private static double[] shares(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] s = new double[counts.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (double) counts[i] / total;
        }
        return s;
    }

    @Test
    void psiIsTheFormulaNonNegativeSymmetricAndZeroOnItself() {
        System.out.println("StabilityProperties.psiIsTheFormulaNonNegativeSymmetricAndZeroOnItself seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int k = 0; k < 1000; k++) {
            int bins = 1 + rnd.nextInt(20);
            double[] e = shares(counts(rnd, bins));
            long[] actualCounts = counts(rnd, bins);
            double[] a = shares(actualCounts);
            String where = "seed " + SEED + ", case " + k;
            PsiResult r = Stability.psi(e, a);
            double formula = 0;
            for (int i = 0; i < bins; i++) {
                double ei = e[i] > 0 ? e[i] : 1e-4;
                double ai = a[i] > 0 ? a[i] : 1e-4;
                formula += (ai - ei) * (Math.log(ai) - Math.log(ei));
                assertThat(r.bins().get(i).expectedShare()).as(where).isEqualTo(e[i]);
                assertThat(r.bins().get(i).actualShare()).as(where).isEqualTo(a[i]);
                assertThat(r.bins().get(i).contribution()).as(where).isGreaterThanOrEqualTo(0);
            }
            // ln(a/e) against ln a − ln e: a few ulps of terms at most ~10.
            assertThat(r.value()).as(where).isCloseTo(formula, offset(1e-12)).isGreaterThanOrEqualTo(0);
            assertThat(r.bins().stream().mapToDouble(PsiResult.Bin::contribution).sum()).as(where)
                    .isCloseTo(r.value(), offset(1e-12));
            // Symmetric up to rounding: ln(e/a) is not bit for bit -ln(a/e).
            assertThat(Stability.psi(a, e).value()).as(where).isCloseTo(r.value(), offset(1e-12));
            assertThat(Stability.psiOfCounts(e, actualCounts).value()).as(where).isEqualTo(r.value());
            assertThat(Stability.psi(e, e).value()).as(where).isZero();
            assertThat(Stability.psi(a, a).value()).as(where).isZero();
        }
    }

    @Test
    void scorePsiBinsEveryScoreByTheBaselineRule() {
        System.out.println("StabilityProperties.scorePsiBinsEveryScoreByTheBaselineRule seed " + (SEED + 1));
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        for (int k = 0; k < 300; k++) {
            // Nine non-decreasing integer edges (repeats allowed) and integer scores around them, so many
            // scores sit exactly on an edge.
            List<Double> edges = new ArrayList<>();
            double edge = rnd.nextInt(5);
            for (int i = 0; i < 9; i++) {
                edges.add(edge);
                edge += rnd.nextInt(4);
            }
            double[] expected = shares(counts(rnd, 10));
            List<Double> expectedList = new ArrayList<>();
            for (double v : expected) {
                expectedList.add(v);
            }
            Baseline baseline = new Baseline(edges, expectedList, List.of());
            double[] scores = new double[1 + rnd.nextInt(500)];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = rnd.nextInt(40) - 5;
            }
            String where = "seed " + (SEED + 1) + ", case " + k;
            long[] counts = new long[10];
            for (double s : scores) {
                // Bin i when edges[i-1] <= s < edges[i], with edges[-1] = -inf and edges[9] = +inf.
                for (int i = 0; i < 10; i++) {
                    double lo = i == 0 ? Double.NEGATIVE_INFINITY : edges.get(i - 1);
                    double hi = i == 9 ? Double.POSITIVE_INFINITY : edges.get(i);
                    if (lo <= s && (s < hi || i == 9)) {
                        counts[i]++;
                        break;
                    }
                }
            }
            PsiResult r = Stability.scorePsi(baseline, scores);
            assertThat(r.bins()).extracting(PsiResult.Bin::actualShare).as(where)
                    .containsExactly(toObjects(shares(counts)));
            assertThat(r.value()).as(where).isEqualTo(Stability.psiOfCounts(expected, counts).value());
        }
    }

    private static Double[] toObjects(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
