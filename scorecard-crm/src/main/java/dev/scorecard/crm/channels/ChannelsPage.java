package dev.scorecard.crm.channels;

import dev.scorecard.train.report.html.Axis;
import dev.scorecard.train.report.html.BarChart;
import dev.scorecard.train.report.html.Block;
import dev.scorecard.train.report.html.Document;
import dev.scorecard.train.report.html.KeyValue;
import dev.scorecard.train.report.html.KeyValueList;
import dev.scorecard.train.report.html.Paragraph;
import dev.scorecard.train.report.html.Section;
import dev.scorecard.train.report.html.Status;
import dev.scorecard.train.report.html.Table;
import dev.scorecard.train.report.html.ValueSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code channels.html}: the channel table and, because marketing sets budgets from it, each
 * channel's monthly volume (bars) and conversion rate (line), built from the reports' own blocks so
 * the page is as self-contained as they are (inline SVG and CSS, nothing loaded). The busiest
 * {@value #CHARTS} channels get a chart; every channel and month is in the table below them.
 */
final class ChannelsPage {
    static final int CHARTS = 8;

    private ChannelsPage() {
    }

    /**
     * @param leadsFile the leads file's name
     * @param asOf the {@code --as-of} instant as given, or empty
     * @param zone the zone of months, as given
     */
    static Document build(String leadsFile, String asOf, String zone, LeadCounts counts, ChannelScores scores,
            ChannelOptions options) {
        List<KeyValue> meta = List.of(new KeyValue("leads", leadsFile), new KeyValue("as of", asOf.isEmpty() ? "all leads" : asOf),
                new KeyValue("months in", zone));
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of("summary", "Summary", KeyValueList.of(
                new KeyValue("rows read", Long.toString(counts.rowsRead())),
                new KeyValue("leads counted", Long.toString(counts.used())),
                new KeyValue("created after --as-of", Long.toString(counts.createdLater())),
                new KeyValue("no outcome (converted empty)", Long.toString(counts.withoutOutcome())),
                new KeyValue("rejected", Long.toString(counts.rowsRejected())),
                new KeyValue("channels", Integer.toString(counts.channels().size())),
                new KeyValue("prior", prior(scores)),
                new KeyValue("sub-channel prior", Double.isInfinite(scores.subChannelConcentration())
                        ? "pooled with the channel" : String.format(Locale.ROOT, "concentration %.1f around the channel's shrunk "
                                + "rate", scores.subChannelConcentration())),
                new KeyValue("score", options.mapping().describe() + "; thin below " + options.minLeads() + " leads"),
                new KeyValue("interval", String.format(Locale.ROOT, "%.0f %% equal-tailed credible", 100 * options.level())))));
        sections.add(Section.of("scores", "Scores", table(scores)));
        sections.add(new Section("trend", "Monthly volume and conversion", "The " + CHARTS
                + " channels with the most leads: leads per calendar month (bars) and the share of them converted (line).",
                charts(counts.months()), List.of()));
        sections.add(Section.of("trend-table", "Every channel by month", trendTable(counts.months())).folded());
        sections.add(Section.of("method", "Method", new Paragraph("Each channel's conversion rate is shrunk toward the "
                + "prior mean by a Beta(α, β) prior fitted to all channels by maximising the beta-binomial marginal likelihood "
                + "(empirical Bayes): shrunk rate = (conversions + α) / (leads + α + β), the posterior mean; the interval is "
                + "the posterior Beta's equal-tailed quantiles. A sub-channel is shrunk toward its channel's shrunk rate; one "
                + "with fewer than the minimum leads takes its channel's score. Overrides replace computed scores; the "
                + "(unseen) row scores channels not in the history at the prior mean. See docs/channels.md.")));
        return new Document("Channel initial scores", "Conversion by channel, shrunk by empirical Bayes, scored 0 to 10", meta,
                sections);
    }

    private static String prior(ChannelScores s) {
        if (s.pooled()) {
            return String.format(Locale.ROOT, "pooled: the channels differ no more than chance explains; common rate %.4f",
                    s.priorMean());
        }
        return String.format(Locale.ROOT, "Beta(%.3f, %.3f): mean %.4f, concentration %.1f leads",
                s.priorMean() * s.priorConcentration(), (1 - s.priorMean()) * s.priorConcentration(), s.priorMean(),
                s.priorConcentration());
    }

    private static Table table(ChannelScores scores) {
        List<Table.Column> columns = List.of(Table.Column.left("channel"), Table.Column.left("sub-channel"),
                Table.Column.right("leads"), Table.Column.right("conversions"), Table.Column.right("raw rate"),
                Table.Column.right("shrunk rate"), Table.Column.right("interval"), Table.Column.left("thin"),
                Table.Column.right("score"), Table.Column.left("source"));
        List<Table.Row> rows = new ArrayList<>();
        for (ChannelRow r : scores.rows()) {
            Status status = r.source() == ScoreSource.OVERRIDE ? Status.WARN : Status.NONE;
            rows.add(Table.Row.flagged(status, r.channel(), r.subChannel(), Long.toString(r.leads()),
                    Long.toString(r.conversions()), Double.isNaN(r.rawRate()) ? "" : percent(r.rawRate()),
                    percent(r.shrunkRate()), percent(r.lower()) + " – " + percent(r.upper()), r.thin() ? "thin" : "",
                    Integer.toString(r.score()), r.source().text()));
        }
        return new Table("", columns, rows);
    }

    private static List<Block> charts(SortedMap<String, SortedMap<Integer, Tally>> months) {
        if (months.isEmpty()) {
            return List.of(new Paragraph("No leads were counted."));
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (SortedMap<Integer, Tally> m : months.values()) {
            first = Math.min(first, m.firstKey());
            last = Math.max(last, m.lastKey());
        }
        List<String> categories = new ArrayList<>();
        for (int m = first; m <= last; m++) {
            categories.add(LeadCounts.monthText(m));
        }
        List<Map.Entry<String, SortedMap<Integer, Tally>>> busiest = new ArrayList<>(months.entrySet());
        // Most leads first; a tie by name, so the page is the same on every run.
        busiest.sort(Comparator.comparingLong((Map.Entry<String, SortedMap<Integer, Tally>> e) -> -leads(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        List<Block> blocks = new ArrayList<>();
        for (var e : busiest.subList(0, Math.min(CHARTS, busiest.size()))) {
            double[] volume = new double[categories.size()];
            double[] rate = new double[categories.size()];
            for (int m = first; m <= last; m++) {
                Tally t = e.getValue().get(m);
                volume[m - first] = t == null ? 0 : t.leads();
                rate[m - first] = t == null ? Double.NaN : (double) t.conversions() / t.leads();
            }
            blocks.add(new BarChart(e.getKey(), "month", categories, Axis.from("leads", 0), List.of(ValueSeries.of("leads",
                    volume)), Axis.from("conversion rate", 0), List.of(ValueSeries.of("conversion rate", rate)), List.of()));
        }
        return blocks;
    }

    private static long leads(SortedMap<Integer, Tally> m) {
        long n = 0;
        for (Tally t : m.values()) {
            n += t.leads();
        }
        return n;
    }

    private static Table trendTable(SortedMap<String, SortedMap<Integer, Tally>> months) {
        List<Table.Column> columns = List.of(Table.Column.left("channel"), Table.Column.left("month"),
                Table.Column.right("leads"), Table.Column.right("conversions"), Table.Column.right("rate"));
        List<Table.Row> rows = new ArrayList<>();
        months.forEach((c, m) -> m.forEach((month, t) -> rows.add(Table.Row.of(c, LeadCounts.monthText(month),
                Long.toString(t.leads()), Long.toString(t.conversions()), percent((double) t.conversions() / t.leads())))));
        return new Table("", columns, rows);
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * rate);
    }
}
