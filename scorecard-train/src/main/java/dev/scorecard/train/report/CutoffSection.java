package dev.scorecard.train.report;

import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.eval.CutoffOptions;
import dev.scorecard.train.eval.CutoffTable;
import dev.scorecard.train.eval.Cutoffs;
import dev.scorecard.train.report.html.Axis;
import dev.scorecard.train.report.html.Block;
import dev.scorecard.train.report.html.LineChart;
import dev.scorecard.train.report.html.Marker;
import dev.scorecard.train.report.html.Point;
import dev.scorecard.train.report.html.Section;
import dev.scorecard.train.report.html.Status;
import dev.scorecard.train.report.html.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Cut-off table" subsection of an evaluation's performance: the table, with the band where KS
 * is largest flagged, and the KS chart of events and non-events captured against the cut-off score.
 */
final class CutoffSection {
    private final ScorecardModel model;

    CutoffSection(ScorecardModel model) {
        this.model = model;
    }

    /** @return the subsection for the cut-off table of the evaluation called {@code name} */
    Section of(String id, String name, CutoffTable t) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(table(t));
        if (t.bands().size() > 1 && Double.isFinite(t.bands().get(0).minScore())
                && Double.isFinite(t.bands().get(t.bands().size() - 1).minScore())) {
            blocks.add(chart(t));
        }
        return new Section(id, "Cut-off table (" + name + ")", intro(t), blocks);
    }

    private String intro(CutoffTable t) {
        CutoffOptions o = t.options();
        String bands = o.byWidth() ? "bands " + Figures.points(o.width().getAsDouble()) + " points wide (empty bands left out)"
                : o.bands().getAsInt() + " bands of about equal rows (rows with the same score share a band)";
        String meaning = model.scaling().higherScoreMeans() == ScoreDirection.EVENT
                ? "A higher score means more likely " + model.event() + ": the rows at or above a cut-off are the ones to act "
                        + "on (the call list), and events captured is the share of all " + model.event() + " they hold."
                : "A higher score means less likely " + model.event() + ": the rows at or above a cut-off are approved, and "
                        + "events captured is the share of all " + model.event() + " let through.";
        CutoffTable.Band ks = t.ksBand();
        return "The score in " + bands + ", highest first. Cut at a band's lowest score: cum. share is the share of rows "
                + "at or above it (the approval rate in credit, the call rate for leads), cum. event rate their event rate. "
                + meaning + " KS is the gap between the shares of events and non-events captured; it is largest, "
                + Figures.metric(ks.ks()) + ", at a cut-off of " + Figures.points(ks.minScore()) + ".";
    }

    private Table table(CutoffTable t) {
        CutoffTable.Band best = t.ksBand();
        List<Table.Row> rows = new ArrayList<>();
        for (CutoffTable.Band b : t.bands()) {
            String[] cells = {Integer.toString(b.band()), label(t.options(), b), Figures.count(b.rows()),
                Figures.count(b.events()), Figures.percent(b.eventRate()), Figures.percent(b.share()),
                Figures.percent(b.cumShare()), Figures.percent(b.cumEventRate()), Figures.percent(b.eventsCaptured()),
                Figures.percent(b.nonEventsCaptured()), Figures.metric(b.ks())};
            rows.add(b == best ? Table.Row.flagged(Status.OK, cells) : Table.Row.of(cells));
        }
        return new Table("Cut-off table (the largest KS flagged)", List.of(Table.Column.right("band"),
                Table.Column.left("score"), Table.Column.right("rows"), Table.Column.right("events"),
                Table.Column.right("event rate"), Table.Column.right("share"), Table.Column.right("cum. share"),
                Table.Column.right("cum. event rate"), Table.Column.right("events captured"),
                Table.Column.right("non-events captured"), Table.Column.right("KS")), rows);
    }

    /** @return a width band as {@code [500, 520)}, an equal-frequency band as the scores it holds, {@code 503 – 518} */
    private static String label(CutoffOptions o, CutoffTable.Band b) {
        if (o.byWidth() && Double.isFinite(b.minScore())) {
            double[] edges = Cutoffs.widthBand(b.minScore(), o.width().getAsDouble());
            return "[" + Figures.points(edges[0]) + ", " + Figures.points(edges[1]) + ")";
        }
        return b.minScore() == b.maxScore() ? Figures.points(b.minScore())
                : Figures.points(b.minScore()) + " \u2013 " + Figures.points(b.maxScore());
    }

    /** Events and non-events captured at each band's lowest score, from the lowest cut-off up. */
    private LineChart chart(CutoffTable t) {
        List<Point> events = new ArrayList<>();
        List<Point> nonEvents = new ArrayList<>();
        for (int i = t.bands().size() - 1; i >= 0; i--) {
            CutoffTable.Band b = t.bands().get(i);
            events.add(new Point(b.minScore(), b.eventsCaptured()));
            nonEvents.add(new Point(b.minScore(), b.nonEventsCaptured()));
        }
        CutoffTable.Band ks = t.ksBand();
        return new LineChart("KS by cut-off score: events and non-events captured (KS " + Figures.metric(ks.ks()) + ")",
                Axis.auto("cut-off score (a band's lowest score)"), Axis.fixed("share of class at or above the cut-off", 0, 1),
                List.of(new LineChart.Series("events (" + model.event() + ")", events),
                        new LineChart.Series("non-events", nonEvents)), false,
                List.of(Marker.vertical(ks.minScore(), "KS " + Figures.metric(ks.ks()))));
    }
}
