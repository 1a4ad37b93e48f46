package dev.scorecard.train.eval;

/**
 * The Hosmer–Lemeshow goodness-of-fit test over calibration groups (SPEC §8).
 *
 * @param statistic {@code Σ (O_g − E_g)² / (E_g · (1 − E_g / n_g))} over the groups, where
 *     {@code O_g} is a group's events, {@code E_g} the sum of its predicted probabilities and
 *     {@code n_g} its rows; at least 0, {@code +∞} when a group predicts exactly 0 or 1 for every row
 *     and observes otherwise
 * @param degreesOfFreedom the number of groups minus 2, at least 1
 * @param pValue the chance of a statistic at least this large under a chi-squared distribution with
 *     {@code degreesOfFreedom}; small values mean poor calibration
 */
public record HosmerLemeshow(double statistic, int degreesOfFreedom, double pValue) {
    /** Checks the ranges. */
    public HosmerLemeshow {
        if (!(statistic >= 0)) {
            throw new IllegalArgumentException("Hosmer-Lemeshow statistic must be at least 0, got " + statistic);
        }
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("Hosmer-Lemeshow needs at least 1 degree of freedom, got "
                    + degreesOfFreedom);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("Hosmer-Lemeshow p-value must be between 0 and 1, got " + pValue);
        }
    }
}
