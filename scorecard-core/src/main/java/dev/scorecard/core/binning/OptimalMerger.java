package dev.scorecard.core.binning;

import java.util.Arrays;

/**
 * The exact IV-optimal merge of ordered pre-bins into contiguous groups (SPEC §3), by dynamic
 * programming. IV is additive over groups, and every constraint except the trend is local to a group,
 * so a state needs only the last group (for the trend comparison), the number of groups so far, and,
 * for peak and valley, whether the turn has been passed. The cost is O(K · n³) for n pre-bins and K
 * groups at most, well under a millisecond for the default 100 pre-bins.
 */
final class OptimalMerger {
    private static final double UNREACHABLE = Double.NEGATIVE_INFINITY;

    private OptimalMerger() {
    }

    /** Group constraints: a group is admissible when it has at least these counts. */
    record Limits(long minCount, long minEvents, long minNonEvents, int maxGroups) {
    }

    /**
     * @param events events per pre-bin, in order
     * @param nonEvents non-events per pre-bin, in order
     * @param totalEvents events of the whole characteristic (the WOE denominators)
     * @param totalNonEvents non-events of the whole characteristic
     * @param limits per-group constraints and the most groups
     * @param trend a concrete trend (not {@link Monotonic#AUTO})
     * @return exclusive end index of each group, or null when no partition is admissible
     */
    static int[] solve(int[] events, int[] nonEvents, double totalEvents, double totalNonEvents, Limits limits,
            Monotonic trend) {
        if (trend == Monotonic.AUTO) {
            throw new IllegalArgumentException("resolve AUTO before calling solve");
        }
        int n = events.length;
        if (n == 0) {
            return null;
        }
        long[] pe = new long[n + 1];
        long[] pn = new long[n + 1];
        for (int i = 0; i < n; i++) {
            pe[i + 1] = pe[i] + events[i];
            pn[i + 1] = pn[i] + nonEvents[i];
        }
        // groupIv[i][j]: IV of the group i..j, or NaN when the group breaks a local constraint.
        double[][] groupIv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                long e = pe[j + 1] - pe[i];
                long ne = pn[j + 1] - pn[i];
                boolean ok = e + ne >= limits.minCount() && e >= limits.minEvents() && ne >= limits.minNonEvents();
                groupIv[i][j] = ok ? WeightOfEvidence.iv(e, ne, totalEvents, totalNonEvents) : Double.NaN;
            }
        }
        boolean twoPhase = trend == Monotonic.PEAK || trend == Monotonic.VALLEY;
        int phases = twoPhase ? 2 : 1;
        int maxK = Math.min(limits.maxGroups(), n);
        // best[at(p, i, j) + k]: best IV of pre-bins 0..j in k+1 groups, the last being i..j, in phase
        // p. The group count is the innermost, contiguous index: the hot loop runs along it.
        double[] best = new double[phases * n * n * maxK];
        int[] back = new int[best.length];
        Arrays.fill(best, UNREACHABLE);
        for (int j = 0; j < n; j++) {
            if (!Double.isNaN(groupIv[0][j])) {
                best[at(0, 0, j, n, maxK)] = groupIv[0][j];
                back[at(0, 0, j, n, maxK)] = -1;
            }
            for (int i = 1; i <= j; i++) {
                double iv = groupIv[i][j];
                if (Double.isNaN(iv)) {
                    continue;
                }
                long e = pe[j + 1] - pe[i];
                long c = e + pn[j + 1] - pn[i];
                for (int h = 0; h < i; h++) {
                    if (Double.isNaN(groupIv[h][i - 1])) {
                        continue;
                    }
                    long pe2 = pe[i] - pe[h];
                    long pc2 = pe2 + pn[i] - pn[h];
                    // Sign of rate(new) - rate(prev), exactly, by cross-multiplication.
                    int cmp = Long.compare(e * pc2, pe2 * c);
                    for (int prevPhase = 0; prevPhase < phases; prevPhase++) {
                        int phase = nextPhase(trend, prevPhase, cmp);
                        if (phase < 0) {
                            continue;
                        }
                        int from = at(prevPhase, h, i - 1, n, maxK);
                        int to = at(phase, i, j, n, maxK);
                        int link = h * 2 + prevPhase;
                        for (int k = 1; k < maxK; k++) {
                            double cand = best[from + k - 1] + iv;
                            if (cand > best[to + k]) {
                                best[to + k] = cand;
                                back[to + k] = link;
                            }
                        }
                    }
                }
            }
        }
        double top = UNREACHABLE;
        int bp = -1;
        int bk = -1;
        int bi = -1;
        for (int k = 0; k < maxK; k++) {
            for (int p = 0; p < phases; p++) {
                for (int i = 0; i < n; i++) {
                    double v = best[at(p, i, n - 1, n, maxK) + k];
                    if (v > top) {
                        top = v;
                        bp = p;
                        bk = k;
                        bi = i;
                    }
                }
            }
        }
        if (bk < 0) {
            return null;
        }
        int[] ends = new int[bk + 1];
        int j = n - 1;
        int i = bi;
        int p = bp;
        for (int k = bk; k >= 0; k--) {
            ends[k] = j + 1;
            int b = back[at(p, i, j, n, maxK) + k];
            j = i - 1;
            if (b >= 0) {
                i = b / 2;
                p = b % 2;
            }
        }
        return ends;
    }

    private static int at(int phase, int i, int j, int n, int maxK) {
        return ((phase * n + i) * n + j) * maxK;
    }

    /** @return the phase after adding a group, or -1 when the trend forbids it; cmp is sign(new - prev) */
    private static int nextPhase(Monotonic trend, int prevPhase, int cmp) {
        switch (trend) {
            case NONE:
                return 0;
            case ASCENDING:
                return cmp > 0 ? 0 : -1;
            case DESCENDING:
                return cmp < 0 ? 0 : -1;
            case PEAK:
                if (prevPhase == 0) {
                    return cmp > 0 ? 0 : cmp < 0 ? 1 : -1;
                }
                return cmp < 0 ? 1 : -1;
            case VALLEY:
                if (prevPhase == 0) {
                    return cmp < 0 ? 0 : cmp > 0 ? 1 : -1;
                }
                return cmp > 0 ? 1 : -1;
            default:
                throw new IllegalArgumentException(trend.toString());
        }
    }

    /** @return the IV of a partition given by its group ends */
    static double iv(int[] events, int[] nonEvents, int[] ends, double totalEvents, double totalNonEvents) {
        double iv = 0;
        int start = 0;
        for (int end : ends) {
            long e = 0;
            long ne = 0;
            for (int u = start; u < end; u++) {
                e += events[u];
                ne += nonEvents[u];
            }
            iv += WeightOfEvidence.iv(e, ne, totalEvents, totalNonEvents);
            start = end;
        }
        return iv;
    }
}
