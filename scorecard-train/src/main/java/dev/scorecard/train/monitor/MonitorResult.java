package dev.scorecard.train.monitor;

import dev.scorecard.train.eval.DriftLevel;
import dev.scorecard.train.eval.StabilityReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code scorecard monitor} found (SPEC §9): the current file against the baseline stored in
 * the model, overall and, with {@code --by}, per period.
 *
 * @param data the current file's name
 * @param rowsRead data rows read
 * @param rowsRejected rows that could not be scored (in the rejects file)
 * @param overall score PSI, CSI, WOE shift, missing shares and unseen levels of every scored row
 * @param performance AUC, KS and event rate against training, when the target is known
 * @param byColumn the {@code --by} column, if any
 * @param periods one entry per value of that column, in {@link PeriodOrder}
 */
public record MonitorResult(String data, long rowsRead, long rowsRejected, StabilityReport overall,
        Optional<Performance> performance, Optional<String> byColumn, List<Period> periods) {
    /** Copies the list. */
    public MonitorResult {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(performance, "performance");
        Objects.requireNonNull(byColumn, "byColumn");
        periods = List.copyOf(periods);
    }

    /** @return the worst drift level overall and in any period */
    public DriftLevel worstLevel() {
        DriftLevel worst = overall.worstLevel();
        for (Period p : periods) {
            if (p.stability().worstLevel().compareTo(worst) > 0) {
                worst = p.stability().worstLevel();
            }
        }
        return worst;
    }
}
