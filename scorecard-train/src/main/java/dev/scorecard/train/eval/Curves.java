package dev.scorecard.train.eval;

import dev.scorecard.core.data.BinaryTarget;

/**
 * Builds the cumulative curve of a score (SPEC §8): the data of the ROC curve and of the KS chart.
 *
 * <p>A higher score must mean "more likely an event", as for {@link Metrics}. Thread-safe: the class
 * has no state.
 */
public final class Curves {
    private Curves() {
    }

    /**
     * Walks the distinct scores from the highest down, accumulating events and non-events; rows with
     * equal scores move together.
     *
     * @param scores one score per row of {@code target}; not changed; infinite allowed, NaN not
     * @param target which rows are events
     * @return one point per distinct score, ending at (1, 1)
     * @throws IllegalArgumentException when the lengths differ, a score is NaN, or the target has only
     *     one class
     */
    public static CumulativeCurve cumulative(double[] scores, BinaryTarget target) {
        ScoreCounts.requireSameLength("ROC", "scores", scores, target);
        ScoreCounts.requireBothClasses("ROC", target);
        ScoreCounts c = ScoreCounts.of("ROC", "scores", scores, target);
        int n = c.size();
        int[] cumE = new int[n];
        int[] cumN = new int[n];
        int e = 0;
        int ne = 0;
        for (int d = 0; d < n; d++) {
            e += c.events[d];
            ne += c.nonEvents[d];
            cumE[d] = e;
            cumN[d] = ne;
        }
        return new CumulativeCurve(c.scores, cumE, cumN, c.totalEvents, c.totalNonEvents);
    }
}
