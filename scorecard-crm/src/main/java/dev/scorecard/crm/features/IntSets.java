package dev.scorecard.crm.features;

/**
 * A small set of ints per lead, allocated at a lead's first value: a lead's distinct days or
 * property values are few, so a linear scan of a short array beats hashing.
 */
final class IntSets {
    private final int[][] values;
    private final int[] sizes;

    IntSets(int leads) {
        values = new int[leads][];
        sizes = new int[leads];
    }

    void add(int lead, int v) {
        int[] a = values[lead];
        int n = sizes[lead];
        if (a == null) {
            values[lead] = a = new int[4];
        }
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return;
            }
        }
        if (n == a.length) {
            values[lead] = a = java.util.Arrays.copyOf(a, n * 2);
        }
        a[n] = v;
        sizes[lead] = n + 1;
    }

    int size(int lead) {
        return sizes[lead];
    }
}
