package dev.scorecard.train.report.html;

/** One piece of a {@link Section}'s content, rendered in order. */
public sealed interface Block permits Paragraph, KeyValueList, Table, LineChart, BarChart, Histogram, Verdict,
        Preformatted {
}
