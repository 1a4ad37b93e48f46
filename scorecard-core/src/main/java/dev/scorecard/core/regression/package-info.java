/**
 * Logistic regression by iteratively reweighted least squares (IRLS), with an optional L2 penalty
 * and prior weights (SPEC §4).
 *
 * <p>Entry point: {@link dev.scorecard.core.regression.IrlsFitter}, configured by
 * {@link dev.scorecard.core.regression.LogisticOptions}, returning an immutable
 * {@link dev.scorecard.core.regression.LogisticFit} of
 * {@link dev.scorecard.core.model.Coefficient}s. Without a penalty the estimates, standard
 * errors, z values, p-values, log-likelihood, AIC and BIC are those of R's
 * {@code glm(family = binomial)}; the tests compare them with R to 1e-6 relative on the shipped
 * datasets ({@code src/test/resources/regression/glm_reference.R} regenerates the references).
 * A design that cannot be fitted (collinear or constant columns, separation, unusable input) is
 * refused with a {@link dev.scorecard.core.FitException} that names the variables.
 *
 * <p>The fitter reads the rows through a {@link dev.scorecard.core.regression.RowPass} (a
 * {@link dev.scorecard.core.regression.RowSummary} once, then
 * {@link dev.scorecard.core.regression.PassSums} per Newton step), so that rows held elsewhere, such
 * as partitions on a cluster, can be fitted by adding their partial sums.
 *
 * <p>Only fitting uses this package's dependency on commons-math3 (for {@code erfc}); scoring a
 * fitted model never does.
 */
package dev.scorecard.core.regression;

import dev.scorecard.core.model.Coefficient;
