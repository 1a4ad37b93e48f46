package dev.scorecard.crm.value;

import java.util.Arrays;
import java.util.Optional;

/**
 * Each customer's recency, frequency, monetary value, 1–5 scores, segment, purchase cycle and NES
 * stage, computed from an {@link OrderBook} as of an instant (docs/rfm.md has the formulas).
 *
 * <p>Only customers with at least one order and a net value above 0 are <em>scored</em>: they alone
 * set the quantiles and the centres, and they alone get scores and a segment. The others are
 * {@link Segment#NO_VALUE}, still listed with their numbers.
 */
final class CustomerValues {
    static final long DAY = 86_400_000L;

    final OrderBook book;
    final long asOf;
    /** Whole days from the last order to the as-of instant, -1 without an order. */
    final long[] recencyDays;
    /** Scores 1–5 of recency, frequency and monetary at {@code [metric][i]}, 0 when not scored. */
    final int[][] scores;
    /** The segment, null when not scored. */
    final Segment[] segments;
    /** The purchase cycle in milliseconds, 0 without an order. */
    final long[] cycle;
    /** Whether the cycle is the customer's own (two or more orders at different instants). */
    final boolean[] ownCycle;
    /** The NES stage, null without an order. */
    final NesStage[] stages;
    /** The population's cycle in milliseconds: the median of the customers' own cycles. */
    final long populationCycle;
    /** The centres of recency days, frequency and cents that the segments are split at. */
    final double[] centres;
    final int scored;

    private CustomerValues(OrderBook book, long asOf, long[] recencyDays, int[][] scores, Segment[] segments, long[] cycle,
            boolean[] ownCycle, NesStage[] stages, long populationCycle, double[] centres, int scored) {
        this.book = book;
        this.asOf = asOf;
        this.recencyDays = recencyDays;
        this.scores = scores;
        this.segments = segments;
        this.cycle = cycle;
        this.ownCycle = ownCycle;
        this.stages = stages;
        this.populationCycle = populationCycle;
        this.centres = centres;
        this.scored = scored;
    }

    boolean isScored(int i) {
        return book.orders[i].length > 0 && book.cents[i] > 0;
    }

    int frequency(int i) {
        return book.orders[i].length;
    }

    static CustomerValues of(OrderBook book, long asOf, RfmSpec spec) {
        int n = book.ids.length;
        long[] recency = new long[n];
        int scored = 0;
        for (int i = 0; i < n; i++) {
            long[] o = book.orders[i];
            recency[i] = o.length == 0 ? -1 : Math.floorDiv(asOf - o[o.length - 1], DAY);
            if (o.length > 0 && book.cents[i] > 0) {
                scored++;
            }
        }
        // The scored customers' values; recency negated so that for all three more is better.
        double[][] values = new double[3][scored];
        int[] index = new int[scored];
        for (int i = 0, k = 0; i < n; i++) {
            if (book.orders[i].length > 0 && book.cents[i] > 0) {
                values[0][k] = -recency[i];
                values[1][k] = book.orders[i].length;
                values[2][k] = book.cents[i] / 100.0;
                index[k++] = i;
            }
        }
        int[][] scores = new int[3][n];
        double[] centres = new double[3];
        for (int m = 0; m < 3; m++) {
            double[] sorted = values[m].clone();
            Arrays.sort(sorted);
            Optional<double[]> cuts = spec.thresholds().get(m);
            for (int k = 0; k < scored; k++) {
                double v = values[m][k];
                scores[m][index[k]] = cuts.isPresent() ? byCuts(m == 0 ? -v : v, cuts.get(), m == 0)
                        : 1 + (int) (5L * lowerBound(sorted, v) / scored);
            }
            double c = scored == 0 ? 0 : spec.against() == RfmSpec.Centre.MEAN ? mean(sorted) : median(sorted);
            centres[m] = m == 0 ? -c : m == 2 ? c * 100 : c;
        }
        Segment[] segments = new Segment[n];
        for (int k = 0; k < scored; k++) {
            int i = index[k];
            segments[i] = Segment.of(recency[i] < centres[0], book.orders[i].length > centres[1],
                    book.cents[i] > centres[2]);
        }
        // Cycles: the median gap between a customer's orders; the population's is the median of those.
        long[] cycle = new long[n];
        boolean[] own = new boolean[n];
        long[] owned = new long[n];
        int owners = 0;
        for (int i = 0; i < n; i++) {
            long[] o = book.orders[i];
            if (o.length >= 2) {
                long[] gaps = new long[o.length - 1];
                for (int j = 1; j < o.length; j++) {
                    gaps[j - 1] = o[j] - o[j - 1];
                }
                Arrays.sort(gaps);
                int h = gaps.length / 2;
                long c = gaps.length % 2 == 1 ? gaps[h] : gaps[h - 1] + (gaps[h] - gaps[h - 1]) / 2;
                if (c > 0) {
                    cycle[i] = c;
                    own[i] = true;
                    owned[owners++] = c;
                }
            }
        }
        long population;
        if (owners == 0) {
            population = Math.round(spec.defaultCycleDays() * DAY);
        } else {
            long[] s = Arrays.copyOf(owned, owners);
            Arrays.sort(s);
            int h = owners / 2;
            population = owners % 2 == 1 ? s[h] : s[h - 1] + (s[h] - s[h - 1]) / 2;
        }
        NesStage[] stages = new NesStage[n];
        for (int i = 0; i < n; i++) {
            long[] o = book.orders[i];
            if (o.length == 0) {
                continue;
            }
            if (!own[i]) {
                cycle[i] = population;
            }
            long elapsed = asOf - o[o.length - 1];
            stages[i] = elapsed <= boundary(spec.dozingAfter(), cycle[i]) ? (o.length == 1 ? NesStage.NEW : NesStage.ACTIVE)
                    : elapsed <= boundary(spec.halfAsleepAfter(), cycle[i]) ? NesStage.DOZING
                    : elapsed <= boundary(spec.sleepingAfter(), cycle[i]) ? NesStage.HALF_ASLEEP : NesStage.SLEEPING;
        }
        return new CustomerValues(book, asOf, recency, scores, segments, cycle, own, stages, population, centres, scored);
    }

    /** @return {@code multiple} cycles in milliseconds, rounded to the millisecond */
    static long boundary(double multiple, long cycleMillis) {
        return Math.round(multiple * cycleMillis);
    }

    /** A score from cut points: 1 plus the cuts reached (recency: 5 minus the cuts reached, fewer days is better). */
    private static int byCuts(double v, double[] cuts, boolean lessIsBetter) {
        int reached = 0;
        for (double c : cuts) {
            if (v >= c) {
                reached++;
            }
        }
        return lessIsBetter ? 5 - reached : 1 + reached;
    }

    /** @return how many values of the sorted array are strictly below {@code v} */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double mean(double[] sorted) {
        double s = 0;
        for (double v : sorted) {
            s += v; // summed in sorted order, so the mean does not depend on the file's row order
        }
        return s / sorted.length;
    }

    private static double median(double[] sorted) {
        int h = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    }
}
