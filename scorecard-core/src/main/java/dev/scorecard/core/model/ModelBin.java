package dev.scorecard.core.model;

import dev.scorecard.core.model.BinKind;
import java.util.List;
import java.util.Objects;

/**
 * One bin of a characteristic as the model keeps it.
 *
 * @param label what a person reads
 * @param kind regular, special, missing or else
 * @param lower numeric lower bound (inclusive), −∞ for the first regular bin, NaN otherwise
 * @param upper numeric upper bound (exclusive), +∞ for the last regular bin, NaN otherwise
 * @param categories the levels of a categorical bin
 * @param specialValues the values of a special bin
 * @param woe weight of evidence
 * @param points the points shown
 * @param count training rows
 * @param eventRate training event rate (NaN for an empty bin)
 */
public record ModelBin(String label, BinKind kind, double lower, double upper, List<String> categories,
        List<Double> specialValues, double woe, double points, long count, double eventRate) {
    /** Copies the lists; checks finiteness of WOE and points. */
    public ModelBin {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        categories = List.copyOf(categories);
        specialValues = List.copyOf(specialValues);
        if (!Double.isFinite(woe) || !Double.isFinite(points)) {
            throw new IllegalArgumentException("bin " + label + ": WOE " + woe + " and points " + points + " must be finite");
        }
        if (count < 0) {
            throw new IllegalArgumentException("bin " + label + ": count " + count + " is negative");
        }
    }
}
