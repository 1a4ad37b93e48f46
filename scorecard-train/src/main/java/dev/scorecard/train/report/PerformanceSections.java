package dev.scorecard.train.report;

import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.eval.CalibrationResult;
import dev.scorecard.train.eval.CumulativeCurve;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.GainsTable;
import dev.scorecard.train.eval.GradePerformance;
import dev.scorecard.train.eval.HosmerLemeshow;
import dev.scorecard.train.eval.ScoreHistogram;
import dev.scorecard.train.report.html.Axis;
import dev.scorecard.train.report.html.BarChart;
import dev.scorecard.train.report.html.Block;
import dev.scorecard.train.report.html.Histogram;
import dev.scorecard.train.report.html.KeyValue;
import dev.scorecard.train.report.html.KeyValueList;
import dev.scorecard.train.report.html.LineChart;
import dev.scorecard.train.report.html.Marker;
import dev.scorecard.train.report.html.Paragraph;
import dev.scorecard.train.report.html.Point;
import dev.scorecard.train.report.html.Section;
import dev.scorecard.train.report.html.Table;
import dev.scorecard.train.report.html.ValueSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The performance part of the evaluation report for one evaluation: discrimination (ROC and KS
 * charts), gains and lift, the cut-off table, the score distribution by class, the grade table and
 * calibration.
 */
final class PerformanceSections {
    private final ScorecardModel model;
    private final ScoreDirection direction;
    private final SectionIds ids;

    PerformanceSections(ScorecardModel model, SectionIds ids) {
        this.model = model;
        this.direction = model.scaling().higherScoreMeans();
        this.ids = ids;
    }

    /** @return the section of one evaluation, with a subsection per topic */
    Section of(Evaluation e, boolean gated) {
        String id = ids.of("perf", e.name());
        String intro = Figures.count(e.rows()) + " rows, " + Figures.count(e.events()) + " events ("
                + Figures.percent(e.eventRate()) + "): AUC " + Figures.metric(e.auc()) + ", KS " + Figures.metric(e.ks().ks())
                + " at score " + Figures.points(e.ksScore()) + ", Gini " + Figures.metric(e.gini()) + "."
                + (gated ? " The go-live gates are checked on these rows." : "");
        return new Section(id, "Performance on " + e.name(), intro, List.of(), List.of(
                new Section(id + "-discrimination", "Discrimination (" + e.name() + ")", discriminationIntro(e),
                        List.of(roc(e), ks(e), precisionRecall(e))),
                new Section(id + "-gains", "Gains and lift (" + e.name() + ")", gainsIntro(),
                        List.of(gainsTable(e.gains()), gainsChart(e.gains()), liftChart(e.gains()))),
                new CutoffSection(model).of(id + "-cutoffs", e.name(), e.cutoffs()),
                new Section(id + "-distribution", "Score distribution (" + e.name() + ")",
                        "The share of each class per score band: the less the two overlap, the better the score "
                                + "separates them.",
                        List.of(histogram(e.histogram()))),
                new Section(id + "-grades", "Grades (" + e.name() + ")", gradesIntro(),
                        List.of(gradeTable(e.grades()), gradeChart(e.grades()))),
                new Section(id + "-calibration", "Calibration (" + e.name() + ")",
                        "Mean predicted event probability against the observed event rate, by decile of the "
                                + "prediction; points on the diagonal are well calibrated.",
                        calibration(e.calibration()))));
    }

    private String discriminationIntro(Evaluation e) {
        return "ROC: the share of events against the share of non-events flagged as the cut-off moves down; "
                + "the diagonal is a random score. KS: the largest gap between the two shares, "
                + Figures.metric(e.ks().ks()) + ", reached between rows scoring at most " + Figures.points(e.ksScore())
                + " and rows scoring above it (event probability " + Figures.fixed(e.ks().score(), 4) + "). "
                + "Precision\u2013recall: the event rate among the rows flagged against the share of events they hold; "
                + "it shows what a cut-off costs when events are rare, where ROC looks flattering. Average precision "
                + Figures.metric(e.averagePrecision()) + ", against " + Figures.metric(e.eventRate()) + " for a random score.";
    }

