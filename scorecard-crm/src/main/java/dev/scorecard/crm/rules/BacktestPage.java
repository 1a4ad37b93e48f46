package dev.scorecard.crm.rules;

import dev.scorecard.train.report.html.Axis;
import dev.scorecard.train.report.html.BarChart;
import dev.scorecard.train.report.html.Block;
import dev.scorecard.train.report.html.Document;
import dev.scorecard.train.report.html.KeyValue;
import dev.scorecard.train.report.html.Paragraph;
import dev.scorecard.train.report.html.Section;
import dev.scorecard.train.report.html.Table;
import dev.scorecard.train.report.html.ValueSeries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code backtest.html}: the pooled result of each rule set, the AUC night by night and the
 * conversion by grade, from the reports' own blocks (inline SVG and CSS, nothing loaded).
 */
final class BacktestPage {
    private BacktestPage() {
    }

    static Document build(RulesBacktest.Request request, ZoneId zone, List<RulesBacktest.Night> nights,
            List<RulesBacktest.Night> overall, List<List<String>> grades, List<List<RulesBacktest.RuleEvidence>> signal,
            List<LocalDate> incomplete) {
        List<KeyValue> meta = new ArrayList<>(List.of(new KeyValue("rules", request.rules().getFileName().toString())));
        request.compare().ifPresent(c -> meta.add(new KeyValue("compared with", c.getFileName().toString())));
        meta.add(new KeyValue("nights", request.from() + " to " + request.to() + ", every " + request.everyDays() + "d, "
                + zone.getId()));
        meta.add(new KeyValue("target", "converted within " + request.horizonDays() + " days after the night"));
        List<Section> sections = new ArrayList<>();
        List<Block> summary = new ArrayList<>();
        summary.add(overallTable(overall));
        if (overall.size() == 2 && !Double.isNaN(overall.get(0).auc()) && !Double.isNaN(overall.get(1).auc())) {
            summary.add(new Paragraph(String.format(Locale.ROOT, "The proposed rules would have changed the pooled AUC by"
                    + " %+.4f (%.4f to %.4f) and the best grade's lift from %s to %s.", overall.get(1).auc()
                    - overall.get(0).auc(), overall.get(0).auc(), overall.get(1).auc(), lift(overall.get(0)),
                    lift(overall.get(1)))));
        }
        if (!incomplete.isEmpty()) {
            summary.add(new Paragraph(incomplete.size() + " night(s) from " + incomplete.get(0) + " have a horizon that"
                    + " ends after the last event or conversion in the data: their conversions are undercounted."));
        }
        sections.add(new Section("summary", "All nights pooled", "Every lead of every night, scored as it stood that"
                + " night.", summary, List.of()));
        sections.add(new Section("nights", "Night by night", "The AUC of each night's score against conversion in the"
                + " horizon after it.", List.of(aucChart(nights, overall.size()), nightTable(nights)), List.of()));
        List<Block> gradeBlocks = new ArrayList<>();
        for (int r = 0; r < overall.size(); r++) {
            RulesBacktest.Night n = overall.get(r);
            double[] rate = new double[grades.get(r).size()];
            for (int g = 0; g < rate.length; g++) {
                rate[g] = n.gradeLeads()[g] == 0 ? Double.NaN : (double) n.gradeConverters()[g] / n.gradeLeads()[g];
            }
            gradeBlocks.add(new BarChart(n.rules() + ": conversion by grade", "grade", grades.get(r),
                    Axis.from("conversion rate", 0), List.of(ValueSeries.of("conversion rate", rate)), Axis.from("", 0),
                    List.of(), List.of()));
        }
        sections.add(new Section("grades", "Conversion by grade", "All nights pooled.", gradeBlocks, List.of()));
        List<Block> ruleBlocks = new ArrayList<>();
        for (int r = 0; r < overall.size(); r++) {
            ruleBlocks.add(ruleTable(overall.get(r).rules(), signal.get(r)));
        }
        sections.add(new Section("rules", "Which rules carry signal", "Per rule, what it added to the score on the"
                + " lead-nights it contributed on: the information value of that contribution (below 0.02 not predictive,"
                + " 0.02 weak, 0.1 medium, 0.3 strong), its AUC alone, and how much the AUC of the score before clamping"
                + " falls without it.", ruleBlocks, List.of()));
        return new Document("Rule score backtest", "How well each night's rule score ranked the leads that converted next",
                meta, sections);
    }

