package dev.scorecard.core.model;

import java.util.Objects;

/**
 * How log-odds become points (SPEC §5).
 *
 * @param basePoints the score at {@code baseOdds}
 * @param baseOdds the odds (in the direction of {@code higherScoreMeans}) that score {@code basePoints}
 * @param pdo points to double the odds
 * @param higherScoreMeans what a high score means
 * @param rounding how bin points are shown
 * @param spreadBasePoints false: the intercept and offset are one {@code basePoints} line; true: they
 *     are spread evenly over the characteristics' bins
 */
public record ScalingOptions(double basePoints, double baseOdds, double pdo, ScoreDirection higherScoreMeans,
        Rounding rounding, boolean spreadBasePoints) {

    /** Validates the options and names the one out of range. */
    public ScalingOptions {
        Objects.requireNonNull(higherScoreMeans, "higherScoreMeans");
        Objects.requireNonNull(rounding, "rounding");
        if (!Double.isFinite(basePoints)) {
            throw new IllegalArgumentException("basePoints: " + basePoints + " is out of range; expected a finite number");
        }
        if (!(baseOdds > 0) || !Double.isFinite(baseOdds)) {
            throw new IllegalArgumentException("baseOdds: " + baseOdds + " is out of range; expected a finite number above 0");
        }
        if (!(pdo > 0) || !Double.isFinite(pdo)) {
            throw new IllegalArgumentException("pdo: " + pdo + " is out of range; expected a finite number above 0");
        }
    }

    /** @return SPEC §5 defaults: 600 points at odds 1, 20 points to double the odds, high = event, integers */
    public static ScalingOptions defaults() {
        return new ScalingOptions(600, 1, 20, ScoreDirection.EVENT, Rounding.INTEGER, false);
    }

    /** @return a copy with {@code basePoints} replaced */
    public ScalingOptions withBasePoints(double basePoints) {
        return new ScalingOptions(basePoints, baseOdds, pdo, higherScoreMeans, rounding, spreadBasePoints);
    }

    /** @return a copy with {@code baseOdds} replaced */
    public ScalingOptions withBaseOdds(double baseOdds) {
        return new ScalingOptions(basePoints, baseOdds, pdo, higherScoreMeans, rounding, spreadBasePoints);
    }

    /** @return a copy with {@code pdo} replaced */
    public ScalingOptions withPdo(double pdo) {
        return new ScalingOptions(basePoints, baseOdds, pdo, higherScoreMeans, rounding, spreadBasePoints);
    }

    /** @return a copy with {@code higherScoreMeans} replaced */
    public ScalingOptions withHigherScoreMeans(ScoreDirection higherScoreMeans) {
        return new ScalingOptions(basePoints, baseOdds, pdo, higherScoreMeans, rounding, spreadBasePoints);
    }

    /** @return a copy with {@code rounding} replaced */
    public ScalingOptions withRounding(Rounding rounding) {
        return new ScalingOptions(basePoints, baseOdds, pdo, higherScoreMeans, rounding, spreadBasePoints);
    }

    /** @return a copy with {@code spreadBasePoints} replaced */
    public ScalingOptions withSpreadBasePoints(boolean spreadBasePoints) {
        return new ScalingOptions(basePoints, baseOdds, pdo, higherScoreMeans, rounding, spreadBasePoints);
    }

    /** @return pdo / ln 2: points per unit of log-odds */
    public double factor() {
        return pdo / Math.log(2);
    }

    /** @return basePoints − factor · ln(baseOdds): the score at odds 1 */
    public double offset() {
        return basePoints - factor() * Math.log(baseOdds);
    }
}
