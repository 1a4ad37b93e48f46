package dev.scorecard.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A row with its expected result, scored and compared every time the model is loaded (SPEC §6).
 *
 * @param inputs raw input text per characteristic, in model order; null for a missing value
 * @param points expected points per characteristic, in model order
 * @param score expected score
 * @param probability expected event probability
 * @param grade expected grade
 * @param reasons expected reason codes
 */
public record VerificationCase(Map<String, String> inputs, List<Double> points, double score, double probability,
        String grade, List<String> reasons) {
    /** Copies the collections, keeping the input order (null values allowed). */
    public VerificationCase {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        points = List.copyOf(points);
        Objects.requireNonNull(grade, "grade");
        reasons = List.copyOf(reasons);
    }
}
