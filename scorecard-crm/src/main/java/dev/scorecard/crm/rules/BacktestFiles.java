package dev.scorecard.crm.rules;

import dev.scorecard.train.io.CsvByteWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code backtest.csv} (one row per night and rule set, then {@code all} for the nights pooled) and
 * {@code backtest-grades.csv} (the same, per grade). Rates and metrics as the project writes
 * probabilities; empty where undefined (a night without converters has no AUC).
 */
final class BacktestFiles {
    static final List<String> NIGHT_COLUMNS = List.of("night", "rules", "leads", "converters", "rate", "auc", "ks",
            "top_grade_leads", "top_grade_rate", "top_grade_lift");
    static final List<String> GRADE_COLUMNS = List.of("night", "rules", "grade", "leads", "converters", "rate");
    static final List<String> RULE_COLUMNS = List.of("rules", "rule", "kind", "lead_nights", "with", "share_with",
            "converters_with", "rate_with", "iv", "auc", "auc_change", "verdict");

    private BacktestFiles() {
    }

    static void writeNights(OutputStream out, List<RulesBacktest.Night> nights, List<RulesBacktest.Night> overall)
            throws IOException {
        CsvByteWriter w = new CsvByteWriter(out);
        w.row(NIGHT_COLUMNS);
        for (RulesBacktest.Night n : nights) {
            night(w, n.night().toString(), n);
        }
        for (RulesBacktest.Night n : overall) {
            night(w, "all", n);
        }
        w.flush();
    }

    private static void night(CsvByteWriter w, String label, RulesBacktest.Night n) throws IOException {
        w.field(label);
        w.comma();
        w.field(n.rules());
        w.comma();
        w.number(n.leads());
        w.comma();
        w.number(n.converters());
        w.comma();
        rate(w, n.converters(), n.leads());
        w.comma();
        probability(w, n.auc());
        w.comma();
        probability(w, n.ks());
        w.comma();
        w.number(n.gradeLeads()[0]);
        w.comma();
        rate(w, n.gradeConverters()[0], n.gradeLeads()[0]);
        w.comma();
        if (!Double.isNaN(n.topGradeLift())) {
            w.number(Math.round(n.topGradeLift() * 1e4) / 1e4);
        }
        w.endRow();
    }

    static void writeGrades(OutputStream out, List<RulesBacktest.Night> nights, List<RulesBacktest.Night> overall,
            List<List<String>> grades) throws IOException {
        CsvByteWriter w = new CsvByteWriter(out);
        w.row(GRADE_COLUMNS);
        int sets = overall.size();
        for (int i = 0; i < nights.size(); i++) {
            grades(w, nights.get(i).night().toString(), nights.get(i), grades.get(i % sets));
        }
        for (int r = 0; r < sets; r++) {
            grades(w, "all", overall.get(r), grades.get(r));
        }
        w.flush();
    }

    private static void grades(CsvByteWriter w, String label, RulesBacktest.Night n, List<String> names) throws IOException {
        for (int g = 0; g < names.size(); g++) {
            w.field(label);
            w.comma();
            w.field(n.rules());
            w.comma();
            w.field(names.get(g));
            w.comma();
            w.number(n.gradeLeads()[g]);
            w.comma();
            w.number(n.gradeConverters()[g]);
            w.comma();
            rate(w, n.gradeConverters()[g], n.gradeLeads()[g]);
            w.endRow();
        }
    }

    /** {@code backtest-rules.csv}: per rule set and rule, whether it carries signal. */
    static void writeRules(OutputStream out, List<String> sets, List<List<RulesBacktest.RuleEvidence>> signal)
            throws IOException {
        CsvByteWriter w = new CsvByteWriter(out);
        w.row(RULE_COLUMNS);
        for (int r = 0; r < sets.size(); r++) {
            for (RulesBacktest.RuleEvidence e : signal.get(r)) {
                w.field(sets.get(r));
                w.comma();
                w.field(e.rule());
                w.comma();
                w.field(e.kind());
                w.comma();
                w.number(e.leadNights());
                w.comma();
                w.number(e.with());
                w.comma();
                rate(w, e.with(), e.leadNights());
                w.comma();
                w.number(e.convertersWith());
                w.comma();
                rate(w, e.convertersWith(), e.with());
                w.comma();
                w.number(Math.round(e.iv() * 1e6) / 1e6);
                w.comma();
                probability(w, e.auc());
                w.comma();
                if (!Double.isNaN(e.aucChange())) {
                    w.number(Math.round(e.aucChange() * 1e6) / 1e6);
                }
                w.comma();
                w.field(e.verdict());
                w.endRow();
            }
        }
        w.flush();
    }

    private static void rate(CsvByteWriter w, long part, long whole) throws IOException {
        if (whole > 0) {
            w.probability((double) part / whole);
        }
    }

    private static void probability(CsvByteWriter w, double p) throws IOException {
        if (!Double.isNaN(p)) {
            w.probability(p);
        }
    }
}
