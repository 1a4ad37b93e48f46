package dev.scorecard.train.eval;

import dev.scorecard.core.data.BinaryTarget;
import java.util.Arrays;
import java.util.Objects;

/**
 * Discrimination metrics of a score against a binary target (SPEC §8): AUC, KS and Gini.
 *
 * <p>A higher score must mean "more likely an event": pass the event probability, or a score that
 * rises with it. Points of a scorecard where more points mean less risk of default, for instance,
 * are passed negated. Scores may be infinite but not NaN; {@code -0.0} and {@code 0.0} are the same
 * score.
 *
 * <p>Both metrics sort the events' and the non-events' scores separately (primitive sorts, no boxing)
 * and walk the two sorted arrays together one distinct score at a time, so every row with the same
 * score moves at once. All counting is in {@code long}s: the AUC is one exact integer divided by
 * another, the KS threshold is chosen by exact integer comparison. Thread-safe: the class has no
 * state.
 */
public final class Metrics {
    private Metrics() {
    }

    /**
     * The area under the ROC curve, as the Mann–Whitney statistic: the probability that a random
     * event scores higher than a random non-event, a tie counting one half.
     *
     * @param scores one score per row of {@code target}; not changed
     * @param target which rows are events
     * @return the AUC, in {@code [0, 1]}
     * @throws IllegalArgumentException when the lengths differ, a score is NaN, or the target has only
     *     one class
     */
    public static double auc(double[] scores, BinaryTarget target) {
        ByClass s = ByClass.of(scores, target, "AUC");
        // Exact up to here; 2·E·N < 2^53 up to about 134M rows, beyond it each long rounds by < 1 ulp.
        return (double) twiceMannWhitneyU(s.events, s.nonEvents) / (2.0 * s.events.length * s.nonEvents.length);
    }

    /**
     * The Kolmogorov–Smirnov statistic: the largest gap between the empirical distribution functions
     * of the score among events and among non-events, evaluated only between distinct scores.
     *
     * @param scores one score per row of {@code target}; not changed
     * @param target which rows are events
     * @return the statistic and the lowest score at which it is reached
     * @throws IllegalArgumentException when the lengths differ, a score is NaN, or the target has only
     *     one class
     */
    public static KsResult ks(double[] scores, BinaryTarget target) {
        ByClass s = ByClass.of(scores, target, "KS");
        double[] ev = s.events;
        double[] ne = s.nonEvents;
        long totalE = ev.length;
        long totalN = ne.length;
        long cumE = 0;
        long cumN = 0;
        // |cumE/E − cumN/N| compared as |cumE·N − cumN·E|: exact, so ties in the gap resolve to the
        // lowest score reliably. Both products are below E·N < 2^62.
        long bestGap = -1;
        double bestScore = Double.NaN;
        int i = 0;
        int j = 0;
        while (i < ev.length || j < ne.length) {
            double v = j >= ne.length || (i < ev.length && ev[i] <= ne[j]) ? ev[i] : ne[j];
            while (i < ev.length && ev[i] == v) {
                i++;
                cumE++;
            }
            while (j < ne.length && ne[j] == v) {
                j++;
                cumN++;
            }
            long gap = Math.abs(cumE * totalN - cumN * totalE);
            if (gap > bestGap) {
                bestGap = gap;
                bestScore = v;
            }
        }
        return new KsResult((double) bestGap / (double) (totalE * totalN), bestScore);
    }

    /**
     * @param auc an AUC
     * @return the Gini coefficient (accuracy ratio), {@code 2·auc − 1}
     * @throws IllegalArgumentException when {@code auc} is outside {@code [0, 1]}
     */
    public static double gini(double auc) {
        if (!(auc >= 0 && auc <= 1)) {
            throw new IllegalArgumentException("auc must be between 0 and 1, got " + auc);
        }
        return 2 * auc - 1;
    }

    /**
     * Twice the Mann–Whitney U of events over non-events (pairs where the event scores higher, plus
     * half the tied pairs), so that it is an integer: at most 2·E·N, below 2^61 for any array size.
     */
    static long twiceMannWhitneyU(double[] events, double[] nonEvents) {
        long twiceU = 0;
        long nonEventsBelow = 0;
        int i = 0;
        int j = 0;
        while (i < events.length) {
            double v = events[i];
            while (j < nonEvents.length && nonEvents[j] < v) {
                j++;
                nonEventsBelow++;
            }
            int tiedN = 0;
            while (j + tiedN < nonEvents.length && nonEvents[j + tiedN] == v) {
                tiedN++;
            }
            int tiedE = 0;
            while (i < events.length && events[i] == v) {
                i++;
                tiedE++;
            }
            twiceU += tiedE * (2 * nonEventsBelow + tiedN);
        }
        return twiceU;
    }

    /** The scores split by class and sorted ascending, checked on the way. */
    private static final class ByClass {
        final double[] events;
        final double[] nonEvents;

        private ByClass(double[] events, double[] nonEvents) {
            this.events = events;
            this.nonEvents = nonEvents;
        }

        static ByClass of(double[] scores, BinaryTarget target, String metric) {
            Objects.requireNonNull(scores, "scores");
            Objects.requireNonNull(target, "target");
            int n = scores.length;
            if (n != target.size()) {
                throw new IllegalArgumentException(metric + ": " + n + " scores for " + target.size()
                        + " rows of target '" + target.name() + "'");
            }
            if (target.eventCount() == 0 || target.nonEventCount() == 0) {
                throw new IllegalArgumentException(metric + " needs both events and non-events, but target '"
                        + target.name() + "' has " + target.eventCount() + " events and " + target.nonEventCount()
                        + " non-events");
            }
            double[][] sorted = ScoreCounts.sortedByClass(metric, "scores", scores, target);
            return new ByClass(sorted[0], sorted[1]);
        }
    }
}
