/**
 * The trainer: a {@link dev.scorecard.core.data.Dataset}, a config and its seed in, a fitted scorecard
 * out, with no file read or written. {@link dev.scorecard.train.trainer.ScorecardTrainer} splits the
 * rows, bins every candidate, selects, fits the logistic regression, scales to points, grades, measures
 * and builds the verification rows; {@link dev.scorecard.train.trainer.TrainedScorecard} holds the model
 * and everything a report needs. The {@code train} command, the lead side and the Spark module all
 * fit through it.
 */
package dev.scorecard.train.trainer;
