/**
 * Scorecard core: what a Java service embeds. Typed data columns ({@link dev.scorecard.core.data}),
 * binning with weight of evidence and information value ({@link dev.scorecard.core.binning}), and the
 * error types shared by every module.
 */
package dev.scorecard.core;
