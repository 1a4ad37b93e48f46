package dev.scorecard.train.select;

import java.util.Objects;

/**
 * Selection thresholds (SPEC §4 defaults).
 *
 * @param maxMissingShare remove a variable with more missing rows than this share
 * @param maxModeShare remove a variable whose most frequent value holds more than this share
 * @param minIv remove a variable with IV below this
 * @param maxIv flag a variable with IV above this as suspicious (leakage?)
 * @param dropSuspicious remove flagged variables instead of keeping them
 * @param maxCorrelation of two variables whose WOE columns correlate above this, remove the lower IV
 * @param maxVif remove the variable with the highest variance inflation factor while it is above this
 * @param stepwise stepwise selection on the regression
 * @param criterion what stepwise optimises
 * @param pEnter with the p-value criterion: the largest p-value to enter
 * @param pRemove with the p-value criterion: the p-value above which a variable leaves
 * @param requirePositiveCoefficients remove variables whose WOE coefficient is not positive and refit
 */
public record SelectionOptions(double maxMissingShare, double maxModeShare, double minIv, double maxIv,
        boolean dropSuspicious, double maxCorrelation, double maxVif, Stepwise stepwise, StepCriterion criterion,
        double pEnter, double pRemove, boolean requirePositiveCoefficients) {

    /** Validates the thresholds. */
    public SelectionOptions {
        Objects.requireNonNull(stepwise, "stepwise");
        Objects.requireNonNull(criterion, "criterion");
        share("maxMissingShare", maxMissingShare);
        share("maxModeShare", maxModeShare);
        if (!(minIv >= 0) || !(maxIv > minIv)) {
            throw new IllegalArgumentException("minIv " + minIv + " and maxIv " + maxIv + " are out of range; expected 0 <= minIv < maxIv");
        }
        share("maxCorrelation", maxCorrelation);
        if (!(maxVif >= 1)) {
            throw new IllegalArgumentException("maxVif: " + maxVif + " is out of range; expected at least 1");
        }
        share("pEnter", pEnter);
        share("pRemove", pRemove);
        if (pRemove < pEnter) {
            throw new IllegalArgumentException("pRemove " + pRemove + " is below pEnter " + pEnter + "; variables would cycle");
        }
    }

    private static void share(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + ": " + v + " is out of range; expected 0 to 1");
        }
    }

    /** @return SPEC §4: 0.95, 0.95, IV 0.02..0.8 (flag only), correlation 0.7, VIF 10, no stepwise, signs enforced */
    public static SelectionOptions defaults() {
        return new SelectionOptions(0.95, 0.95, 0.02, 0.8, false, 0.7, 10, Stepwise.NONE, StepCriterion.AIC, 0.05, 0.1,
                true);
    }

    /** @return a copy with {@code minIv} replaced */
    public SelectionOptions withMinIv(double minIv) {
        return new SelectionOptions(maxMissingShare, maxModeShare, minIv, maxIv, dropSuspicious, maxCorrelation, maxVif,
                stepwise, criterion, pEnter, pRemove, requirePositiveCoefficients);
    }

    /** @return a copy with {@code maxCorrelation} replaced */
    public SelectionOptions withMaxCorrelation(double maxCorrelation) {
        return new SelectionOptions(maxMissingShare, maxModeShare, minIv, maxIv, dropSuspicious, maxCorrelation, maxVif,
                stepwise, criterion, pEnter, pRemove, requirePositiveCoefficients);
    }

    /** @return a copy with {@code maxVif} replaced */
    public SelectionOptions withMaxVif(double maxVif) {
        return new SelectionOptions(maxMissingShare, maxModeShare, minIv, maxIv, dropSuspicious, maxCorrelation, maxVif,
                stepwise, criterion, pEnter, pRemove, requirePositiveCoefficients);
    }

    /** @return a copy with {@code stepwise} and {@code criterion} replaced */
    public SelectionOptions withStepwise(Stepwise stepwise, StepCriterion criterion) {
        return new SelectionOptions(maxMissingShare, maxModeShare, minIv, maxIv, dropSuspicious, maxCorrelation, maxVif,
                stepwise, criterion, pEnter, pRemove, requirePositiveCoefficients);
    }

    /** @return a copy with {@code dropSuspicious} replaced */
    public SelectionOptions withDropSuspicious(boolean dropSuspicious) {
        return new SelectionOptions(maxMissingShare, maxModeShare, minIv, maxIv, dropSuspicious, maxCorrelation, maxVif,
                stepwise, criterion, pEnter, pRemove, requirePositiveCoefficients);
    }
}
