package dev.scorecard.train.eval;

import java.util.List;

/**
 * Gains and lift by rank group (SPEC §8), highest scores first. Made by {@link Gains}.
 *
 * @param groups the non-empty groups, highest scores first; the last one's {@code gain} is 1
 * @param rows all rows
 * @param events all events, at least 1
 */
public record GainsTable(List<Group> groups, int rows, int events) {
    /** Copies the list and checks the totals. */
    public GainsTable {
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a gains table needs at least one group");
        }
        if (events < 1 || rows < events) {
            throw new IllegalArgumentException("a gains table needs 1 <= events <= rows, got " + events
                    + " events in " + rows + " rows");
        }
    }

    /** @return the event rate of all rows, {@code events / rows} */
    public double eventRate() {
        return (double) events / rows;
    }

    /**
     * One group of rows.
     *
     * @param group the group's number, 1 for the highest scores, consecutive
     * @param rows rows in the group, at least 1
     * @param events events in the group
     * @param eventRate {@code events / rows}
     * @param cumRows rows in this group and all above it
     * @param cumEvents events in this group and all above it
     * @param gain the share of all events captured down to this group, {@code cumEvents / total events}
     * @param lift the group's event rate over the overall event rate
     * @param cumLift the event rate of this group and all above it over the overall event rate
     * @param minScore the lowest score in the group
     * @param maxScore the highest score in the group
     */
    public record Group(int group, int rows, int events, double eventRate, int cumRows, int cumEvents, double gain,
            double lift, double cumLift, double minScore, double maxScore) {
        /** Checks counts, shares and the score range. */
        public Group {
            if (group < 1 || rows < 1 || events < 0 || events > rows || cumRows < rows || cumEvents < events
                    || cumEvents > cumRows) {
                throw new IllegalArgumentException("gains group " + group + ": inconsistent counts: " + events
                        + " events in " + rows + " rows, " + cumEvents + " in " + cumRows + " cumulative");
            }
            if (!(gain >= 0 && gain <= 1) || !(eventRate >= 0 && eventRate <= 1) || !(lift >= 0) || !(cumLift >= 0)) {
                throw new IllegalArgumentException("gains group " + group + ": rates out of range: event rate "
                        + eventRate + ", gain " + gain + ", lift " + lift + ", cumulative lift " + cumLift);
            }
            if (!(minScore <= maxScore)) {
                throw new IllegalArgumentException("gains group " + group + ": minScore " + minScore
                        + " is not at most maxScore " + maxScore);
            }
        }
    }
}
