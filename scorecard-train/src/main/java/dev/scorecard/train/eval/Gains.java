package dev.scorecard.train.eval;

import dev.scorecard.core.data.BinaryTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * Gains and lift by decile of the score (SPEC §8).
 *
 * <p>A higher score must mean "more likely an event", as for {@link Metrics}. Rows are ranked by
 * score, highest first, and cut into groups by rank, except that rows with equal scores always stay
 * in one group:
 *
 * <blockquote>a row's group is {@code floor(g · r / n)}, where {@code g} is the number of groups,
 * {@code n} the number of rows and {@code r} the number of rows scoring strictly higher than it.
 * </blockquote>
 *
 * <p>Without ties this is the usual split into {@code g} groups of {@code n/g} rows (sizes differing
 * by at most one). A run of equal scores joins the group where its first (highest-ranked) row falls,
 * so that group grows and the next ones shrink; a group left with no rows is dropped and the rest
 * are numbered consecutively, so a table may have fewer than {@code g} groups (one, when every score
 * is equal). The same rule makes the groups of {@link Calibration}.
 *
 * <p>Thread-safe: the class has no state.
 */
public final class Gains {
    /** The number of groups of {@link #byDecile}. */
    public static final int DECILES = 10;

    private Gains() {
    }

    /**
     * @param scores one score per row of {@code target}; not changed; infinite allowed, NaN not
     * @param target which rows are events
     * @return up to ten groups, highest scores first
     * @throws IllegalArgumentException when the lengths differ, a score is NaN, or the target has no
     *     event
     */
    public static GainsTable byDecile(double[] scores, BinaryTarget target) {
        return byGroups(scores, target, DECILES);
    }

    /**
     * @param scores one score per row of {@code target}; not changed; infinite allowed, NaN not
     * @param target which rows are events
     * @param groups the number of rank groups, at least 1
     * @return up to {@code groups} groups, highest scores first
     * @throws IllegalArgumentException when the lengths differ, a score is NaN, the target has no event,
     *     or {@code groups} is below 1
     */
    public static GainsTable byGroups(double[] scores, BinaryTarget target, int groups) {
        if (groups < 1) {
            throw new IllegalArgumentException("Gains: groups must be at least 1, got " + groups);
        }
        ScoreCounts.requireSameLength("Gains", "scores", scores, target);
        ScoreCounts.requireEvents("Gains", target);
        ScoreCounts c = ScoreCounts.of("Gains", "scores", scores, target);
        int[] starts = c.groupStarts(groups);
        int totalRows = c.rows();
        int totalEvents = c.totalEvents;
        double overallRate = (double) totalEvents / totalRows;
        List<GainsTable.Group> out = new ArrayList<>(starts.length - 1);
        int cumRows = 0;
        int cumEvents = 0;
        for (int g = 0; g + 1 < starts.length; g++) {
            int rows = c.rowsIn(starts[g], starts[g + 1]);
            int events = c.eventsIn(starts[g], starts[g + 1]);
            cumRows += rows;
            cumEvents += events;
            double rate = (double) events / rows;
            double cumRate = (double) cumEvents / cumRows;
            out.add(new GainsTable.Group(g + 1, rows, events, rate, cumRows, cumEvents,
                    (double) cumEvents / totalEvents, rate / overallRate, cumRate / overallRate,
                    c.scores[starts[g + 1] - 1], c.scores[starts[g]]));
        }
        return new GainsTable(out, totalRows, totalEvents);
    }
}
