package dev.scorecard.crm.routing;

import java.util.Arrays;

/**
 * An exact min-cost flow by successive shortest paths (Dijkstra on reduced costs, Johnson
 * potentials from one Bellman-Ford pass), with <em>lexicographic</em> arc costs: a pair
 * {@code (primary, secondary)} of longs compared primary first. The allocation uses the primary cost
 * for the fairness floor (-1 per floor unit met) and the secondary for the expected conversions, so
 * meeting as much of the floor as possible always comes first, and when the floor cannot be met the
 * best partial floor is still found, without a big-M constant that could overflow or round. Costs
 * are whole numbers, so the optimum is exact. Flow is augmented while the cheapest path is negative,
 * which gives the cheapest flow of any size (the cost of successive shortest paths never decreases).
 *
 * <p>Why not a library (JGraphT's {@code CapacityScalingMinimumCostFlow}): its costs are doubles
 * and a single criterion, and arc lower bounds make an infeasible floor an exception rather than a
 * best partial floor with a report. The network here has at most a few thousand nodes, so this short
 * exact solver is fast enough (see the allocation benchmark).
 */
final class FlowNetwork {
    static final long INFINITE = Long.MAX_VALUE / 4;

    private final int nodes;
    private int arcs;
    private int[] head;
    private int[] next = new int[16];
    private int[] to = new int[16];
    private long[] cap = new long[16];
    private long[] cost1 = new long[16];
    private long[] cost2 = new long[16];

    FlowNetwork(int nodes) {
        this.nodes = nodes;
        head = new int[nodes];
        Arrays.fill(head, -1);
    }

    /**
     * Adds an arc and its residual twin (the arc's index + 1).
     *
     * @return the arc's index, whose flow {@link #flow} reads
     */
    int arc(int from, int target, long capacity, long primary, long secondary) {
        int a = add(from, target, capacity, primary, secondary);
        add(target, from, 0, -primary, -secondary);
        return a;
    }

    private int add(int from, int target, long capacity, long primary, long secondary) {
        if (arcs == to.length) {
            int n = arcs * 2;
            next = Arrays.copyOf(next, n);
            to = Arrays.copyOf(to, n);
            cap = Arrays.copyOf(cap, n);
            cost1 = Arrays.copyOf(cost1, n);
            cost2 = Arrays.copyOf(cost2, n);
        }
        to[arcs] = target;
        cap[arcs] = capacity;
        cost1[arcs] = primary;
        cost2[arcs] = secondary;
        next[arcs] = head[from];
        head[from] = arcs;
        return arcs++;
    }

    /** @return the flow on an arc returned by {@link #arc} */
    long flow(int arc) {
        return cap[arc + 1];
    }

    /**
     * Sends the cheapest flow from source to sink, of whatever size is cheapest (augmenting while a
     * path of negative cost exists). The network's arcs of negative cost must form no cycle.
     */
    void solve(int source, int sink) {
        long[] p1 = new long[nodes];
        long[] p2 = new long[nodes];
        boolean[] reach = new boolean[nodes];
        bellmanFord(source, p1, p2, reach);
        long[] d1 = new long[nodes];
        long[] d2 = new long[nodes];
        int[] via = new int[nodes];
        boolean[] done = new boolean[nodes];
        Heap heap = new Heap(nodes, d1, d2);
        while (true) {
            Arrays.fill(done, false);
            Arrays.fill(via, -1);
            Arrays.fill(d1, Long.MAX_VALUE);
            Arrays.fill(d2, Long.MAX_VALUE);
            d1[source] = 0;
            d2[source] = 0;
            heap.push(source);
            while (!heap.isEmpty()) {
                int u = heap.pop();
                done[u] = true;
                for (int a = head[u]; a >= 0; a = next[a]) {
                    int v = to[a];
                    if (cap[a] == 0 || done[v] || !reach[v]) {
                        continue;
                    }
                    long n1 = d1[u] + cost1[a] + p1[u] - p1[v];
                    long n2 = d2[u] + cost2[a] + p2[u] - p2[v];
                    if (n1 < d1[v] || n1 == d1[v] && n2 < d2[v]) {
                        d1[v] = n1;
                        d2[v] = n2;
                        via[v] = a;
                        heap.update(v);
                    }
                }
            }
            if (!done[sink]) {
                return;
            }
            for (int v = 0; v < nodes; v++) {
                if (done[v]) {
                    p1[v] += d1[v];
                    p2[v] += d2[v];
                } else {
                    reach[v] = false; // unreachable now, so for good: augmenting adds arcs between reachable nodes only
                }
            }
            long c1 = p1[sink] - p1[source];
            long c2 = p2[sink] - p2[source];
            if (c1 > 0 || c1 == 0 && c2 >= 0) {
                return;
            }
            long push = INFINITE;
            for (int v = sink; v != source; v = to[via[v] ^ 1]) {
                push = Math.min(push, cap[via[v]]);
            }
            for (int v = sink; v != source; v = to[via[v] ^ 1]) {
                cap[via[v]] -= push;
                cap[via[v] ^ 1] += push;
            }
        }
    }

