/**
 * Binning every candidate characteristic of a dataset: {@link dev.scorecard.train.binning.BinningProcess}
 * bins the columns in parallel (automatic or user bins) and records why any was dropped, one
 * {@link dev.scorecard.train.binning.VariableResult} per column. Selection, the trainer and the
 * reports read these results.
 */
package dev.scorecard.train.binning;
