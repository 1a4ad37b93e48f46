package dev.scorecard.train.eval;

/**
 * The PSI/CSI values at which monitoring warns and alerts (SPEC §9, {@code --warn 0.10 --alert
 * 0.25}).
 *
 * @param warn the lowest value that warns, at least 0
 * @param alert the lowest value that alerts, at least {@code warn}
 */
public record DriftThresholds(double warn, double alert) {
    /** The default warning threshold, 0.10. */
    public static final double DEFAULT_WARN = 0.10;
    /** The default alert threshold, 0.25. */
    public static final double DEFAULT_ALERT = 0.25;

    /** Checks that both are numbers and {@code 0 <= warn <= alert}. */
    public DriftThresholds {
        if (!(warn >= 0 && warn <= alert) || Double.isNaN(alert)) {
            throw new IllegalArgumentException("drift thresholds need 0 <= warn <= alert, got warn " + warn
                    + " and alert " + alert);
        }
    }

    /** @return warn 0.10, alert 0.25 */
    public static DriftThresholds defaults() {
        return new DriftThresholds(DEFAULT_WARN, DEFAULT_ALERT);
    }

    /**
     * @param warn the new warning threshold
     * @return a copy with it
     */
    public DriftThresholds withWarn(double warn) {
        return new DriftThresholds(warn, alert);
    }

    /**
     * @param alert the new alert threshold
     * @return a copy with it
     */
    public DriftThresholds withAlert(double alert) {
        return new DriftThresholds(warn, alert);
    }

    /**
     * @param value a PSI or CSI, at least 0
     * @return {@link DriftLevel#ALERT} when {@code value >= alert}, else {@link DriftLevel#WARN} when
     *     {@code value >= warn}, else {@link DriftLevel#STABLE}
     * @throws IllegalArgumentException when {@code value} is NaN or negative
     */
    public DriftLevel level(double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("a drift value must be at least 0, got " + value);
        }
        if (value >= alert) {
            return DriftLevel.ALERT;
        }
        return value >= warn ? DriftLevel.WARN : DriftLevel.STABLE;
    }
}
