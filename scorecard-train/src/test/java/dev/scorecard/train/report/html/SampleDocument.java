package dev.scorecard.train.report.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A sample report that uses every block type with data shaped like an evaluation report (seeded,
 * so it is the same on every run), plus a section of degenerate and hostile inputs.
 */
final class SampleDocument {
    static final String HOSTILE = "<script>alert(\"x&y\")</script>'";

    private SampleDocument() {
    }

    static Document create() {
        Random random = new Random(20240611L);
        double[] goods = new double[700];
        double[] bads = new double[300];
        for (int i = 0; i < goods.length; i++) {
            goods[i] = 620 + 55 * random.nextGaussian();
        }
        for (int i = 0; i < bads.length; i++) {
            bads[i] = 560 + 55 * random.nextGaussian();
        }
        return new Document("Scorecard evaluation: german_credit", "Sample report \u2014 every block type",
                List.of(new KeyValue("dataset", "datasets/german_credit.csv (1000 rows)"),
                        new KeyValue("model", "model.json, formatVersion 1"),
                        new KeyValue("config sha-256", "3f2a9c\u2026e01b")),
                List.of(summary(), variables(), performance(goods, bads), stability(), edgeCases()));
    }

    private static Section summary() {
        Table gates = new Table("Go-live gates", List.of(Table.Column.left("gate"), Table.Column.right("threshold"),
                Table.Column.right("value"), Table.Column.left("result")),
                List.of(Table.Row.flagged(Status.OK, "minAuc", "0.700", "0.781", "pass"),
                        Table.Row.flagged(Status.FAIL, "minKs", "0.300", "0.284", "fail"),
                        Table.Row.flagged(Status.WARN, "maxPsi", "0.100", "0.094", "pass (near limit)"),
                        Table.Row.of("challenger AUC (gbm)", "", "0.792", "for information")));
        return new Section("summary", "Summary", "What was trained on what, and whether it may go live.",
                List.of(new Verdict(Verdict.Outcome.FAIL, "1 of 3 go-live gates failed",
                        List.of("minKs: KS 0.284 is below 0.300 (test split)")),
                        new Paragraph("The scorecard was fitted on 700 rows and evaluated on 300 held-out rows."),
                        KeyValueList.of(new KeyValue("rows (train / test)", "700 / 300"),
                                new KeyValue("event rate", "30.0 %"), new KeyValue("characteristics", "7 of 20")),
                        gates));
    }

    private static Section variables() {
        return new Section("characteristics", "Characteristics", "Bins, event rate and WOE per characteristic.",
                List.of(), List.of(
                        variable("var-duration", "duration", List.of("[-inf, 9)", "[9, 12)", "[12, 16)", "[16, 24)",
                                "[24, 36)", "[36, inf)", "missing"),
                                new double[] {0.094, 0.179, 0.114, 0.227, 0.186, 0.170, 0.030},
                                new double[] {0.106, 0.212, 0.254, 0.289, 0.382, 0.482, 0.300}),
                        variable("var-purpose", "purpose", List.of("car (new)", "car (used)", "furniture/equipment",
                                "radio/television", "domestic appliances, repairs, education, retraining",
                                "business", "else"),
                                new double[] {0.234, 0.103, 0.181, 0.280, 0.104, 0.097, 0.001},
                                new double[] {0.380, 0.165, 0.320, 0.221, 0.365, 0.351, Double.NaN})));
    }

    private static Section variable(String id, String name, List<String> bins, double[] share, double[] rate) {
        double base = 0.3;
        double[] woe = new double[rate.length];
        List<Table.Row> rows = new ArrayList<>();
        for (int i = 0; i < rate.length; i++) {
            woe[i] = Double.isNaN(rate[i]) ? Double.NaN
                    : Math.log((1 - rate[i]) / rate[i] / ((1 - base) / base));
            rows.add(Table.Row.of(bins.get(i), NumberText.fixed(share[i] * 1000, 0), NumberText.fixed(share[i], 3),
                    Double.isNaN(rate[i]) ? "" : NumberText.fixed(rate[i], 3),
                    Double.isNaN(woe[i]) ? "" : NumberText.fixed(woe[i], 4)));
        }
        Table table = new Table("Bins of " + name, List.of(Table.Column.left("bin"), Table.Column.right("count"),
                Table.Column.right("share"), Table.Column.right("event rate"), Table.Column.right("WOE")), rows);
        BarChart rateChart = new BarChart(name + ": share of rows and event rate", "bin", bins,
                Axis.from("share of rows", 0), List.of(ValueSeries.of("share of rows", share)),
                Axis.from("event rate", 0), List.of(ValueSeries.of("event rate", rate)), List.of());
        BarChart woeChart = BarChart.of(name + ": WOE per bin", "bin", bins, Axis.auto("WOE"),
                List.of(ValueSeries.of("WOE", woe)));
        return new Section(id, name, "", List.of(table, rateChart, woeChart));
    }

