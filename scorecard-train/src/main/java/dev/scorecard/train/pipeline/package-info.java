/**
 * File-in, file-out workflows, one per command: {@link dev.scorecard.train.pipeline.BinWorkflow},
 * {@link dev.scorecard.train.pipeline.TrainWorkflow}, {@link dev.scorecard.train.pipeline.ScoreWorkflow},
 * {@link dev.scorecard.train.pipeline.EvaluateWorkflow} and {@link dev.scorecard.train.pipeline.MonitorWorkflow}.
 * They read files, call the trainer and the scorer, and write every output atomically; no fitting
 * happens here, and nothing below imports this package.
 */
package dev.scorecard.train.pipeline;
