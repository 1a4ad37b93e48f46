/**
 * Evaluation metrics of a score against the target (SPEC §8):
 * {@link dev.scorecard.train.eval.Metrics} computes the AUC (Mann–Whitney, ties counted one half),
 * the KS statistic with the score where it is reached ({@link dev.scorecard.train.eval.KsResult}) and
 * the Gini coefficient.
 *
 * <h2>Decisions where the spec is silent</h2>
 * <ul>
 *   <li>Higher score means more likely an event; callers pass the event probability, or points
 *       negated when more points mean less risk.
 *   <li>KS is evaluated only between distinct scores (rows with equal scores never fall on both
 *       sides of a threshold), and its score is the threshold {@code s} splitting "at most s" from
 *       "above s"; of several thresholds with the same gap, the lowest.
 *   <li>Counting is exact (in {@code long}s); the only rounding is the final division.
 *   <li>A target with one class, a NaN score or a length mismatch is an
 *       {@code IllegalArgumentException}: the metric is undefined, not zero.
 * </ul>
 */
package dev.scorecard.train.eval;
