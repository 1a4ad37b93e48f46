package dev.scorecard.core;

import java.util.List;

/**
 * The result of scoring one row.
 *
 * @param score the score: base points plus the points of the row's bins
 * @param probability the event probability, from the unrounded linear predictor
 * @param score10 the 0–10 standard score
 * @param grade the grade
 * @param points the points of each characteristic, in model order
 * @param reasons reason codes, {@code characteristic: bin}, most points lost first
 * @param warnings what was scored neutrally, e.g. {@code unseen:city=Pune} or {@code missing:age}
 */
public record ScoreResult(double score, double probability, double score10, String grade, List<Double> points,
        List<String> reasons, List<String> warnings) {
    /** Copies the lists. */
    public ScoreResult {
        points = List.copyOf(points);
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }
}
