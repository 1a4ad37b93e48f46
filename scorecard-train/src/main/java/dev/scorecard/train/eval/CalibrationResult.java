package dev.scorecard.train.eval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Predicted against observed event rates (SPEC §8). Made by {@link Calibration#byDecile}.
 *
 * @param groups the non-empty groups, highest predicted probabilities first
 * @param brier the Brier score, the mean of {@code (p − y)²} over all rows, in {@code [0, 1]}
 * @param hosmerLemeshow the test over {@code groups}; empty when there are fewer than 3 groups (too
 *     few distinct probabilities), as it then has no degree of freedom
 */
public record CalibrationResult(List<Group> groups, double brier, Optional<HosmerLemeshow> hosmerLemeshow) {
    /** Copies the list and checks the Brier score. */
    public CalibrationResult {
        groups = List.copyOf(groups);
        Objects.requireNonNull(hosmerLemeshow, "hosmerLemeshow");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a calibration table needs at least one group");
        }
        if (!(brier >= 0 && brier <= 1)) {
            throw new IllegalArgumentException("brier must be between 0 and 1, got " + brier);
        }
    }

    /**
     * One group of rows with close predicted probabilities.
     *
     * @param group the group's number, 1 for the highest probabilities, consecutive
     * @param count rows in the group, at least 1
     * @param events events in the group
     * @param meanPredicted the mean predicted probability of the group's rows
     * @param observedRate {@code events / count}
     * @param minPredicted the lowest predicted probability in the group
     * @param maxPredicted the highest predicted probability in the group
     */
    public record Group(int group, int count, int events, double meanPredicted, double observedRate,
            double minPredicted, double maxPredicted) {
        /** Checks counts and that every probability is in {@code [0, 1]}. */
        public Group {
            if (group < 1 || count < 1 || events < 0 || events > count) {
                throw new IllegalArgumentException("calibration group " + group + ": " + events + " events in "
                        + count + " rows");
            }
            if (!(0 <= minPredicted && minPredicted <= maxPredicted && maxPredicted <= 1)
                    || !(meanPredicted >= 0 && meanPredicted <= 1) || !(observedRate >= 0 && observedRate <= 1)) {
                throw new IllegalArgumentException("calibration group " + group + ": probabilities out of range: "
                        + "predicted " + minPredicted + " to " + maxPredicted + ", mean " + meanPredicted
                        + ", observed " + observedRate);
            }
        }
    }
}
