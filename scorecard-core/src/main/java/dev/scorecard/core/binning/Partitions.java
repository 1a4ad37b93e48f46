package dev.scorecard.core.binning;

/**
 * Small operations on partitions of an ordered sequence of units into contiguous groups, each
 * given by the exclusive end index of every group.
 */
final class Partitions {
    private Partitions() {
    }

    /**
     * Quantile grouping: closes a group as soon as the running count reaches the next of
     * {@code maxGroups - 1} evenly spaced targets; a unit is never split, so heavy ties make fewer groups.
     */
    static int[] quantileEnds(long[] counts, int maxGroups) {
        int n = counts.length;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        int[] ends = new int[Math.min(n, maxGroups)];
        int g = 0;
        long running = 0;
        int k = 1;
        for (int u = 0; u < n; u++) {
            running += counts[u];
            if (u == n - 1) {
                ends[g++] = n;
                break;
            }
            // target k is k * total / maxGroups; compare without rounding: running * maxGroups >= k * total
            if (running * (double) maxGroups >= k * (double) total) {
                ends[g++] = u + 1;
                while (k < maxGroups && k * (double) total <= running * (double) maxGroups) {
                    k++;
                }
                if (g == ends.length - 1) {
                    ends[g++] = n;
                    break;
                }
            }
        }
        return java.util.Arrays.copyOf(ends, g);
    }

    /** @return the ends of every unit on its own */
    static int[] identity(int n) {
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            ends[i] = i + 1;
        }
        return ends;
    }

    /** @return ends over units of groups whose ends are given over pre-groups of those units */
    static int[] compose(int[] outerEnds, int[] innerEnds) {
        int[] ends = new int[outerEnds.length];
        for (int g = 0; g < outerEnds.length; g++) {
            ends[g] = innerEnds[outerEnds[g] - 1];
        }
        return ends;
    }

    /** @return per-group sums */
    static int[] sum(int[] values, int[] ends) {
        int[] out = new int[ends.length];
        int start = 0;
        for (int g = 0; g < ends.length; g++) {
            int s = 0;
            for (int u = start; u < ends[g]; u++) {
                s += values[u];
            }
            out[g] = s;
            start = ends[g];
        }
        return out;
    }
}
