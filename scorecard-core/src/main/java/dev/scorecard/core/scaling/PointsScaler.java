package dev.scorecard.core.scaling;

import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.Rounding;
import dev.scorecard.core.model.ScoreDirection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the intercept and the WOE coefficients into points (SPEC §5). With η = β₀ + Σ β_k · WOE_kj
 * the event log-odds, the exact score is {@code offset + factor·η} when a high score means the event
 * and {@code offset − factor·η} otherwise; bin j of characteristic k gets ±factor·β_k·WOE_kj and the
 * base line gets offset ± factor·β₀. Rounding applies to each shown number, so the shown points always
 * add up to the score, and the probability is computed from the unrounded η.
 */
public final class PointsScaler {
    private final ScalingOptions options;

    /** @param options how to scale */
    public PointsScaler(ScalingOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param intercept β₀
     * @param names characteristic names, in model order
     * @param coefficients β_k, in model order
     * @param woes WOE per bin of each characteristic, in model order
     * @return the points table
     */
    public PointsTable scale(double intercept, List<String> names, double[] coefficients, List<double[]> woes) {
        int m = names.size();
        if (coefficients.length != m || woes.size() != m) {
            throw new IllegalArgumentException(m + " names, " + coefficients.length + " coefficients and " + woes.size()
                    + " WOE lists: they must match");
        }
        double sign = options.higherScoreMeans() == ScoreDirection.EVENT ? 1 : -1;
        double factor = options.factor();
        double base = options.offset() + sign * factor * intercept;
        double share = options.spreadBasePoints() && m > 0 ? base / m : 0;
        List<CharacteristicPoints> out = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            double[] woe = woes.get(k);
            double[] points = new double[woe.length];
            for (int j = 0; j < woe.length; j++) {
                points[j] = options.rounding().apply(sign * factor * coefficients[k] * woe[j] + share);
            }
            out.add(new CharacteristicPoints(names.get(k), coefficients[k], woe, points));
        }
        double shownBase = options.spreadBasePoints() && m > 0 ? 0 : options.rounding().apply(base);
        return new PointsTable(options, intercept, shownBase, out, options.rounding().apply(share));
    }
}