    private static String lift(RulesBacktest.Night n) {
        return Double.isNaN(n.topGradeLift()) ? "undefined" : String.format(Locale.ROOT, "%.2f", n.topGradeLift());
    }

    private static Table overallTable(List<RulesBacktest.Night> overall) {
        List<Table.Column> columns = List.of(Table.Column.left("rules"), Table.Column.right("leads x nights"),
                Table.Column.right("converters"), Table.Column.right("AUC"), Table.Column.right("KS"),
                Table.Column.right("best grade lift"));
        List<Table.Row> rows = new ArrayList<>();
        for (RulesBacktest.Night n : overall) {
            rows.add(Table.Row.of(n.rules(), Long.toString(n.leads()), Long.toString(n.converters()), metric(n.auc()),
                    metric(n.ks()), lift(n)));
        }
        return new Table("", columns, rows);
    }

    private static Table ruleTable(String rules, List<RulesBacktest.RuleEvidence> signal) {
        List<Table.Column> columns = List.of(Table.Column.left("rule"), Table.Column.left("kind"),
                Table.Column.right("lead-nights with"), Table.Column.right("conversion with"), Table.Column.right("IV"),
                Table.Column.right("AUC alone"), Table.Column.right("AUC change"), Table.Column.left("verdict"));
        List<Table.Row> rows = new ArrayList<>();
        for (RulesBacktest.RuleEvidence e : signal) {
            rows.add(Table.Row.of(e.rule(), e.kind(), String.format(Locale.ROOT, "%d (%.1f %%)", e.with(),
                    e.leadNights() == 0 ? 0.0 : 100.0 * e.with() / e.leadNights()), e.with() == 0 ? ""
                    : String.format(Locale.ROOT, "%.2f %%", 100.0 * e.convertersWith() / e.with()),
                    String.format(Locale.ROOT, "%.3f", e.iv()), metric(e.auc()), Double.isNaN(e.aucChange()) ? ""
                    : String.format(Locale.ROOT, "%+.4f", e.aucChange()), e.verdict()));
        }
        return new Table(rules, columns, rows);
    }

    private static BarChart aucChart(List<RulesBacktest.Night> nights, int sets) {
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < nights.size(); i += sets) {
            categories.add(nights.get(i).night().toString());
        }
        List<ValueSeries> series = new ArrayList<>();
        for (int r = 0; r < sets; r++) {
            double[] auc = new double[categories.size()];
            for (int i = 0; i < auc.length; i++) {
                auc[i] = nights.get(i * sets + r).auc();
            }
            series.add(ValueSeries.of(nights.get(r).rules(), auc));
        }
        return new BarChart("AUC per night", "night", categories, Axis.fixed("AUC", 0, 1), series, Axis.from("", 0),
                List.of(), List.of());
    }

    private static Table nightTable(List<RulesBacktest.Night> nights) {
        List<Table.Column> columns = List.of(Table.Column.left("night"), Table.Column.left("rules"),
                Table.Column.right("leads"), Table.Column.right("converters"), Table.Column.right("AUC"),
                Table.Column.right("KS"), Table.Column.right("best grade lift"));
        List<Table.Row> rows = new ArrayList<>();
        for (RulesBacktest.Night n : nights) {
            rows.add(Table.Row.of(n.night().toString(), n.rules(), Long.toString(n.leads()), Long.toString(n.converters()),
                    metric(n.auc()), metric(n.ks()), lift(n)));
        }
        return new Table("", columns, rows);
    }

    private static String metric(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }
}
