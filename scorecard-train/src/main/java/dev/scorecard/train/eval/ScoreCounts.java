package dev.scorecard.train.eval;

import dev.scorecard.core.data.BinaryTarget;
import java.util.Arrays;
import java.util.Objects;

/**
 * The rows of a score against a binary target collapsed to its distinct scores, highest first, with
 * the number of events and non-events at each: the one pass of sorting that the curves, the gains
 * table and the calibration table share. Not API: package-private, built and read only here.
 *
 * <p>Also holds the input checks, so every metric words its errors the same way as
 * {@link Metrics}.
 */
final class ScoreCounts {
    /** The distinct scores, strictly decreasing; {@code -0.0} is stored as {@code 0.0}. */
    final double[] scores;
    /** Events at each distinct score. */
    final int[] events;
    /** Non-events at each distinct score. */
    final int[] nonEvents;
    final int totalEvents;
    final int totalNonEvents;

    private ScoreCounts(double[] scores, int[] events, int[] nonEvents, int totalEvents, int totalNonEvents) {
        this.scores = scores;
        this.events = events;
        this.nonEvents = nonEvents;
        this.totalEvents = totalEvents;
        this.totalNonEvents = totalNonEvents;
    }

    /** @return the number of distinct scores */
    int size() {
        return scores.length;
    }

    /** @return the number of rows */
    int rows() {
        return totalEvents + totalNonEvents;
    }

    /**
     * @return the events' scores and the non-events' scores, each sorted ascending, {@code -0.0} as
     *     {@code 0.0}
     * @throws IllegalArgumentException when a score is NaN (the lengths must already agree)
     */
    static double[][] sortedByClass(String metric, String what, double[] scores, BinaryTarget target) {
        int n = scores.length;
        double[] ev = new double[target.eventCount()];
        double[] ne = new double[target.nonEventCount()];
        int e = 0;
        int k = 0;
        for (int row = 0; row < n; row++) {
            double s = scores[row];
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException(metric + ": " + what + "[" + row
                        + "] is NaN; every row needs a score");
            }
            // + 0.0 turns -0.0 into 0.0, so that the sort (which orders -0.0 first) and == agree.
            if (target.isEvent(row)) {
                ev[e++] = s + 0.0;
            } else {
                ne[k++] = s + 0.0;
            }
        }
        Arrays.sort(ev);
        Arrays.sort(ne);
        return new double[][] {ev, ne};
    }

    /**
     * Splits the scores by class, sorts each (primitive sorts) and merges them from the top, one
     * distinct score at a time.
     *
     * @param metric the metric's name, for messages
     * @param what what the scores are called in messages ({@code scores}, {@code probabilities})
     * @throws IllegalArgumentException when the lengths differ or a score is NaN
     */
    static ScoreCounts of(String metric, String what, double[] scores, BinaryTarget target) {
        requireSameLength(metric, what, scores, target);
        int n = scores.length;
        double[][] byClass = sortedByClass(metric, what, scores, target);
        double[] ev = byClass[0];
        double[] ne = byClass[1];
        double[] distinct = new double[n];
        int[] evAt = new int[n];
        int[] neAt = new int[n];
        int i = ev.length - 1;
        int j = ne.length - 1;
        int d = 0;
        while (i >= 0 || j >= 0) {
            double v = j < 0 || (i >= 0 && ev[i] >= ne[j]) ? ev[i] : ne[j];
            int ce = 0;
            while (i >= 0 && ev[i] == v) {
                i--;
                ce++;
            }
            int cn = 0;
            while (j >= 0 && ne[j] == v) {
                j--;
                cn++;
            }
            distinct[d] = v;
            evAt[d] = ce;
            neAt[d] = cn;
            d++;
        }
        return new ScoreCounts(Arrays.copyOf(distinct, d), Arrays.copyOf(evAt, d), Arrays.copyOf(neAt, d),
                ev.length, ne.length);
    }

    /**
     * Groups the distinct scores into at most {@code groups} groups by rank, keeping equal scores
     * together: a row's group is {@code floor(groups · r / n)}, where {@code r} is the number of rows
     * scoring strictly higher and {@code n} the number of rows. A run of equal scores thus joins the
     * group where its first row falls; nominal groups that end up empty are dropped.
     *
     * @return the index of the first distinct score of each non-empty group, then {@link #size()}
     */
    int[] groupStarts(int groups) {
        long n = rows();
        int[] starts = new int[Math.min(groups, size()) + 1];
        int count = 0;
        long above = 0;
        long previous = -1;
        for (int d = 0; d < size(); d++) {
            long nominal = groups * above / n;
            if (nominal != previous) {
                starts[count++] = d;
                previous = nominal;
            }
            above += events[d] + nonEvents[d];
        }
        starts[count] = size();
        return Arrays.copyOf(starts, count + 1);
    }

    /** @return the rows scoring one of distinct scores {@code from} (inclusive) to {@code to} (exclusive) */
    int rowsIn(int from, int to) {
        int rows = 0;
        for (int d = from; d < to; d++) {
            rows += events[d] + nonEvents[d];
        }
        return rows;
    }

    /** @return the events among distinct scores {@code from} (inclusive) to {@code to} (exclusive) */
    int eventsIn(int from, int to) {
        int e = 0;
        for (int d = from; d < to; d++) {
            e += events[d];
        }
        return e;
    }

    static void requireSameLength(String metric, String what, double[] values, BinaryTarget target) {
        Objects.requireNonNull(values, what);
        Objects.requireNonNull(target, "target");
        if (values.length != target.size()) {
            throw new IllegalArgumentException(metric + ": " + values.length + " " + what + " for " + target.size()
                    + " rows of target '" + target.name() + "'");
        }
    }

    /** @throws IllegalArgumentException when the target lacks events or non-events */
    static void requireBothClasses(String metric, BinaryTarget target) {
        if (target.eventCount() == 0 || target.nonEventCount() == 0) {
            throw new IllegalArgumentException(metric + " needs both events and non-events, but target '"
                    + target.name() + "' has " + target.eventCount() + " events and " + target.nonEventCount()
                    + " non-events");
        }
    }

    /** @throws IllegalArgumentException when the target has no event */
    static void requireEvents(String metric, BinaryTarget target) {
        if (target.eventCount() == 0) {
            throw new IllegalArgumentException(metric + " needs at least one event, but target '" + target.name()
                    + "' has 0 events in " + target.size() + " rows");
        }
    }

    /** @throws IllegalArgumentException when the target has no rows */
    static void requireRows(String metric, BinaryTarget target) {
        if (target.size() == 0) {
            throw new IllegalArgumentException(metric + " needs at least one row, but target '" + target.name()
                    + "' has none");
        }
    }
}
