/**
 * A self-contained HTML report: a {@link dev.scorecard.train.report.html.Document} of
 * {@link dev.scorecard.train.report.html.Section}s holding {@link dev.scorecard.train.report.html.Block}s
 * (paragraphs, key–value lists, tables, line and bar charts, histograms, verdict banners), and
 * {@link dev.scorecard.train.report.html.HtmlRenderer}, which turns it into one HTML5 page with inline SVG
 * charts. The page loads nothing (a Content-Security-Policy forbids it), runs no script, prints on
 * A4 and is byte-identical for the same document. The evaluation and monitoring reports are built
 * from these blocks.
 */
package dev.scorecard.train.report.html;
