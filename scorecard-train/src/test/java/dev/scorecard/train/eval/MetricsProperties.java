package dev.scorecard.train.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.scorecard.core.data.BinaryTarget;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * AUC and KS against brute force on seeded random inputs with many ties, their symmetry and
 * invariance properties, and exactness on a million rows. Seeds are printed and named in every
 * failure message.
 */
class MetricsProperties {
    private static final long SEED = 20261125L;

    /** One random case: scores with many ties (often few distinct values), both classes present. */
    private record Case(double[] scores, BinaryTarget target) {
    }

    private static Case randomCase(SplittableRandom rnd, int maxRows, boolean integersOnly) {
        int n = 2 + rnd.nextInt(maxRows - 1);
        int distinct = 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 200);
        double eventRate = 0.05 + 0.9 * rnd.nextDouble();
        double[] s = new double[n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(distinct) - distinct / 2;
            int special = rnd.nextInt(50);
            if (special == 0) {
                s[i] = rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            } else if (special == 1 && !integersOnly) {
                s[i] = -0.0;
            } else if (integersOnly || rnd.nextInt(4) > 0) {
                s[i] = k;
            } else {
                s[i] = k + rnd.nextDouble();
            }
            y[i] = (byte) (rnd.nextDouble() < eventRate ? 1 : 0);
        }
        y[0] = 1;
        y[1] = 0;
        return new Case(s, BinaryTarget.of("y", "1", y));
    }

    /** Twice the Mann–Whitney U by comparing every event with every non-event. */
    private static long bruteTwiceU(Case c) {
        long twice = 0;
        for (int i = 0; i < c.scores.length; i++) {
            if (!c.target.isEvent(i)) {
                continue;
            }
            for (int j = 0; j < c.scores.length; j++) {
                if (!c.target.isEvent(j)) {
                    double a = c.scores[i];
                    double b = c.scores[j];
                    twice += a > b ? 2 : a == b ? 1 : 0;
                }
            }
        }
        return twice;
    }

    /** KS by counting, for every distinct score as a threshold, the rows at or below it. */
    private static KsResult bruteKs(Case c) {
        double[] thresholds = Arrays.stream(c.scores).map(v -> v + 0.0).sorted().distinct().toArray();
        long totalE = c.target.eventCount();
        long totalN = c.target.nonEventCount();
        long bestGap = -1;
        double bestScore = Double.NaN;
        for (double t : thresholds) {
            long e = 0;
            long n = 0;
            for (int i = 0; i < c.scores.length; i++) {
                if (c.scores[i] <= t) {
                    if (c.target.isEvent(i)) {
                        e++;
                    } else {
                        n++;
                    }
                }
            }
            long gap = Math.abs(e * totalN - n * totalE);
            if (gap > bestGap) {
                bestGap = gap;
                bestScore = t;
            }
        }
        return new KsResult((double) bestGap / (double) (totalE * totalN), bestScore);
    }

    @Test
    void aucAndKsEqualBruteForce() {
        System.out.println("MetricsProperties.aucAndKsEqualBruteForce seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int c = 0; c < 300; c++) {
            Case k = randomCase(rnd, c < 150 ? 12 : 1500, false);
            String where = "seed " + SEED + ", case " + c + ", rows " + k.scores.length;
            long e = k.target.eventCount();
            long n = k.target.nonEventCount();
            assertThat(Metrics.auc(k.scores, k.target)).as(where).isEqualTo((double) bruteTwiceU(k) / (2.0 * e * n));
            assertThat(Metrics.ks(k.scores, k.target)).as(where).isEqualTo(bruteKs(k));
        }
    }

    @Test
    void aucOfNegatedScoresIsOneMinusAuc() {
        System.out.println("MetricsProperties.aucOfNegatedScoresIsOneMinusAuc seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        for (int c = 0; c < 200; c++) {
            Case k = randomCase(rnd, 2000, false);
            double[] negated = Arrays.stream(k.scores).map(v -> -v).toArray();
            String where = "seed " + (SEED + 1) + ", case " + c;
            double auc = Metrics.auc(k.scores, k.target);
            // Both are exact integer ratios with the same denominator; only the final divisions round,
            // each by at most half an ulp of a number <= 1.
            assertThat(Metrics.auc(negated, k.target)).as(where).isCloseTo(1 - auc, offset(1e-15));
            assertThat(Metrics.ks(negated, k.target).ks()).as(where).isEqualTo(Metrics.ks(k.scores, k.target).ks());
        }
    }

    @Test
    void strictlyIncreasingTransformsChangeNothing() {
        System.out.println("MetricsProperties.strictlyIncreasingTransformsChangeNothing seed " + SEED);
        // On integer scores within +-100 and +-inf these are strictly increasing in double arithmetic too.
        DoubleUnaryOperator[] transforms = {v -> 3 * v + 7, v -> v * v * v + v, v -> StrictMath.exp(v / 8),
            StrictMath::atan, v -> v / 1000 - 1e6};
        SplittableRandom rnd = new SplittableRandom(SEED + 2);
        for (int c = 0; c < 100; c++) {
            Case k = randomCase(rnd, 2000, true);
            double auc = Metrics.auc(k.scores, k.target);
            KsResult ks = Metrics.ks(k.scores, k.target);
            for (int t = 0; t < transforms.length; t++) {
                double[] moved = Arrays.stream(k.scores).map(transforms[t]).toArray();
                String where = "seed " + (SEED + 2) + ", case " + c + ", transform " + t;
                assertThat(Metrics.auc(moved, k.target)).as(where).isEqualTo(auc);
                KsResult movedKs = Metrics.ks(moved, k.target);
                assertThat(movedKs.ks()).as(where).isEqualTo(ks.ks());
                assertThat(movedKs.score()).as(where).isEqualTo(transforms[t].applyAsDouble(ks.score()));
            }
        }
    }

    @Test
    void exactOnAMillionRows() {
        System.out.println("MetricsProperties.exactOnAMillionRows seed " + SEED);
        // A million rows over 1000 distinct scores, so ties are everywhere. The reference is the
        // rank-sum form of U, a different route from the pairwise merge: 2U = 2·R_E − E(E+1), with
        // R_E the events' sum of mid-ranks, computed from a count table in BigInteger.
        SplittableRandom rnd = new SplittableRandom(SEED + 3);
        int n = 1_000_000;
        int distinct = 1000;
        double[] s = new double[n];
        byte[] y = new byte[n];
        long[] countE = new long[distinct];
        long[] countN = new long[distinct];
        for (int i = 0; i < n; i++) {
            int v = rnd.nextInt(distinct);
            s[i] = v * 0.001;
            // Event probability rising with the score, so the AUC is well inside (0.5, 1).
            y[i] = (byte) (rnd.nextInt(distinct) < v ? 1 : 0);
            if (y[i] == 1) {
                countE[v]++;
            } else {
                countN[v]++;
            }
        }
        BinaryTarget target = BinaryTarget.of("y", "1", y);
        BigInteger twiceRankSum = BigInteger.ZERO;
        long below = 0;
        for (int v = 0; v < distinct; v++) {
            long tied = countE[v] + countN[v];
            // Twice the mid-rank of value v: (below + 1) + (below + tied).
            twiceRankSum = twiceRankSum.add(
                    BigInteger.valueOf(countE[v]).multiply(BigInteger.valueOf(2 * below + tied + 1)));
            below += tied;
        }
        long e = target.eventCount();
        long ne = target.nonEventCount();
        BigInteger twiceU = twiceRankSum.subtract(BigInteger.valueOf(e).multiply(BigInteger.valueOf(e + 1)));
        double exact = new BigDecimal(twiceU)
                .divide(new BigDecimal(2 * e * ne), MathContext.DECIMAL64).doubleValue();
        double auc = Metrics.auc(s, target);
        assertThat(Math.abs(auc - exact) / exact).as("seed %d", SEED + 3).isLessThanOrEqualTo(1e-12);
        double[] ev = new double[(int) e];
        double[] nv = new double[(int) ne];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] == 1) {
                ev[a++] = s[i];
            } else {
                nv[b++] = s[i];
            }
        }
        Arrays.sort(ev);
        Arrays.sort(nv);
        assertThat(Metrics.twiceMannWhitneyU(ev, nv)).as("seed %d", SEED + 3).isEqualTo(twiceU.longValueExact());
    }
}
