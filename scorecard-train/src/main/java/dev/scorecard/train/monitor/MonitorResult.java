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
 * @param byCharacteristic the {@code --by} column when it is also a characteristic of the model: it is
 *     left out of every period's CSI (it stays in the overall CSI)
 * @param periods one entry per value of that column, in {@link PeriodOrder}
 */
public record MonitorResult(String data, long rowsRead, long rowsRejected, StabilityReport overall,
        Optional<Performance> performance, Optional<String> byColumn, Optional<String> byCharacteristic,
        List<Period> periods) {
    /** Copies the list and checks that a left-out characteristic is the {@code --by} column. */
    public MonitorResult {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(performance, "performance");
        Objects.requireNonNull(byColumn, "byColumn");
        Objects.requireNonNull(byCharacteristic, "byCharacteristic");
        if (byCharacteristic.isPresent() && !byCharacteristic.equals(byColumn)) {
            throw new IllegalArgumentException("only the --by column can be left out of the period CSI, but it is "
                    + byColumn.orElse("absent") + " and the characteristic left out is " + byCharacteristic.get());
        }
        periods = List.copyOf(periods);
    }

    /**
     * @return why a characteristic is missing from the periods' CSI, for the console and the report,
     *     when one is
     */
    public Optional<String> periodNote() {
        return byCharacteristic.map(c -> c + " is a characteristic of the model, so it is left out of the CSI per "
                + "period: each period holds only its own values of it, which would make every period drift");
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
