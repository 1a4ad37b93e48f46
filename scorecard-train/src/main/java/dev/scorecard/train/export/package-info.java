/**
 * Models leaving the tool (SPEC §11 {@code export}): the points table as CSV and Markdown for
 * documentation ({@link dev.scorecard.train.export.PointsTables}).
 */
package dev.scorecard.train.export;