    private String gainsIntro() {
        return "Rows ranked from the most likely " + eventWord() + " to the least ("
                + (direction == ScoreDirection.EVENT ? "highest" : "lowest") + " scores first) and cut into deciles. "
                + "Gain: the share of all events captured down to the decile; lift: the decile's event rate over "
                + "the overall rate.";
    }

    private String gradesIntro() {
        return "Grades from the best score down. Cumulative precision: the event rate among rows graded this "
                + "or better; cumulative recall: the share of all events graded this or better.";
    }

    private String eventWord() {
        return "event (" + model.event() + ")";
    }

    private static LineChart roc(Evaluation e) {
        CumulativeCurve c = e.curve();
        List<Point> points = new ArrayList<>(c.size() + 1);
        points.add(new Point(0, 0));
        for (int i = 0; i < c.size(); i++) {
            points.add(new Point(c.falsePositiveRate(i), c.truePositiveRate(i)));
        }
        return new LineChart("ROC curve (AUC " + Figures.metric(e.auc()) + ")",
                Axis.fixed("false positive rate (share of non-events flagged)", 0, 1),
                Axis.fixed("true positive rate (share of events flagged)", 0, 1),
                List.of(new LineChart.Series("scorecard", points)), true, List.of());
    }

    private static LineChart precisionRecall(Evaluation e) {
        CumulativeCurve c = e.curve();
        List<Point> points = new ArrayList<>(c.size() + 1);
        // Flagging only the top score: recall from 0 at that point's precision, as scikit-learn draws it.
        points.add(new Point(0, c.precision(0)));
        for (int i = 0; i < c.size(); i++) {
            points.add(new Point(c.truePositiveRate(i), c.precision(i)));
        }
        return new LineChart("Precision\u2013recall curve (average precision " + Figures.metric(e.averagePrecision()) + ")",
                Axis.fixed("recall (share of events flagged)", 0, 1),
                Axis.fixed("precision (event rate among rows flagged)", 0, 1),
                List.of(new LineChart.Series("scorecard", points)), false,
                List.of(Marker.horizontal(e.eventRate(), "random " + Figures.percent(e.eventRate()))));
    }

    private static LineChart ks(Evaluation e) {
        CumulativeCurve c = e.curve();
        List<Point> events = new ArrayList<>(c.size() + 2);
        List<Point> nonEvents = new ArrayList<>(c.size() + 2);
        if (c.score(0) < 1) {
            events.add(new Point(1, 0));
            nonEvents.add(new Point(1, 0));
        }
        for (int i = 0; i < c.size(); i++) {
            events.add(new Point(c.score(i), c.truePositiveRate(i)));
            nonEvents.add(new Point(c.score(i), c.falsePositiveRate(i)));
        }
        if (c.score(c.size() - 1) > 0) {
            events.add(new Point(0, 1));
            nonEvents.add(new Point(0, 1));
        }
        double at = c.score(c.ksIndex());
        return new LineChart("KS: events and non-events at or above each cut-off (KS " + Figures.metric(e.ks().ks()) + ")",
                Axis.fixed("cut-off (event probability)", 0, 1), Axis.fixed("share of class at or above the cut-off", 0, 1),
                List.of(new LineChart.Series("events", events), new LineChart.Series("non-events", nonEvents)), false,
                List.of(Marker.vertical(at, "KS " + Figures.metric(c.ks()))));
    }

