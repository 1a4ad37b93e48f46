package dev.scorecard.train.eval;

/**
 * How far a distribution has drifted from its baseline (SPEC §9), judged by
 * {@link DriftThresholds#level}.
 */
public enum DriftLevel {
    /** Below the warning threshold. */
    STABLE,
    /** At or above the warning threshold, below the alert threshold. */
    WARN,
    /** At or above the alert threshold; {@code scorecard monitor} exits 3. */
    ALERT
}
