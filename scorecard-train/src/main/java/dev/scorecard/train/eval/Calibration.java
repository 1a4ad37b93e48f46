package dev.scorecard.train.eval;

import dev.scorecard.core.data.BinaryTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Calibration of predicted event probabilities (SPEC §8): predicted against observed by decile, the
 * Brier score and the Hosmer–Lemeshow test.
 *
 * <p>The deciles follow {@link Gains}'s rule on the probabilities: by rank, highest first, equal
 * probabilities always in one group, empty groups dropped. Fewer groups than ten therefore appear
 * when there are few distinct probabilities, and the Hosmer–Lemeshow degrees of freedom ({@code g −
 * 2}) count the groups actually formed.
 *
 * <p>A single-class target is allowed: every quantity here stays defined. Thread-safe: the class has
 * no state.
 */
public final class Calibration {
    private static final String METRIC = "Calibration";
    private static final String WHAT = "probabilities";

    private Calibration() {
    }

    /**
     * @param probabilities the predicted event probability of each row of {@code target}, each in
     *     {@code [0, 1]}; not changed
     * @param target which rows are events
     * @return up to ten groups, the Brier score and, from three groups on, the Hosmer–Lemeshow test
     * @throws IllegalArgumentException when the lengths differ, the target has no rows, or a
     *     probability is NaN or outside {@code [0, 1]} (naming the row)
     */
    public static CalibrationResult byDecile(double[] probabilities, BinaryTarget target) {
        return byGroups(probabilities, target, Gains.DECILES);
    }

    /**
     * @param probabilities the predicted event probability of each row of {@code target}, each in
     *     {@code [0, 1]}; not changed
     * @param target which rows are events
     * @param groups the number of rank groups, at least 1
     * @return up to {@code groups} groups, the Brier score and, from three groups on, the
     *     Hosmer–Lemeshow test
     * @throws IllegalArgumentException as {@link #byDecile}, or when {@code groups} is below 1
     */
    public static CalibrationResult byGroups(double[] probabilities, BinaryTarget target, int groups) {
        if (groups < 1) {
            throw new IllegalArgumentException(METRIC + ": groups must be at least 1, got " + groups);
        }
        double brier = brier(probabilities, target);
        ScoreCounts c = ScoreCounts.of(METRIC, WHAT, probabilities, target);
        int[] starts = c.groupStarts(groups);
        List<CalibrationResult.Group> out = new ArrayList<>(starts.length - 1);
        double statistic = 0;
        for (int g = 0; g + 1 < starts.length; g++) {
            int rows = 0;
            int events = 0;
            double expected = 0;
            for (int d = starts[g]; d < starts[g + 1]; d++) {
                int atD = c.events[d] + c.nonEvents[d];
                rows += atD;
                events += c.events[d];
                expected += c.scores[d] * atD;
            }
            // A sum of values in [0, 1] divided by their count; min() guards the last ulp.
            double mean = Math.min(1, expected / rows);
            out.add(new CalibrationResult.Group(g + 1, rows, events, mean, (double) events / rows,
                    c.scores[starts[g + 1] - 1], c.scores[starts[g]]));
            statistic += hosmerLemeshowTerm(events, expected, rows);
        }
        int df = out.size() - 2;
        Optional<HosmerLemeshow> hl = df < 1 ? Optional.empty()
                : Optional.of(new HosmerLemeshow(statistic, df, pValue(statistic, df)));
        return new CalibrationResult(out, brier, hl);
    }

    /**
     * The Brier score: the mean squared difference between the predicted probability and the outcome
     * (1 for an event, 0 otherwise). 0 is perfect; always predicting the event rate {@code r} gives
     * {@code r(1 − r)}.
     *
     * @param probabilities the predicted event probability of each row of {@code target}, each in
     *     {@code [0, 1]}; not changed
     * @param target which rows are events
     * @return the score, in {@code [0, 1]}
     * @throws IllegalArgumentException when the lengths differ, the target has no rows, or a
     *     probability is NaN or outside {@code [0, 1]} (naming the row)
     */
    public static double brier(double[] probabilities, BinaryTarget target) {
        ScoreCounts.requireSameLength(METRIC, WHAT, probabilities, target);
        ScoreCounts.requireRows(METRIC, target);
        double sum = 0;
        for (int row = 0; row < probabilities.length; row++) {
            double p = probabilities[row];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(METRIC + ": " + WHAT + "[" + row + "] is " + p
                        + "; a probability must be between 0 and 1");
            }
            double d = p - target.event(row);
            sum += d * d;
        }
        return sum / probabilities.length;
    }

    /**
     * {@code (O − E)² · n / (E · (n − E))}, the two-class chi-squared term of one group, which is
     * {@code (O − E)² / (E (1 − E/n))}. When the group predicts exactly 0 (or exactly 1) for every
     * row, {@code E} (or {@code n − E}) is 0: the term is 0 if the observation agrees exactly, and
     * {@code +∞} otherwise (an event where none could happen).
     */
    static double hosmerLemeshowTerm(int observed, double expected, int rows) {
        double diff = observed - expected;
        double denominator = expected * (rows - expected);
        if (!(denominator > 0)) {
            return diff == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return diff * diff * rows / denominator;
    }

    private static double pValue(double statistic, int degreesOfFreedom) {
        if (statistic == Double.POSITIVE_INFINITY) {
            return 0;
        }
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(degreesOfFreedom);
        return Math.max(0, Math.min(1, 1 - chi2.cumulativeProbability(statistic)));
    }
}
