package dev.scorecard.crm.routing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An allocation problem in arrays (the hot path): per lead its grade (0 the top grade) and
 * requirement signature; per signature and agent whether the agent may take such a lead; per agent
 * its capacity, its floor of top-grade leads and its rate per grade; and the order in which leads are
 * handed out (score100 high first, then lead id). Arrays are shared, not copied: an instance is
 * built once by the workflow or a test and only read.
 */
final class Instance {
    final int[] grade;
    final int[] signature;
    final int[] leadClass;
    final int[] order;
    final boolean[][] eligible;
    final int[] capacity;
    final int[] floor;
    final double[][] rate;
    private final int classes;

    /**
     * @param grade per lead its grade index, 0 the top grade
     * @param signature per lead its requirement signature, an index into {@code eligible}
     * @param order the leads in hand-out order
     * @param eligible per signature and agent
     * @param capacity per agent, 0 or more
     * @param floor per agent the top-grade leads it should get at least
     * @param rate per agent and grade, the expected conversion
     */
    Instance(int[] grade, int[] signature, int[] order, boolean[][] eligible, int[] capacity, int[] floor,
            double[][] rate) {
        this.grade = grade;
        this.signature = signature;
        this.order = order;
        this.eligible = eligible;
        this.capacity = capacity;
        this.floor = floor;
        this.rate = rate;
        leadClass = new int[grade.length];
        Map<Long, Integer> ids = new HashMap<>();
        for (int i = 0; i < grade.length; i++) {
            long key = (long) grade[i] << 32 | signature[i];
            Integer c = ids.get(key);
            if (c == null) {
                c = ids.size();
                ids.put(key, c);
            }
            leadClass[i] = c;
        }
        classes = ids.size();
    }

    int leads() {
        return grade.length;
    }

    int agents() {
        return capacity.length;
    }

    int classes() {
        return classes;
    }

    /** @return per agent its floor, {@code ceil(share × capacity)} (to 1e-9, so 0.05 × 20 is 1) */
    static int[] floors(int[] capacity, double minTopShare) {
        int[] f = new int[capacity.length];
        for (int a = 0; a < f.length; a++) {
            f[a] = (int) Math.ceil(minTopShare * capacity[a] - 1e-9);
        }
        return f;
    }

    /** @return the hand-out order for these scores (NaN last) and ids */
    static int[] order(double[] score, String[] id) {
        Integer[] o = new Integer[score.length];
        Arrays.setAll(o, i -> i);
        Arrays.sort(o, (x, y) -> {
            double sx = Double.isNaN(score[x]) ? Double.NEGATIVE_INFINITY : score[x];
            double sy = Double.isNaN(score[y]) ? Double.NEGATIVE_INFINITY : score[y];
            int r = Double.compare(sy, sx);
            return r != 0 ? r : id[x].compareTo(id[y]);
        });
        return Arrays.stream(o).mapToInt(Integer::intValue).toArray();
    }
}
