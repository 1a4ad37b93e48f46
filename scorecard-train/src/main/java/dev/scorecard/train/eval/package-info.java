/**
 * Evaluation metrics of a score against the target (SPEC §8):
 * {@link dev.scorecard.train.eval.Metrics} computes the AUC (Mann–Whitney, ties counted one half),
 * the KS statistic with the score where it is reached ({@link dev.scorecard.train.eval.KsResult}) and
 * the Gini coefficient; {@link dev.scorecard.train.eval.Curves} the ROC and KS curves;
 * {@link dev.scorecard.train.eval.Gains} gains and lift by decile; {@link dev.scorecard.train.eval.Cutoffs} the
 * cut-off table (score bands of equal frequency or equal width, {@link dev.scorecard.train.eval.CutoffOptions});
 * {@link dev.scorecard.train.eval.Grades}
 * the grade table with cumulative precision and recall; {@link dev.scorecard.train.eval.Calibration}
 * predicted against observed by decile, the Brier score and Hosmer–Lemeshow; and
 * {@link dev.scorecard.train.eval.Stability} PSI and CSI against a baseline, with
 * {@link dev.scorecard.train.eval.DriftThresholds} turning them into a {@link dev.scorecard.train.eval.DriftLevel}.
 *
 * <h2>Decisions where the spec is silent</h2>
 * <ul>
 *   <li>Higher score means more likely an event; callers pass the event probability, or points
 *       negated when more points mean less risk.
 *   <li>KS is evaluated only between distinct scores (rows with equal scores never fall on both
 *       sides of a threshold), and its score is the threshold {@code s} splitting "at most s" from
 *       "above s"; of several thresholds with the same gap, the lowest.
 *   <li>Deciles (gains, calibration) are by rank from the highest score down, and rows with equal
 *       scores always share a group, so groups may be unequal or fewer than ten.
 *   <li>The cut-off table ranks the score itself from the highest down, whichever way the score
 *       points: a cut-off keeps the rows above it, to approve in credit as to call for leads. Its
 *       equal-frequency bands follow the gains rule; its width bands are {@code [k·w, (k+1)·w)}.
 *   <li>PSI and CSI replace a share of exactly 0, on either side, by 1e-4 (SPEC §8), without
 *       renormalising; a bin empty on both sides adds 0.
 *   <li>Counting is exact (in {@code long}s); the only rounding is the final division.
 *   <li>A target with one class, a NaN score or a length mismatch is an
 *       {@code IllegalArgumentException}: the metric is undefined, not zero.
 * </ul>
 */
package dev.scorecard.train.eval;
