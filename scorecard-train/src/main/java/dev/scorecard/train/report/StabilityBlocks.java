package dev.scorecard.train.report;

import dev.scorecard.core.model.Baseline;
import dev.scorecard.train.eval.CharacteristicDrift;
import dev.scorecard.train.eval.DriftLevel;
import dev.scorecard.train.eval.DriftThresholds;
import dev.scorecard.train.eval.PsiResult;
import dev.scorecard.train.eval.StabilityReport;
import dev.scorecard.train.report.html.Axis;
import dev.scorecard.train.report.html.BarChart;
import dev.scorecard.train.report.html.Marker;
import dev.scorecard.train.report.html.Status;
import dev.scorecard.train.report.html.Table;
import dev.scorecard.train.report.html.ValueSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The stability blocks the evaluation and monitoring reports share: the score PSI by baseline score
 * bin (table and chart), the CSI table with its rows flagged by drift level, and one
 * characteristic's bins then and now.
 */
final class StabilityBlocks {
    private StabilityBlocks() {
    }

    /** @return how a row at this level is flagged: warn as a warning, alert as a failure */
    static Status status(DriftLevel level) {
        return switch (level) {
            case STABLE -> Status.NONE;
            case WARN -> Status.WARN;
            case ALERT -> Status.FAIL;
        };
    }

    /** @return {@code v} with a sign, e.g. {@code +1.5} or {@code -0.3} */
    static String signed(double v, int decimals) {
        String s = Figures.fixed(v, decimals);
        return s.startsWith("-") || s.equals(Figures.NONE) ? s : "+" + s;
    }

    /** @return the level as a table cell: {@code stable}, {@code WARN} or {@code ALERT} */
    static String levelCell(DriftLevel level) {
        return level == DriftLevel.STABLE ? "stable" : level.name();
    }

    /** @return e.g. {@code warn at 0.10, alert at 0.25} */
    static String thresholds(DriftThresholds t) {
        return "warn at " + Figures.fixed(t.warn(), 2) + ", alert at " + Figures.fixed(t.alert(), 2);
    }

    static Table scorePsiTable(StabilityReport s, Baseline baseline) {
        List<Table.Row> rows = new ArrayList<>();
        List<PsiResult.Bin> bins = s.scorePsi().bins();
        for (int i = 0; i < bins.size(); i++) {
            PsiResult.Bin b = bins.get(i);
            rows.add(Table.Row.of(Integer.toString(i + 1), ScoreRanges.binLabel(baseline, i),
                    Figures.percent(b.expectedShare()), Figures.percent(b.actualShare()),
                    signed(100 * (b.actualShare() - b.expectedShare()), 1),
                    Figures.metric(b.contribution())));
        }
        rows.add(Table.Row.flagged(status(s.scoreLevel()), "total", "", "100.0%", "100.0%", "",
                Figures.metric(s.scorePsi().value()) + " (" + levelCell(s.scoreLevel()) + ")"));
        return new Table("Score PSI by baseline score bin (" + thresholds(s.thresholds()) + ")",
                List.of(Table.Column.right("bin"), Table.Column.left("score"), Table.Column.right("baseline share"),
                        Table.Column.right("current share"), Table.Column.right("change (pp)"),
                        Table.Column.right("PSI contribution")),
                rows);
    }

    static BarChart scoreShareChart(StabilityReport s, Baseline baseline, String currentName) {
        List<String> categories = new ArrayList<>();
        List<PsiResult.Bin> bins = s.scorePsi().bins();
        double[] expected = new double[bins.size()];
        double[] actual = new double[bins.size()];
        for (int i = 0; i < bins.size(); i++) {
            categories.add(ScoreRanges.binLabel(baseline, i));
            expected[i] = bins.get(i).expectedShare();
            actual[i] = bins.get(i).actualShare();
        }
        return BarChart.of("Share of rows per baseline score bin: training vs " + currentName, "score bin",
                categories, Axis.from("share of rows", 0),
                List.of(ValueSeries.of("training baseline", expected), ValueSeries.of(currentName, actual)));
    }

