package dev.scorecard.train.monitor;

import dev.scorecard.train.eval.StabilityReport;
import java.util.Objects;
import java.util.Optional;

/**
 * The rows of one value of the {@code --by} column (a month, say) and their drift.
 *
 * @param label the column's value
 * @param rows rows scored in the period
 * @param stability score PSI and CSI of the period's rows against the training baseline
 * @param performance AUC and KS of the period, when its target is known and has both classes
 */
public record Period(String label, int rows, StabilityReport stability, Optional<Performance> performance) {
    /** Checks nothing is null. */
    public Period {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(stability, "stability");
        Objects.requireNonNull(performance, "performance");
    }
}