    /** Shortest distances from the source over arcs with room, the potentials Dijkstra starts from. */
    private void bellmanFord(int source, long[] p1, long[] p2, boolean[] reach) {
        Arrays.fill(p1, Long.MAX_VALUE);
        Arrays.fill(p2, Long.MAX_VALUE);
        p1[source] = 0;
        p2[source] = 0;
        reach[source] = true;
        for (int pass = 0; pass < nodes; pass++) {
            boolean changed = false;
            for (int u = 0; u < nodes; u++) {
                if (!reach[u]) {
                    continue;
                }
                for (int a = head[u]; a >= 0; a = next[a]) {
                    if (cap[a] == 0) {
                        continue;
                    }
                    int v = to[a];
                    long n1 = p1[u] + cost1[a];
                    long n2 = p2[u] + cost2[a];
                    if (!reach[v] || n1 < p1[v] || n1 == p1[v] && n2 < p2[v]) {
                        p1[v] = n1;
                        p2[v] = n2;
                        reach[v] = true;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return;
            }
        }
        throw new IllegalStateException("the network has a negative cycle");
    }

    /** A binary heap of nodes keyed by the pair (d1, d2), with decrease-key. */
    private static final class Heap {
        private final int[] items;
        private final int[] pos;
        private final long[] k1;
        private final long[] k2;
        private int size;

        Heap(int n, long[] k1, long[] k2) {
            items = new int[n];
            pos = new int[n];
            Arrays.fill(pos, -1);
            this.k1 = k1;
            this.k2 = k2;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int v) {
            items[size] = v;
            pos[v] = size++;
            up(pos[v]);
        }

        void update(int v) {
            if (pos[v] < 0) {
                push(v);
            } else {
                up(pos[v]);
            }
        }

        int pop() {
            int top = items[0];
            pos[top] = -1;
            size--;
            if (size > 0) {
                items[0] = items[size];
                pos[items[0]] = 0;
                down(0);
            }
            return top;
        }

        private boolean less(int a, int b) {
            return k1[a] < k1[b] || k1[a] == k1[b] && (k2[a] < k2[b] || k2[a] == k2[b] && a < b);
        }

        private void up(int i) {
            int v = items[i];
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!less(v, items[parent])) {
                    break;
                }
                items[i] = items[parent];
                pos[items[i]] = i;
                i = parent;
            }
            items[i] = v;
            pos[v] = i;
        }

        private void down(int i) {
            int v = items[i];
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && less(items[c + 1], items[c])) {
                    c++;
                }
                if (!less(items[c], v)) {
                    break;
                }
                items[i] = items[c];
                pos[items[i]] = i;
                i = c;
            }
            items[i] = v;
            pos[v] = i;
        }
    }
}