    private static Section performance(double[] goods, double[] bads) {
        double[] sortedGoods = goods.clone();
        double[] sortedBads = bads.clone();
        Arrays.sort(sortedGoods);
        Arrays.sort(sortedBads);
        // Bads score low: a cut-off c flags scores below c. ROC: TPR = F_bad(c), FPR = F_good(c).
        int steps = 200;
        double lo = Math.min(sortedGoods[0], sortedBads[0]);
        double hi = Math.max(sortedGoods[sortedGoods.length - 1], sortedBads[sortedBads.length - 1]);
        double[] cut = new double[steps + 1];
        double[] fGood = new double[steps + 1];
        double[] fBad = new double[steps + 1];
        double ks = 0;
        double ksAt = lo;
        for (int i = 0; i <= steps; i++) {
            cut[i] = lo + (hi - lo) * i / steps;
            fGood[i] = cdf(sortedGoods, cut[i]);
            fBad[i] = cdf(sortedBads, cut[i]);
            if (fBad[i] - fGood[i] > ks) {
                ks = fBad[i] - fGood[i];
                ksAt = cut[i];
            }
        }
        double[] fprTest = new double[steps + 1];
        double[] tprTest = new double[steps + 1];
        for (int i = 0; i <= steps; i++) { // a weaker "test" curve
            fprTest[i] = fGood[i];
            tprTest[i] = Math.pow(fBad[i], 1.15);
        }
        LineChart roc = new LineChart("ROC curve", Axis.fixed("false positive rate", 0, 1),
                Axis.fixed("true positive rate", 0, 1), List.of(LineChart.Series.of("train (AUC 0.781)", fGood, fBad),
                        LineChart.Series.of("test (AUC 0.752)", fprTest, tprTest)), true, List.of());
        LineChart ksChart = new LineChart("KS: cumulative share by score", Axis.auto("score"),
                Axis.fixed("cumulative share", 0, 1), List.of(LineChart.Series.of("bads (events)", cut, fBad),
                        LineChart.Series.of("goods (non-events)", cut, fGood)), false,
                List.of(Marker.vertical(ksAt, "KS " + NumberText.fixed(ks, 3) + " at " + NumberText.fixed(ksAt, 0))));
        double[] decile = new double[11];
        double[] gains = new double[11];
        for (int i = 0; i <= 10; i++) {
            decile[i] = i / 10.0;
            gains[i] = Math.min(1, Math.pow(decile[i], 0.45));
        }
        LineChart gainsChart = new LineChart("Cumulative gains", Axis.fixed("share of rows, riskiest first", 0, 1),
                Axis.fixed("share of events captured", 0, 1), List.of(LineChart.Series.of("scorecard", decile, gains)),
                true, List.of());
        List<String> deciles = new ArrayList<>();
        double[] lift = new double[10];
        for (int i = 0; i < 10; i++) {
            deciles.add(Integer.toString(i + 1));
            lift[i] = (gains[i + 1] - gains[i]) / 0.1;
        }
        BarChart liftChart = new BarChart("Lift by decile", "decile (1 = riskiest)", deciles, Axis.from("lift", 0),
                List.of(ValueSeries.of("lift", lift)), Axis.auto(""), List.of(),
                List.of(Marker.horizontal(1, "no lift")));
        Histogram dist = Histogram.shares("Score distribution by class", "score", 20, "goods (non-events)", goods,
                "bads (events)", bads);
        double[] predicted = {0.05, 0.09, 0.14, 0.19, 0.24, 0.30, 0.37, 0.45, 0.55, 0.68};
        double[] observed = {0.04, 0.11, 0.12, 0.22, 0.21, 0.33, 0.35, 0.49, 0.52, 0.71};
        LineChart calibration = new LineChart("Calibration by decile", Axis.fixed("predicted event rate", 0, 0.8),
                Axis.fixed("observed event rate", 0, 0.8), List.of(LineChart.Series.of("test", predicted, observed)),
                true, List.of());
        Table grades = new Table("Grade table (test)", List.of(Table.Column.left("grade"), Table.Column.right("score"),
                Table.Column.right("count"), Table.Column.right("events"), Table.Column.right("event rate")),
                List.of(Table.Row.of("A", "\u2265 680", "52", "3", "0.058"), Table.Row.of("B", "640\u2013679", "71", "12",
                        "0.169"), Table.Row.of("C", "600\u2013639", "80", "25", "0.313"),
                        Table.Row.flagged(Status.WARN, "D", "< 600", "97", "50", "0.515")));
        return new Section("performance", "Performance", "Discrimination and calibration on the test split.",
                List.of(roc, ksChart, gainsChart, liftChart, dist, calibration, grades));
    }