    private Table gainsTable(GainsTable g) {
        List<Table.Row> rows = new ArrayList<>();
        for (GainsTable.Group r : g.groups()) {
            rows.add(Table.Row.of(Integer.toString(r.group()), ScoreRanges.gainsLabel(r, direction), Figures.count(r.rows()),
                    Figures.count(r.events()), Figures.percent(r.eventRate()),
                    Figures.percent((double) r.cumRows() / g.rows()), Figures.count(r.cumEvents()),
                    Figures.percent(r.gain()), Figures.fixed(r.lift(), 2), Figures.fixed(r.cumLift(), 2)));
        }
        rows.add(Table.Row.of("all", "", Figures.count(g.rows()), Figures.count(g.events()), Figures.percent(g.eventRate()),
                "100.0%", Figures.count(g.events()), "100.0%", "1.00", "1.00"));
        return new Table("Gains and lift by decile", List.of(Table.Column.right("decile"), Table.Column.left("score"),
                Table.Column.right("rows"), Table.Column.right("events"), Table.Column.right("event rate"),
                Table.Column.right("cum. rows"), Table.Column.right("cum. events"), Table.Column.right("gain"),
                Table.Column.right("lift"), Table.Column.right("cum. lift")), rows);
    }

    private static LineChart gainsChart(GainsTable g) {
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0));
        for (GainsTable.Group r : g.groups()) {
            points.add(new Point((double) r.cumRows() / g.rows(), r.gain()));
        }
        return new LineChart("Cumulative gains", Axis.fixed("share of rows, most likely events first", 0, 1),
                Axis.fixed("share of events captured", 0, 1), List.of(new LineChart.Series("scorecard", points)), true,
                List.of());
    }

    private static BarChart liftChart(GainsTable g) {
        List<String> deciles = new ArrayList<>();
        double[] lift = new double[g.groups().size()];
        double[] cumLift = new double[lift.length];
        for (int i = 0; i < lift.length; i++) {
            GainsTable.Group r = g.groups().get(i);
            deciles.add(Integer.toString(r.group()));
            lift[i] = r.lift();
            cumLift[i] = r.cumLift();
        }
        return new BarChart("Lift by decile", "decile (1 = most likely events)", deciles, Axis.from("lift", 0),
                List.of(ValueSeries.of("lift", lift), ValueSeries.of("cumulative lift", cumLift)), Axis.auto(""),
                List.of(), List.of(Marker.horizontal(1, "random")));
    }

    private Block histogram(ScoreHistogram h) {
        List<Double> edges = new ArrayList<>(h.edges());
        if (!(edges.get(edges.size() - 1) > edges.get(0))) { // every score equal: one band around it
            double v = edges.get(0);
            edges = List.of(v - 0.5, v + 0.5);
        }
        int bins = h.events().size();
        long events = 0;
        long nonEvents = 0;
        for (int i = 0; i < bins; i++) {
            events += h.events().get(i);
            nonEvents += h.nonEvents().get(i);
        }
        double[] ev = new double[bins];
        double[] ne = new double[bins];
        for (int i = 0; i < bins; i++) {
            ev[i] = events == 0 ? 0 : (double) h.events().get(i) / events;
            ne[i] = nonEvents == 0 ? 0 : (double) h.nonEvents().get(i) / nonEvents;
        }
        try {
            return new Histogram("Score distribution by class", "score", "share of class", edges,
                    List.of(ValueSeries.of("non-events", ne), ValueSeries.of("events (" + model.event() + ")", ev)));
        } catch (IllegalArgumentException degenerate) { // edges too close to tell apart
            return new Paragraph("The scores are too close together to draw their distribution.");
        }
    }

    private Table gradeTable(GradePerformance g) {
        List<Table.Row> rows = new ArrayList<>();
        for (GradePerformance.Row r : g.rows()) {
            rows.add(Table.Row.of(r.grade(), ScoreRanges.gradeLabel(model.grades(), r.grade()), Figures.count(r.count()),
                    Figures.percent((double) r.count() / g.totalRows()), Figures.count(r.events()),
                    r.count() == 0 ? Figures.NONE : Figures.percent(r.eventRate()), Figures.percent(r.cumPrecision()),
                    Figures.percent(r.cumRecall())));
        }
        rows.add(Table.Row.of("all", "", Figures.count(g.totalRows()), "100.0%", Figures.count(g.totalEvents()),
                Figures.percent((double) g.totalEvents() / g.totalRows()), "", ""));
        return new Table("Grade table", List.of(Table.Column.left("grade"), Table.Column.left("score"),
                Table.Column.right("rows"), Table.Column.right("share"), Table.Column.right("events"),
                Table.Column.right("event rate"), Table.Column.right("cum. precision"),
                Table.Column.right("cum. recall")), rows);
    }

    private static BarChart gradeChart(GradePerformance g) {
        List<String> grades = new ArrayList<>();
        double[] share = new double[g.rows().size()];
        double[] rate = new double[share.length];
        for (int i = 0; i < share.length; i++) {
            GradePerformance.Row r = g.rows().get(i);
            grades.add(r.grade());
            share[i] = (double) r.count() / g.totalRows();
            rate[i] = r.count() == 0 ? Double.NaN : r.eventRate();
        }
        return new BarChart("Share of rows and event rate by grade", "grade", grades, Axis.from("share of rows", 0),
                List.of(ValueSeries.of("share of rows", share)), Axis.from("event rate", 0),
                List.of(ValueSeries.of("event rate", rate)), List.of());
    }

    private static List<Block> calibration(CalibrationResult c) {
        List<KeyValue> stats = new ArrayList<>();
        stats.add(new KeyValue("Brier score", Figures.metric(c.brier())));
        if (c.hosmerLemeshow().isPresent()) {
            HosmerLemeshow hl = c.hosmerLemeshow().get();
            stats.add(new KeyValue("Hosmer\u2013Lemeshow", "\u03c7\u00b2 " + Figures.fixed(hl.statistic(), 2) + ", df "
                    + hl.degreesOfFreedom() + ", p " + Figures.pValue(hl.pValue())
                    + (hl.pValue() < 0.05 ? " (predicted and observed rates differ more than chance explains)"
                            : " (no evidence of miscalibration at 5%)")));
        } else {
            stats.add(new KeyValue("Hosmer\u2013Lemeshow", "not computed: fewer than 3 groups of distinct predictions"));
        }
        List<Table.Row> rows = new ArrayList<>();
        double top = 0;
        List<Point> points = new ArrayList<>();
        for (CalibrationResult.Group g : c.groups()) {
            rows.add(Table.Row.of(Integer.toString(g.group()), Figures.fixed(g.minPredicted(), 4) + " \u2013 "
                    + Figures.fixed(g.maxPredicted(), 4), Figures.count(g.count()), Figures.count(g.events()),
                    Figures.percent(g.meanPredicted()), Figures.percent(g.observedRate()),
                    StabilityBlocks.signed(100 * (g.observedRate() - g.meanPredicted()), 1)));
            top = Math.max(top, Math.max(g.meanPredicted(), g.observedRate()));
            points.add(new Point(g.meanPredicted(), g.observedRate()));
        }
        Table table = new Table("Calibration by decile of the predicted probability",
                List.of(Table.Column.right("decile"), Table.Column.left("predicted range"), Table.Column.right("rows"),
                        Table.Column.right("events"), Table.Column.right("mean predicted"),
                        Table.Column.right("observed rate"), Table.Column.right("difference (pp)")), rows);
        double axisTop = Math.min(1, Math.max(0.1, Math.ceil(top * 10 - 1e-9) / 10));
        LineChart chart = new LineChart("Calibration: observed against predicted event rate",
                Axis.fixed("mean predicted probability", 0, axisTop), Axis.fixed("observed event rate", 0, axisTop),
                List.of(new LineChart.Series("deciles", points)), true, List.of());
        return List.of(KeyValueList.of(stats.toArray(new KeyValue[0])), table, chart);
    }
}
