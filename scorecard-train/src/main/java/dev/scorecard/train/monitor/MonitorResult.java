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
 * @param nonModel the CSI of every scored row in the binned candidates the model does not use; empty
 *     when the model file keeps no baseline of them (written before it did)
 * @param alertOn which measures decide the level, and so exit code 3
 */
public record MonitorResult(String data, long rowsRead, long rowsRejected, StabilityReport overall,
        Optional<Performance> performance, Optional<String> byColumn, Optional<String> byCharacteristic,
        List<Period> periods, Optional<NonModelDrift> nonModel, AlertOn alertOn) {
    /** What the console and the reports say when the model file keeps no candidate baseline. */
    public static final String NON_MODEL_UNAVAILABLE = "non-model drift is unavailable for this model: its file keeps no "
            + "baseline of the variables it does not use (it was written before scorecard stored one); retrain to get it";

    /** Copies the list and checks that a left-out characteristic is the {@code --by} column. */
    public MonitorResult {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(performance, "performance");
        Objects.requireNonNull(byColumn, "byColumn");
        Objects.requireNonNull(byCharacteristic, "byCharacteristic");
        Objects.requireNonNull(nonModel, "nonModel");
        Objects.requireNonNull(alertOn, "alertOn");
        if (byCharacteristic.isPresent() && !byCharacteristic.equals(byColumn)) {
            throw new IllegalArgumentException("only the --by column can be left out of the period CSI, but it is "
                    + byColumn.orElse("absent") + " and the characteristic left out is " + byCharacteristic.get());
        }
        periods = List.copyOf(periods);
    }

    /** A result without non-model drift, alerting on the model's measures. */
    public MonitorResult(String data, long rowsRead, long rowsRejected, StabilityReport overall,
            Optional<Performance> performance, Optional<String> byColumn, Optional<String> byCharacteristic,
            List<Period> periods) {
        this(data, rowsRead, rowsRejected, overall, performance, byColumn, byCharacteristic, periods, Optional.empty(),
                AlertOn.MODEL);
    }

    /**
     * @return the {@code --by} column when it is one of the variables the model does not use: it is
     *     left out of every period's non-model CSI, for the same reason as a characteristic
     */
    public Optional<String> byNonModel() {
        return byColumn.filter(b -> nonModel.map(n -> n.has(b)).orElse(false));
    }

    /**
     * @return why a variable is missing from the periods' CSI, for the console and the report,
     *     when one is
     */
    public Optional<String> periodNote() {
        return byCharacteristic.map(c -> c + " is a characteristic of the model, so it is left out of the CSI per "
                + "period: each period holds only its own values of it, which would make every period drift")
                .or(() -> byNonModel().map(c -> c + " is a variable the model does not use, so it is left out of the "
                        + "non-model CSI per period: each period holds only its own values of it, which would make every "
                        + "period drift"));
    }

    /**
     * @return the worst level of the measures that count under {@link #alertOn}, overall and in any
     *     period: what makes {@code monitor} exit 3
     */
    public DriftLevel worstLevel() {
        return alertOn == AlertOn.ALL ? max(modelLevel(), nonModelLevel()) : modelLevel();
    }

    /** @return the worst level of the score PSI and the characteristics' CSI, overall and in any period */
    public DriftLevel modelLevel() {
        DriftLevel worst = overall.worstLevel();
        for (Period p : periods) {
            worst = max(worst, p.stability().worstLevel());
        }
        return worst;
    }

    /** @return the worst level of the non-model CSI, overall and in any period; stable when unavailable */
    public DriftLevel nonModelLevel() {
        DriftLevel worst = nonModel.map(NonModelDrift::worstLevel).orElse(DriftLevel.STABLE);
        for (Period p : periods) {
            worst = max(worst, p.nonModel().map(NonModelDrift::worstLevel).orElse(DriftLevel.STABLE));
        }
        return worst;
    }

    private static DriftLevel max(DriftLevel a, DriftLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
