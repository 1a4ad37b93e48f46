package dev.scorecard.train.monitor;

import dev.scorecard.train.eval.DriftLevel;
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
 * @param nonModel the CSI of the period's rows in the variables the model does not use, when the
 *     model file keeps their baseline
 */
public record Period(String label, int rows, StabilityReport stability, Optional<Performance> performance,
        Optional<NonModelDrift> nonModel) {
    /** Checks nothing is null. */
    public Period {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(stability, "stability");
        Objects.requireNonNull(performance, "performance");
        Objects.requireNonNull(nonModel, "nonModel");
    }

    /** A period without non-model drift, as for a model file that keeps no candidate baseline. */
    public Period(String label, int rows, StabilityReport stability, Optional<Performance> performance) {
        this(label, rows, stability, performance, Optional.empty());
    }

    /**
     * @param alertOn which measures count
     * @return the worst level of the measures that count: the model's, and with {@link AlertOn#ALL}
     *     also the non-model variables'
     */
    public DriftLevel worstLevel(AlertOn alertOn) {
        DriftLevel model = stability.worstLevel();
        DriftLevel outside = alertOn == AlertOn.ALL ? nonModel.map(NonModelDrift::worstLevel).orElse(DriftLevel.STABLE)
                : DriftLevel.STABLE;
        return outside.compareTo(model) > 0 ? outside : model;
    }
}