    static Table csiTable(StabilityReport s) {
        List<Table.Row> rows = new ArrayList<>();
        for (CharacteristicDrift c : s.characteristics()) {
            rows.add(Table.Row.flagged(status(c.level()), c.name(), Figures.metric(c.csi().value()),
                    levelCell(c.level()), Figures.percent(c.baselineMissingShare()), Figures.percent(c.missingShare()),
                    Figures.count(c.unseen()), c.maxWoeShift().map(Figures::metric).orElse(Figures.NONE)));
        }
        return new Table("CSI per characteristic (" + thresholds(s.thresholds()) + ")",
                List.of(Table.Column.left("characteristic"), Table.Column.right("CSI"), Table.Column.left("level"),
                        Table.Column.right("missing (train)"), Table.Column.right("missing (now)"),
                        Table.Column.right("unseen"), Table.Column.right("max WOE shift")),
                rows);
    }

    /** @return a bar chart of CSI per characteristic with the two thresholds marked */
    static BarChart csiChart(StabilityReport s) {
        List<String> names = new ArrayList<>();
        double[] csi = new double[s.characteristics().size()];
        for (int k = 0; k < csi.length; k++) {
            names.add(s.characteristics().get(k).name());
            csi[k] = s.characteristics().get(k).csi().value();
        }
        return new BarChart("CSI per characteristic", "characteristic", names, Axis.from("CSI", 0),
                List.of(ValueSeries.of("CSI", csi)), Axis.auto(""), List.of(),
                List.of(Marker.horizontal(s.thresholds().warn(), "warn"),
                        Marker.horizontal(s.thresholds().alert(), "alert")));
    }

    /** @return one characteristic's bins: shares then and now, CSI contribution and, when known, WOE then and now */
    static Table characteristicBins(CharacteristicDrift c, List<Double> expected) {
        boolean woe = c.currentWoe().isPresent();
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.left("bin"),
                Table.Column.right("training share"), Table.Column.right("current share"),
                Table.Column.right("CSI contribution"), Table.Column.right("training WOE")));
        if (woe) {
            columns.add(Table.Column.right("current WOE"));
            columns.add(Table.Column.right("WOE shift"));
        }
        List<PsiResult.Bin> bins = c.csi().bins();
        List<Table.Row> rows = new ArrayList<>();
        for (int b = 0; b < c.binLabels().size(); b++) {
            double exp = b < bins.size() ? bins.get(b).expectedShare() : b < expected.size() ? expected.get(b) : Double.NaN;
            double act = b < bins.size() ? bins.get(b).actualShare() : Double.NaN;
            double contribution = b < bins.size() ? bins.get(b).contribution() : Double.NaN;
            double trained = c.trainingWoe().get(b);
            List<String> cells = new ArrayList<>(List.of(c.binLabels().get(b), Figures.percent(exp),
                    Figures.percent(act), Figures.metric(contribution), Figures.fixed(trained, 4)));
            if (woe) {
                double now = c.currentWoe().get().get(b);
                cells.add(Figures.fixed(now, 4));
                cells.add(signed(now - trained, 4));
            }
            rows.add(new Table.Row(cells, Status.NONE));
        }
        return new Table("Bins of " + c.name() + ": training vs now", columns, rows);
    }

    /** @return training against current WOE per bin, as grouped bars */
    static BarChart woeChart(CharacteristicDrift c) {
        double[] trained = new double[c.binLabels().size()];
        double[] now = new double[trained.length];
        for (int b = 0; b < trained.length; b++) {
            trained[b] = c.trainingWoe().get(b);
            now[b] = c.currentWoe().isPresent() ? c.currentWoe().get().get(b) : Double.NaN;
        }
        return BarChart.of(c.name() + ": WOE per bin, training vs now", "bin", c.binLabels(), Axis.auto("WOE"),
                List.of(ValueSeries.of("training WOE", trained), ValueSeries.of("current WOE", now)));
    }
}
