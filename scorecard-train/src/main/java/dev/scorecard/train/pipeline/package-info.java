/**
 * The steps from loaded columns to fitted artefacts: {@link dev.scorecard.train.pipeline.BinningProcess}
 * bins every candidate characteristic in parallel and records why any was dropped.
 */
package dev.scorecard.train.pipeline;
