/**
 * Variable selection (SPEC §4): filters by missing share, single-value share, IV, WOE correlation
 * and VIF, then stepwise selection and the coefficient-sign rule on the fitted regression. Every
 * removed variable carries the step and the reason, written to {@code selection.csv}.
 */
package dev.scorecard.train.select;
