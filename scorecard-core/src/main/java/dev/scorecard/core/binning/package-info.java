/**
 * Binning of numeric and categorical characteristics with weight of evidence (WOE) and information
 * value (IV).
 *
 * <p>Conventions (SPEC §3): WOE of bin <i>i</i> is ln((e<sub>i</sub>/E) / (n<sub>i</sub>/N)) with
 * e = events and n = non-events, so a <b>positive WOE means more events than average</b>. A bin with no
 * events or no non-events uses 0.5 in place of the zero count, both in its WOE and in its IV term, which
 * keeps every IV term non-negative. Numeric bins are left-closed, right-open {@code [a, b)}; the first
 * is open to −∞ and the last to +∞; cut points are midpoints between adjacent distinct training values.
 *
 * <p>Entry points: {@link dev.scorecard.core.binning.NumericBinner},
 * {@link dev.scorecard.core.binning.CategoricalBinner}; options in
 * {@link dev.scorecard.core.binning.BinningOptions}; results are immutable
 * {@link dev.scorecard.core.binning.Binning}s.
 */
package dev.scorecard.core.binning;
