package dev.scorecard.crm.features;

import java.util.function.IntFunction;

/** How often each int occurred, per lead: pairs (value, count) in a short array per lead. */
final class IntCounts {
    private final int[][] pairs;
    private final int[] sizes;

    IntCounts(int leads) {
        pairs = new int[leads][];
        sizes = new int[leads];
    }

    void add(int lead, int v) {
        int[] a = pairs[lead];
        int n = sizes[lead];
        if (a == null) {
            pairs[lead] = a = new int[8];
        }
        for (int i = 0; i < n; i++) {
            if (a[2 * i] == v) {
                a[2 * i + 1]++;
                return;
            }
        }
        if (2 * n == a.length) {
            pairs[lead] = a = java.util.Arrays.copyOf(a, a.length * 2);
        }
        a[2 * n] = v;
        a[2 * n + 1] = 1;
        sizes[lead] = n + 1;
    }

    /**
     * @param rank 1 for the most frequent
     * @param text a value's text, which breaks ties (the one that sorts first wins), so the answer
     *     does not depend on the order events were read in
     * @return the text of the rank-th value, or null when the lead has fewer values
     */
    String ranked(int lead, int rank, IntFunction<String> text) {
        int n = sizes[lead];
        if (n < rank) {
            return null;
        }
        int[] a = pairs[lead];
        boolean[] taken = new boolean[n];
        String chosen = null;
        for (int r = 0; r < rank; r++) {
            int best = -1;
            String bestText = null;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                String t = text.apply(a[2 * i]);
                if (best < 0 || a[2 * i + 1] > a[2 * best + 1]
                        || (a[2 * i + 1] == a[2 * best + 1] && t.compareTo(bestText) < 0)) {
                    best = i;
                    bestText = t;
                }
            }
            taken[best] = true;
            chosen = bestText;
        }
        return chosen;
    }
}
