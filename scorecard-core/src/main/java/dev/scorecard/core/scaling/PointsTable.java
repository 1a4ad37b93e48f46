package dev.scorecard.core.scaling;

import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.ScoreDirection;

import java.util.List;
import java.util.Objects;

/**
 * The scorecard as a person reads it: a base-points line and the points of every bin of every
 * characteristic. A row's score is exactly {@link #basePoints()} plus the points of its bins.
 *
 * @param options the scaling used
 * @param intercept the regression intercept β₀
 * @param basePoints the points shown on the base line (0 when spread over the characteristics)
 * @param characteristics points per characteristic, in model order
 * @param neutralPoints the points of WOE 0, given to a value that falls in no bin (0, or the spread
 *     base share)
 */
public record PointsTable(ScalingOptions options, double intercept, double basePoints,
        List<CharacteristicPoints> characteristics, double neutralPoints) {
    /** Copies the list. */
    public PointsTable {
        Objects.requireNonNull(options, "options");
        characteristics = List.copyOf(characteristics);
    }

    /**
     * @param bins the bin index of each characteristic, in model order
     * @return base points plus the points of those bins
     */
    public double score(int[] bins) {
        double s = basePoints;
        for (int k = 0; k < characteristics.size(); k++) {
            s += characteristics.get(k).pointsOf(bins[k]);
        }
        return s;
    }

    /**
     * @param linearPredictor the unrounded β₀ + Σ β·WOE
     * @return the unrounded score of that linear predictor: offset ± factor · η
     */
    public double exactScore(double linearPredictor) {
        double sign = options.higherScoreMeans() == ScoreDirection.EVENT ? 1 : -1;
        return options.offset() + sign * options.factor() * linearPredictor;
    }
}
