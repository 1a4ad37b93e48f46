/**
 * Challenger models (SPEC §8, {@code --challenger gbm|rf}): a Smile 2.6.0 gradient-boosted tree
 * model or random forest fitted on the scorecard's training rows and candidate features (raw values,
 * not WOE), measured with the same AUC and KS on the same test rows, so the report can show how much
 * discrimination the scorecard's simplicity costs.
 * {@link dev.scorecard.train.challenger.ChallengerTrainer} fits,
 * {@link dev.scorecard.train.challenger.ChallengerOptions} configures,
 * {@link dev.scorecard.train.challenger.ChallengerFit} holds the outcome.
 *
 * <h2>Decisions where the spec is silent</h2>
 * <ul>
 *   <li>Numeric missing values: Smile 2.6.0's trees mishandle NaN (it breaks the sorted order their
 *       split search relies on, and NaN goes right at every split when predicting), so a column with
 *       missing values in training gets the training median in their place and a 0/1 missing indicator
 *       beside it. Infinite values are clamped to a large finite value.
 *   <li>Categorical columns are nominal attributes; missing is a level of its own; a level the
 *       training rows do not hold takes the "other levels" branch of every split on the column.
 *   <li>Only the training rows decide medians, levels and the model; the test rows are only scored.
 *   <li>The train AUC is in-sample (for {@code rf} it is close to 1 and says little); the test AUC and
 *       KS are the ones to compare with the scorecard's.
 *   <li>Same data, options and seed: same probabilities, on any number of threads (explicit per-tree
 *       seeds for {@code rf}, a seeded fitting thread for {@code gbm}, both in a private thread pool).
 *   <li>Smile 2.6.0 is LGPL-3: a dependency of {@code scorecard-train} only, kept as its own unmodified
 *       jars, never shaded; the scoring path does not load it.
 * </ul>
 */
package dev.scorecard.train.challenger;
