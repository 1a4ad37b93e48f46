package dev.scorecard.crm.routing;

import dev.scorecard.crm.routing.AgentsWorkflow.AgentRow;
import dev.scorecard.train.report.html.Axis;
import dev.scorecard.train.report.html.BarChart;
import dev.scorecard.train.report.html.Block;
import dev.scorecard.train.report.html.Document;
import dev.scorecard.train.report.html.KeyValue;
import dev.scorecard.train.report.html.LineChart;
import dev.scorecard.train.report.html.Marker;
import dev.scorecard.train.report.html.Paragraph;
import dev.scorecard.train.report.html.Section;
import dev.scorecard.train.report.html.Status;
import dev.scorecard.train.report.html.Table;
import dev.scorecard.train.report.html.ValueSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code agents.html}: the ranked agents with their verdicts, O/E with its interval per agent drawn
 * against the line of 1 (an agent as good as its leads), and the funnel by agent (assigned →
 * contacted → converted), drawn with the reports' own blocks (inline SVG and CSS, nothing loaded).
 */
final class AgentsPage {
    /** Past this many agents the funnel is a table only: a bar per agent would not be read. */
    private static final int MAX_FUNNEL_BARS = 60;

    private AgentsPage() {
    }

    static Document build(AgentsWorkflow.Request request, AgentsWorkflow.Outcome o, boolean hasContacted) {
        List<KeyValue> meta = List.of(new KeyValue("outcomes", request.outcomes().getFileName().toString()),
                new KeyValue("rows", o.rowsRead() + " read = " + o.rowsUsed() + " used + " + o.rowsRejected()
                        + " rejected"),
                new KeyValue("expectation", o.usedExpected() ? "each lead's expected column"
                        : "the conversion rate of the lead's grade over all agents"),
                new KeyValue("verdicts", String.format(Locale.ROOT, "%d above, %d below, %d within noise, %d too few"
                        + " leads", o.count(AgentsWorkflow.ABOVE), o.count(AgentsWorkflow.BELOW),
                        o.count(AgentsWorkflow.WITHIN_NOISE), o.count(AgentsWorkflow.TOO_FEW))),
                new KeyValue("test", String.format(Locale.ROOT, "z = (O - E) / sqrt(V), Bonferroni over %d agents at"
                        + " alpha %s; intervals at z* = %.3f", o.judged(), request.alpha(), o.criticalZ())));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("ranking", "Agents ranked by observed / expected",
                "O is what the agent converted, E what an average agent would have converted with the same leads."
                        + " An agent is above or below only when the difference is beyond noise; the raw conversion"
                        + " rate is shown for comparison and rewards agents who were handed better leads.",
                List.of(rankTable(o.agents()), ratioChart(o.agents())), List.of()));
        List<Block> funnel = new ArrayList<>();
        funnel.add(new Paragraph(hasContacted ? "Leads assigned, contacted and converted per agent."
                : "Leads assigned and converted per agent (the outcomes have no contacted column)."));
        funnel.add(funnelTable(o.agents(), hasContacted));
        if (o.agents().size() <= MAX_FUNNEL_BARS) {
            funnel.add(funnelChart(o.agents(), hasContacted));
        }
        sections.add(new Section("funnel", "Funnel by agent", "", funnel, List.of()));
        return new Document("Agent evaluation", "Conversions against what each agent's leads predict", meta, sections);
    }

    private static Table rankTable(List<AgentRow> agents) {
        List<Table.Column> columns = List.of(Table.Column.right("rank"), Table.Column.left("agent"),
                Table.Column.right("leads"), Table.Column.right("converted (O)"), Table.Column.right("expected (E)"),
                Table.Column.right("O / E"), Table.Column.right("interval"), Table.Column.right("adjusted p"),
                Table.Column.left("verdict"), Table.Column.right("raw rate"));
        List<Table.Row> rows = new ArrayList<>();
        for (AgentRow r : agents) {
            Status status = r.verdict().equals(AgentsWorkflow.ABOVE) ? Status.OK
                    : r.verdict().equals(AgentsWorkflow.BELOW) ? Status.FAIL : Status.NONE;
            rows.add(Table.Row.flagged(status, Integer.toString(r.rank()), r.agent(), Long.toString(r.leads()),
                    Long.toString(r.observed()), fixed(r.expected(), 2), fixed(r.ratio(), 3),
                    Double.isNaN(r.low()) ? "" : fixed(r.low(), 3) + " to " + fixed(r.high(), 3),
                    Double.isNaN(r.pAdjusted()) ? "" : String.format(Locale.ROOT, "%.3g", r.pAdjusted()), r.verdict(),
                    Double.isNaN(r.rate()) ? "" : String.format(Locale.ROOT, "%.2f %%", 100 * r.rate())));
        }
        return new Table("", columns, rows);
    }

    private static LineChart ratioChart(List<AgentRow> agents) {
        double[] xs = new double[2 * agents.size()];
        double[] ys = new double[xs.length];
        double[] bx = new double[3 * agents.size()];
        double[] by = new double[bx.length];
        double hi = 2;
        for (int k = 0; k < agents.size(); k++) {
            AgentRow r = agents.get(k);
            xs[2 * k] = r.rank();
            ys[2 * k] = r.ratio();
            xs[2 * k + 1] = Double.NaN;
            ys[2 * k + 1] = Double.NaN;
            bx[3 * k] = r.rank();
            bx[3 * k + 1] = r.rank();
            bx[3 * k + 2] = Double.NaN;
            by[3 * k] = r.low();
            by[3 * k + 1] = r.high();
            by[3 * k + 2] = Double.NaN;
            if (!Double.isNaN(r.high())) {
                hi = Math.max(hi, r.high());
            }
        }
        return new LineChart("Observed / expected with its interval, by rank", Axis.fixed("rank", 0.5,
                agents.size() + 0.5), Axis.fixed("O / E", 0, hi), List.of(LineChart.Series.of("O / E", xs, ys),
                        LineChart.Series.of("interval", bx, by)), false,
                List.of(Marker.horizontal(1, "as good as its leads")));
    }

    private static Table funnelTable(List<AgentRow> agents, boolean hasContacted) {
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.left("agent"), Table.Column.right("assigned")));
        if (hasContacted) {
            columns.add(Table.Column.right("contacted"));
        }
        columns.add(Table.Column.right("converted"));
        List<Table.Row> rows = new ArrayList<>();
        for (AgentRow r : agents) {
            List<String> cells = new ArrayList<>(List.of(r.agent(), Long.toString(r.leads())));
            if (hasContacted) {
                cells.add(share(r.contacted(), r.leads()));
            }
            cells.add(share(r.observed(), r.leads()));
            rows.add(Table.Row.of(cells.toArray(new String[0])));
        }
        return new Table("", columns, rows);
    }

    private static BarChart funnelChart(List<AgentRow> agents, boolean hasContacted) {
        List<String> names = new ArrayList<>();
        double[] assigned = new double[agents.size()];
        double[] contacted = new double[agents.size()];
        double[] converted = new double[agents.size()];
        for (int k = 0; k < agents.size(); k++) {
            AgentRow r = agents.get(k);
            names.add(r.agent());
            assigned[k] = r.leads();
            contacted[k] = r.contacted();
            converted[k] = r.observed();
        }
        List<ValueSeries> bars = new ArrayList<>(List.of(ValueSeries.of("assigned", assigned)));
        if (hasContacted) {
            bars.add(ValueSeries.of("contacted", contacted));
        }
        bars.add(ValueSeries.of("converted", converted));
        return BarChart.of("Funnel by agent, in rank order", "agent", names, Axis.from("leads", 0), bars);
    }

    private static String share(long x, long n) {
        return n == 0 ? "0" : String.format(Locale.ROOT, "%d (%.1f %%)", x, 100.0 * x / n);
    }

    private static String fixed(double v, int digits) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
