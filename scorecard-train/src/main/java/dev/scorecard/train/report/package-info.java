/**
 * What a run writes for people and for the next run: the bins file ({@code bins.json}, read back by
 * {@code --bins}), the bins table ({@code bins.csv}), the IV table ({@code iv.csv}) and the console
 * summary; and the evaluation and monitoring reports (SPEC §8, §9): {@link
 * dev.scorecard.train.report.EvaluationReport} and {@link dev.scorecard.train.report.MonitorReport}
 * lay the results out as a {@link dev.scorecard.train.report.html.Document} rendered to one
 * self-contained HTML file, {@link dev.scorecard.train.report.ReportJson} and {@link
 * dev.scorecard.train.report.MonitorJson} write the same as JSON, {@link
 * dev.scorecard.train.report.EvaluationTables} the CSV tables, and {@link
 * dev.scorecard.train.report.ReportWriter} writes them all atomically into a folder.
 */
package dev.scorecard.train.report;
