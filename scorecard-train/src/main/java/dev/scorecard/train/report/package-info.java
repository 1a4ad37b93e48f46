/**
 * What a run writes for people and for the next run: the bins file ({@code bins.json}, read back by
 * {@code --bins}), the bins table ({@code bins.csv}), the IV table ({@code iv.csv}) and the console
 * summary.
 */
package dev.scorecard.train.report;
