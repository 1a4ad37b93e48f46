/**
 * Models leaving the tool (SPEC §11 {@code export}): the points table as CSV and Markdown for
 * documentation ({@link dev.scorecard.train.export.PointsTables}), and one SQL {@code SELECT} that
 * scores a table exactly as the embedded scorer does ({@link dev.scorecard.train.export.SqlExport},
 * configured by {@link dev.scorecard.train.export.SqlOptions} and
 * {@link dev.scorecard.train.export.SqlDialect}; docs/export-sql.md has the naming and typing rules
 * and the dialect differences), and a PMML 4.4 {@code Scorecard} with reason codes, probability and
 * grade ({@link dev.scorecard.train.export.PmmlExport}; docs/export-pmml.md has the mapping).
 */
package dev.scorecard.train.export;
