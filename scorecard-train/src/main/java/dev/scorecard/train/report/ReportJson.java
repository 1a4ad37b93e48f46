package dev.scorecard.train.report;

import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.challenger.ChallengerFit;
import dev.scorecard.train.trainer.CvResult;
import dev.scorecard.train.trainer.CvTrial;
import dev.scorecard.train.eval.CalibrationResult;
import dev.scorecard.train.eval.CumulativeCurve;
import dev.scorecard.train.eval.CutoffTable;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.GainsTable;
import dev.scorecard.train.eval.GateResult;
import dev.scorecard.train.eval.GradePerformance;
import dev.scorecard.train.eval.HosmerLemeshow;
import dev.scorecard.train.eval.ScoreHistogram;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes {@code report.json}, the machine-readable twin of the evaluation report: the command, the
 * model, the data, each evaluation's metrics and tables (ROC/KS curve, gains, the cut-off table, grades, calibration,
 * score histogram, score PSI bins, CSI per characteristic), the challenger, and the go-live gates with
 * an overall {@code gatesPassed}.
 *
 * <p>Written with Jackson's streaming generator in a fixed member order, doubles as their shortest
 * round-trip decimal ({@code DoubleFormat}), so the same input gives the same bytes on every JDK.
 * Values that are not finite numbers (an empty bin's event rate, an open bin bound) are
 * {@code null}. Gains score bounds are real scores, lowest first. Stateless and thread-safe.
 */
public final class ReportJson {
    /** The {@code format} member. */
    public static final String FORMAT = "scorecard-report";
    /** The {@code formatVersion} member. */
    public static final int FORMAT_VERSION = 1;

    private ReportJson() {
    }

    /**
     * @param input what to report
     * @param out where the UTF-8 bytes go; flushed, not closed
     * @throws IOException when the stream fails
     */
    public static void write(ReportInput input, OutputStream out) throws IOException {
        Objects.requireNonNull(input, "input");
        ScorecardModel model = input.model();
        try (JsonOut j = new JsonOut(out)) {
            j.startObject();
            j.string("format", FORMAT);
            j.number("formatVersion", FORMAT_VERSION);
            j.string("command", input.command());
            j.startObject("model");
            j.string("name", model.name());
            j.string("createdWith", model.createdWith());
            j.string("target", model.target());
            j.string("event", model.event());
            j.string("higherScoreMeans", model.scaling().higherScoreMeans().configName());
            j.number("characteristics", model.characteristics().size());
            j.endObject();
            j.startObject("data");
            j.string("file", input.dataFile());
            j.string("testFile", input.testFile());
            j.number("rowsRead", input.rowsRead());
            j.number("rowsRejected", input.rowsRejected());
            j.endObject();
            j.startArray("evaluations");
            for (Evaluation e : input.evaluations()) {
                evaluation(j, e, model);
            }
            j.endArray();
            if (input.challenger().isPresent()) {
                challenger(j, input.challenger().get(), input.gated().name());
            } else {
                j.nullField("challenger");
            }
            if (input.cv().isPresent()) { // absent without CV, so that other reports keep their bytes
                cv(j, input.cv().get());
            }
            j.string("gatedEvaluation", input.gated().name());
            j.startArray("gates");
            for (GateResult g : input.gates()) {
                j.startObject();
                j.string("gate", g.gate());
                j.number("threshold", g.threshold());
                j.number("actual", g.actual());
                j.bool("passed", g.passed());
                j.endObject();
            }
            j.endArray();
            j.bool("gatesPassed", input.gatesPassed());
            j.endObject();
        }
    }

    private static void evaluation(JsonOut j, Evaluation e, ScorecardModel model) throws IOException {
        j.startObject();
        j.string("name", e.name());
        j.number("rows", e.rows());
        j.number("events", e.events());
        j.number("eventRate", e.eventRate());
        j.number("auc", e.auc());
        j.number("ks", e.ks().ks());
        j.number("ksProbability", e.ks().score());
        j.number("ksScore", e.ksScore());
        j.number("gini", e.gini());
        j.number("averagePrecision", e.averagePrecision());
        curve(j, e.curve());
        gains(j, e.gains(), model.scaling().higherScoreMeans());
        cutoffs(j, e.cutoffs());
        grades(j, e.grades());
        calibration(j, e.calibration());
        histogram(j, e.histogram());
        StabilityJson.write(j, "stability", e.stability(), model.baseline());
        j.endObject();
    }

    /** The ROC/KS curve (thinned) as parallel arrays: cut-off probability, true and false positive rate. */
    private static void curve(JsonOut j, CumulativeCurve c) throws IOException {
        j.startObject("curve");
        j.number("ksIndex", c.ksIndex());
        j.startArray("probability");
        for (int i = 0; i < c.size(); i++) {
            j.number(c.score(i));
        }
        j.endArray();
        j.startArray("truePositiveRate");
        for (int i = 0; i < c.size(); i++) {
            j.number(c.truePositiveRate(i));
        }
        j.endArray();
        j.startArray("falsePositiveRate");
        for (int i = 0; i < c.size(); i++) {
            j.number(c.falsePositiveRate(i));
        }
        j.endArray();
        j.endObject();
    }

    private static void gains(JsonOut j, GainsTable g, ScoreDirection direction) throws IOException {
        j.startArray("gains");
        for (GainsTable.Group r : g.groups()) {
            double[] range = ScoreRanges.gains(r, direction);
            j.startObject();
            j.number("group", r.group());
            j.number("rows", r.rows());
            j.number("events", r.events());
            j.number("eventRate", r.eventRate());
            j.number("cumRows", r.cumRows());
            j.number("cumEvents", r.cumEvents());
            j.number("gain", r.gain());
            j.number("lift", r.lift());
            j.number("cumLift", r.cumLift());
            j.number("minScore", range[0]);
            j.number("maxScore", range[1]);
            j.endObject();
        }
        j.endArray();
    }

    /** The cut-off table as {@code cutoffs.csv} has it, with how its bands were cut ({@code bands} or {@code width}). */
    private static void cutoffs(JsonOut j, CutoffTable t) throws IOException {
        j.startObject("cutoffs");
        if (t.options().byWidth()) {
            j.nullField("bands");
            j.number("width", t.options().width().getAsDouble());
        } else {
            j.number("bands", t.options().bands().getAsInt());
            j.nullField("width");
        }
        j.startArray("rows");
        for (CutoffTable.Band b : t.bands()) {
            j.startObject();
            j.number("band", b.band());
            j.number("minScore", b.minScore());
            j.number("maxScore", b.maxScore());
            j.number("rows", b.rows());
            j.number("events", b.events());
            j.number("nonEvents", b.nonEvents());
            j.number("eventRate", b.eventRate());
            j.number("share", b.share());
            j.number("cumRows", b.cumRows());
            j.number("cumShare", b.cumShare());
            j.number("cumEvents", b.cumEvents());
            j.number("cumEventRate", b.cumEventRate());
            j.number("eventsCaptured", b.eventsCaptured());
            j.number("nonEventsCaptured", b.nonEventsCaptured());
            j.number("ks", b.ks());
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static void grades(JsonOut j, GradePerformance g) throws IOException {
        j.startArray("grades");
        for (GradePerformance.Row r : g.rows()) {
            j.startObject();
            j.string("grade", r.grade());
            j.number("count", r.count());
            j.number("events", r.events());
            j.number("eventRate", r.eventRate());
            j.number("cumCount", r.cumCount());
            j.number("cumEvents", r.cumEvents());
            j.number("cumPrecision", r.cumPrecision());
            j.number("cumRecall", r.cumRecall());
            j.endObject();
        }
        j.endArray();
    }

    private static void calibration(JsonOut j, CalibrationResult c) throws IOException {
        j.startObject("calibration");
        j.number("brier", c.brier());
        if (c.hosmerLemeshow().isPresent()) {
            HosmerLemeshow hl = c.hosmerLemeshow().get();
            j.startObject("hosmerLemeshow");
            j.number("statistic", hl.statistic());
            j.number("degreesOfFreedom", hl.degreesOfFreedom());
            j.number("pValue", hl.pValue());
            j.endObject();
        } else {
            j.nullField("hosmerLemeshow");
        }
        j.startArray("groups");
        for (CalibrationResult.Group g : c.groups()) {
            j.startObject();
            j.number("group", g.group());
            j.number("count", g.count());
            j.number("events", g.events());
            j.number("meanPredicted", g.meanPredicted());
            j.number("observedRate", g.observedRate());
            j.number("minPredicted", g.minPredicted());
            j.number("maxPredicted", g.maxPredicted());
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static void histogram(JsonOut j, ScoreHistogram h) throws IOException {
        j.startObject("histogram");
        j.numbers("edges", h.edges());
        j.numbers("events", h.events());
        j.numbers("nonEvents", h.nonEvents());
        j.endObject();
    }

    private static void challenger(JsonOut j, ChallengerFit c, String evaluation) throws IOException {
        j.startObject("challenger");
        j.string("kind", c.kind().configName());
        j.string("evaluation", evaluation);
        j.number("features", c.features().size());
        j.number("trainAuc", c.trainAuc());
        j.number("testAuc", c.testAuc());
        j.number("testKs", c.testKs().ks());
        j.number("testGini", c.testGini());
        j.endObject();
    }

    private static void cv(JsonOut j, CvResult cv) throws IOException {
        j.startObject("crossValidation");
        j.number("folds", cv.folds());
        j.number("minBinShare", cv.minBinShare());
        j.number("l2", cv.l2());
        j.number("maxCorrelation", cv.maxCorrelation());
        j.startArray("trials");
        for (CvTrial t : cv.trials()) {
            j.startObject();
            j.string("varied", t.knob());
            j.number("minBinShare", t.minBinShare());
            j.number("l2", t.l2());
            j.number("maxCorrelation", t.maxCorrelation());
            if (t.failure().isPresent()) {
                j.nullField("meanAuc");
                j.nullField("sdAuc");
            } else {
                j.number("meanAuc", t.meanAuc());
                j.number("sdAuc", t.sdAuc());
            }
            j.bool("chosen", t.chosen());
            j.string("failure", t.failure());
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }
}
