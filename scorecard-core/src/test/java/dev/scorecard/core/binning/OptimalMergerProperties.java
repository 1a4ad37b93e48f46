package dev.scorecard.core.binning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The dynamic programme against brute force over every partition of small random inputs: the
 * optimum must be equal, and the partition it returns must satisfy every constraint. Seeds are fixed
 * and printed in every failure message.
 */
class OptimalMergerProperties {
    private static final Monotonic[] TRENDS = {Monotonic.ASCENDING, Monotonic.DESCENDING, Monotonic.PEAK,
        Monotonic.VALLEY, Monotonic.NONE};

    @Test
    void dynamicProgrammeEqualsBruteForce() {
        for (long seed = 1; seed <= 400; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 1 + rnd.nextInt(11);
            int[] ev = new int[n];
            int[] ne = new int[n];
            for (int i = 0; i < n; i++) {
                ev[i] = rnd.nextInt(rnd.nextBoolean() ? 3 : 40);
                ne[i] = rnd.nextInt(rnd.nextBoolean() ? 3 : 60);
                if (ev[i] + ne[i] == 0) {
                    ne[i] = 1;
                }
            }
            long total = 0;
            long totalE = 0;
            long totalN = 0;
            for (int i = 0; i < n; i++) {
                total += ev[i] + ne[i];
                totalE += ev[i];
                totalN += ne[i];
            }
            // Pretend part of the characteristic is missing so totals exceed the regular rows sometimes.
            double te = totalE + rnd.nextInt(5) + 1;
            double tn = totalN + rnd.nextInt(5) + 1;
            OptimalMerger.Limits limits = new OptimalMerger.Limits((long) (total * rnd.nextDouble() * 0.3),
                    rnd.nextInt(3), rnd.nextInt(3), 1 + rnd.nextInt(n + 1));
            for (Monotonic trend : TRENDS) {
                int[] dp = OptimalMerger.solve(ev, ne, te, tn, limits, trend);
                double brute = bruteForce(ev, ne, te, tn, limits, trend);
                String where = "seed " + seed + ", trend " + trend + ", n " + n + ", limits " + limits;
                if (Double.isInfinite(brute)) {
                    assertThat(dp).as(where).isNull();
                    continue;
                }
                assertThat(dp).as(where).isNotNull();
                assertThat(admissible(ev, ne, dp, limits, trend)).as(where).isTrue();
                assertThat(OptimalMerger.iv(ev, ne, dp, te, tn)).as(where).isCloseTo(brute,
                        org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    static double bruteForce(int[] ev, int[] ne, double te, double tn, OptimalMerger.Limits limits, Monotonic trend) {
        int n = ev.length;
        double best = Double.NEGATIVE_INFINITY;
        for (int mask = 0; mask < (1 << (n - 1)); mask++) {
            List<Integer> ends = new ArrayList<>();
            for (int i = 0; i < n - 1; i++) {
                if ((mask & (1 << i)) != 0) {
                    ends.add(i + 1);
                }
            }
            ends.add(n);
            int[] e = ends.stream().mapToInt(Integer::intValue).toArray();
            if (admissible(ev, ne, e, limits, trend)) {
                best = Math.max(best, OptimalMerger.iv(ev, ne, e, te, tn));
            }
        }
        return best;
    }

    static boolean admissible(int[] ev, int[] ne, int[] ends, OptimalMerger.Limits limits, Monotonic trend) {
        if (ends.length > limits.maxGroups()) {
            return false;
        }
        int[] ge = Partitions.sum(ev, ends);
        int[] gn = Partitions.sum(ne, ends);
        double[] rate = new double[ends.length];
        for (int g = 0; g < ends.length; g++) {
            if (ge[g] + gn[g] < limits.minCount() || ge[g] < limits.minEvents() || gn[g] < limits.minNonEvents()) {
                return false;
            }
            rate[g] = (double) ge[g] / (ge[g] + gn[g]);
        }
        return followsTrend(ge, gn, trend);
    }

    /** Exact shape check by cross-multiplication, independent of the DP's own phase logic. */
    static boolean followsTrend(int[] ge, int[] gn, Monotonic trend) {
        int k = ge.length;
        int[] dir = new int[Math.max(0, k - 1)];
        for (int g = 1; g < k; g++) {
            long a = (long) ge[g] * (ge[g - 1] + gn[g - 1]);
            long b = (long) ge[g - 1] * (ge[g] + gn[g]);
            dir[g - 1] = Long.compare(a, b);
        }
        switch (trend) {
            case NONE:
                return true;
            case ASCENDING:
                return allEqual(dir, 0, dir.length, 1);
            case DESCENDING:
                return allEqual(dir, 0, dir.length, -1);
            case PEAK:
            case VALLEY:
                int first = trend == Monotonic.PEAK ? 1 : -1;
                for (int turn = 0; turn <= dir.length; turn++) {
                    if (allEqual(dir, 0, turn, first) && allEqual(dir, turn, dir.length, -first)) {
                        return true;
                    }
                }
                return false;
            default:
                throw new IllegalArgumentException(trend.toString());
        }
    }

    private static boolean allEqual(int[] dir, int from, int to, int value) {
        for (int i = from; i < to; i++) {
            if (dir[i] != value) {
                return false;
            }
        }
        return true;
    }
}
