package dev.scorecard.cli.command;

import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.train.pipeline.TrainWorkflow;
import dev.scorecard.train.select.SelectionRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code train} prints when it is done, in the order a reader acts on it: the model and how
 * selection arrived at it, any kept characteristic suspicious of leakage, the metrics, and the
 * outputs by what they are, the report first.
 */
final class TrainSummary {
    private TrainSummary() {
    }

    /**
     * @param o what training made and wrote
     * @param maxIv the IV above which a characteristic is suspicious of leakage (the config's
     *     {@code selection.maxIv}, the threshold {@code bin} uses too)
     * @return the lines, each ending with a line separator
     */
    static String render(TrainWorkflow.Outcome o, double maxIv) {
        StringBuilder out = new StringBuilder();
        ScorecardModel m = o.model();
        out.append(String.format(Locale.ROOT, "%nmodel '%s': %d characteristics, base points %s%n", m.name(),
                m.characteristics().size(), DoubleFormat.format(m.basePoints())));
        o.cv().ifPresent(cv -> out.append(ConsoleText.wrap(String.format(Locale.ROOT,
                "cv: %d folds, %d settings tried; chose minBinShare %s, l2 %s, maxCorrelation %s (mean AUC %.4f, cv.csv)",
                cv.folds(), cv.trials().size(), DoubleFormat.format(cv.minBinShare()), DoubleFormat.format(cv.l2()),
                DoubleFormat.format(cv.maxCorrelation()), cv.chosen().meanAuc()), 2)).append(System.lineSeparator()));
        out.append(ConsoleText.wrap(selection(o.selection()), 2)).append(System.lineSeparator());
        out.append(ConsoleText.wrapList(String.join(", ", m.characteristics().stream().map(c -> c.name()).toList()), 2))
                .append(System.lineSeparator());
        for (SelectionRow r : o.selection()) {
            if (r.selected() && r.iv() > maxIv) {
                out.append(String.format(Locale.ROOT, "check for leakage: %s has IV %.4f, above maxIv %s%n", r.variable(),
                        r.iv(), DoubleFormat.format(maxIv)));
            }
        }
        for (SplitMetrics sm : m.metrics()) {
            out.append(String.format(Locale.ROOT, "%-5s  rows %7d  events %6d  AUC %.4f  KS %.4f  Gini %.4f%n", sm.split(),
                    sm.rows(), sm.events(), sm.auc(), sm.ks(), sm.gini()));
        }
        o.challenger().ifPresent(ch -> out.append(String.format(Locale.ROOT,
                "challenger %s: test AUC %.4f  KS %.4f  Gini %.4f (train AUC %.4f)%n", ch.kind().configName(), ch.testAuc(),
                ch.testKs().ks(), ch.testGini(), ch.trainAuc())));
        out.append(outputs(o.written(), o.rejectsFile().orElse(null)));
        return out.toString();
    }

    /** @return e.g. {@code selection: 20 candidates, 13 kept; removed 5 by iv, 1 by correlation, 1 by sign} */
    static String selection(List<SelectionRow> rows) {
        Map<String, Integer> removed = new LinkedHashMap<>();
        int kept = 0;
        for (SelectionRow r : rows) {
            if (r.selected()) {
                kept++;
            } else {
                removed.merge(r.step(), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        removed.forEach((step, n) -> parts.add(n + " by " + step));
        return "selection: " + rows.size() + " candidates, " + kept + " kept"
                + (parts.isEmpty() ? "" : "; removed " + String.join(", ", parts))
                + " (selection.csv says why)";
    }

    /** The outputs by what they are: the report first, then the model, then the tables, then the rejects. */
    private static String outputs(List<Path> written, Path rejects) {
        StringBuilder out = new StringBuilder("outputs:").append(System.lineSeparator());
        Map<Path, List<String>> tables = new LinkedHashMap<>();
        for (String first : List.of("report.html", "model.json")) {
            for (Path p : written) {
                if (p.getFileName().toString().equals(first)) {
                    out.append(String.format(Locale.ROOT, "  %-8s %s%n", first.equals("model.json") ? "model" : "report", p));
                }
            }
        }
        for (Path p : written) {
            String name = p.getFileName().toString();
            if (!name.equals("report.html") && !name.equals("model.json") && !p.equals(rejects)) {
                tables.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(name);
            }
        }
        tables.forEach((folder, names) -> out.append(ConsoleText.wrapList(String.format(Locale.ROOT, "  %-8s %s%s", "tables",
                folder == null ? "" : folder + java.io.File.separator + ": ", String.join(", ", names)), 11))
                .append(System.lineSeparator()));
        if (rejects != null) {
            out.append(String.format(Locale.ROOT, "  %-8s %s%n", "rejects", rejects));
        }
        return out.toString();
    }
}