    private static double cdf(double[] sorted, double c) {
        int idx = Arrays.binarySearch(sorted, c);
        int below = idx >= 0 ? idx + 1 : -idx - 1;
        return (double) below / sorted.length;
    }

    private static Section stability() {
        List<String> vars = List.of("duration", "purpose", "credit_amount", "age", "checking_status", "savings",
                "housing");
        BarChart csi = new BarChart("CSI per characteristic (train \u2192 test)", "", vars, Axis.from("CSI", 0),
                List.of(ValueSeries.of("CSI", 0.012, 0.031, 0.118, 0.007, 0.264, 0.044, 0.021)), Axis.auto(""),
                List.of(), List.of(Marker.horizontal(0.10, "warn 0.10"), Marker.horizontal(0.25, "alert 0.25")));
        List<String> months = List.of("2025-07", "2025-08", "2025-09", "2025-10", "2025-11");
        BarChart mix = new BarChart("Score mix by month", "month", months, Axis.from("share of rows", 0),
                List.of(ValueSeries.of("grade A", 0.20, 0.19, 0.17, 0.18, 0.15),
                        ValueSeries.of("grade B", 0.30, 0.31, 0.29, 0.27, 0.28),
                        ValueSeries.of("grade C", 0.28, 0.27, 0.30, 0.31, 0.30),
                        ValueSeries.of("grade D", 0.22, 0.23, 0.24, 0.24, 0.27)),
                Axis.from("PSI", 0), List.of(ValueSeries.of("score PSI", 0.01, 0.03, 0.06, 0.08, 0.12)), List.of());
        Table table = new Table("", List.of(Table.Column.left("characteristic"), Table.Column.right("CSI"),
                Table.Column.left("status")),
                List.of(Table.Row.flagged(Status.OK, "duration", "0.012", "ok"),
                        Table.Row.flagged(Status.WARN, "credit_amount", "0.118", "warn"),
                        Table.Row.flagged(Status.FAIL, "checking_status", "0.264", "alert")));
        return new Section("stability", "Stability", "", List.of(new Verdict(Verdict.Outcome.WARN,
                "Score PSI 0.094: stable, one characteristic drifting", List.of("credit_amount CSI 0.118 \u2265 0.10",
                        "checking_status CSI 0.264 \u2265 0.25")), csi, mix, table,
                new Verdict(Verdict.Outcome.PASS, "Score PSI below 0.10", List.of())));
    }

    private static Section edgeCases() {
        List<Point> nanSeries = List.of(new Point(0, 1), new Point(1, Double.NaN), new Point(2, 3), new Point(3, 2),
                new Point(Double.POSITIVE_INFINITY, 4), new Point(5, 1));
        return new Section("edge-cases", "Degenerate and hostile input " + HOSTILE, HOSTILE, List.of(
                new Paragraph("Text with " + HOSTILE + " & \"quotes\" is shown, never run."),
                KeyValueList.of(new KeyValue(HOSTILE, HOSTILE)),
                new Table(HOSTILE, List.of(Table.Column.left(HOSTILE), Table.Column.right("n")),
                        List.of(Table.Row.of(HOSTILE, "1"))),
                new LineChart("Gaps at NaN and infinity, one isolated point " + HOSTILE, Axis.auto("x " + HOSTILE),
                        Axis.auto("y"), List.of(new LineChart.Series(HOSTILE, nanSeries),
                                new LineChart.Series("single point", List.of(new Point(2.5, 2))),
                                new LineChart.Series("empty", List.of())),
                        false, List.of(Marker.vertical(4, HOSTILE), Marker.horizontal(2.5, "h-marker"))),
                LineChart.of("No data at all", Axis.auto(""), Axis.auto(""), List.of()),
                LineChart.of("All values equal", Axis.auto("x"), Axis.auto("y"),
                        List.of(LineChart.Series.of("flat", new double[] {3, 3, 3}, new double[] {7, 7, 7}))),
                BarChart.of("Bars: all NaN, no categories", "", List.of(), Axis.auto(""), List.of()),
                BarChart.of("Bars: one category, all equal " + HOSTILE, HOSTILE, List.of(HOSTILE), Axis.auto("v"),
                        List.of(ValueSeries.of(HOSTILE, 0.0))),
                Histogram.shares("Histogram of nothing", "score", 10, "a", new double[0], "b",
                        new double[] {Double.NaN}),
                Histogram.shares("Histogram of one value", "score", 10, "a", new double[] {5, 5}, "b",
                        new double[] {5})));
    }
}
