package dev.scorecard.core.binning;

import java.util.ArrayList;
import java.util.List;

/**
 * ChiMerge (Kerber 1992): repeatedly merge the adjacent pair of groups whose 2×2 table of
 * (events, non-events) has the smallest χ², until there are at most {@code maxGroups} and every
 * adjacent pair reaches {@code chiThreshold}; then merge groups that break the size limits into the
 * neighbour they are least distinguishable from.
 */
final class ChiMerger {
    private ChiMerger() {
    }

    static int[] solve(int[] events, int[] nonEvents, OptimalMerger.Limits limits, double chiThreshold) {
        List<long[]> groups = new ArrayList<>(); // {events, nonEvents, end}
        for (int i = 0; i < events.length; i++) {
            groups.add(new long[] {events[i], nonEvents[i], i + 1});
        }
        while (groups.size() > 1) {
            int best = -1;
            double bestChi = Double.POSITIVE_INFINITY;
            for (int i = 0; i + 1 < groups.size(); i++) {
                double chi = chiSquare(groups.get(i), groups.get(i + 1));
                if (chi < bestChi) {
                    bestChi = chi;
                    best = i;
                }
            }
            boolean tooMany = groups.size() > limits.maxGroups();
            boolean belowThreshold = !Double.isNaN(chiThreshold) && bestChi < chiThreshold;
            if (!tooMany && !belowThreshold) {
                break;
            }
            merge(groups, best);
        }
        // Size limits: merge each offending group into the neighbour with the smaller χ².
        boolean changed = true;
        while (changed && groups.size() > 1) {
            changed = false;
            for (int i = 0; i < groups.size(); i++) {
                long[] g = groups.get(i);
                boolean small = g[0] + g[1] < limits.minCount() || g[0] < limits.minEvents() || g[1] < limits.minNonEvents();
                if (!small) {
                    continue;
                }
                int target;
                if (i == 0) {
                    target = 0;
                } else if (i == groups.size() - 1) {
                    target = i - 1;
                } else {
                    target = chiSquare(groups.get(i - 1), g) <= chiSquare(g, groups.get(i + 1)) ? i - 1 : i;
                }
                merge(groups, target);
                changed = true;
                break;
            }
        }
        int[] ends = new int[groups.size()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = (int) groups.get(i)[2];
        }
        return ends;
    }

    private static void merge(List<long[]> groups, int i) {
        long[] a = groups.get(i);
        long[] b = groups.remove(i + 1);
        groups.set(i, new long[] {a[0] + b[0], a[1] + b[1], b[2]});
    }

    /** Pearson χ² of the 2×2 table; an expected count of zero is taken as 0.1, as Kerber suggests. */
    static double chiSquare(long[] a, long[] b) {
        double rowA = a[0] + a[1];
        double rowB = b[0] + b[1];
        double colE = a[0] + b[0];
        double colN = a[1] + b[1];
        double total = rowA + rowB;
        if (total == 0) {
            return 0;
        }
        double[][] observed = {{a[0], a[1]}, {b[0], b[1]}};
        double[] rows = {rowA, rowB};
        double[] cols = {colE, colN};
        double chi = 0;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                double expected = rows[r] * cols[c] / total;
                if (expected == 0) {
                    expected = 0.1;
                }
                double d = observed[r][c] - expected;
                chi += d * d / expected;
            }
        }
        return chi;
    }
}
