package dev.scorecard.train.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.eval.CalibrationResult;
import dev.scorecard.train.eval.CharacteristicDrift;
import dev.scorecard.train.eval.CutoffTable;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.GainsTable;
import dev.scorecard.train.eval.GradePerformance;
import dev.scorecard.train.eval.PsiResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV tables of an evaluation (SPEC §8): {@code gains.csv}, {@code cutoffs.csv}, {@code grades.csv},
 * {@code calibration.csv}, {@code stability.csv} (one row per characteristic's CSI) and
 * {@code score-psi.csv} (one row per baseline score bin). RFC 4180 with {@code \n} line ends; numbers
 * as their shortest round-trip decimal ({@code DoubleFormat}), so a rerun gives the same bytes; an
 * undefined number is an empty field. With several evaluations each table holds one group of rows per
 * evaluation, in order, behind a first column {@code evaluation}; with one, that column is left out.
 * Stateless and thread-safe.
 */
public final class EvaluationTables {
    /** Gains and lift by decile. */
    public static final String GAINS_CSV = "gains.csv";
    /** The cut-off table. */
    public static final String CUTOFFS_CSV = "cutoffs.csv";
    /** The grade table. */
    public static final String GRADES_CSV = "grades.csv";
    /** Calibration by decile of the prediction. */
    public static final String CALIBRATION_CSV = "calibration.csv";
    /** CSI per characteristic. */
    public static final String STABILITY_CSV = "stability.csv";
    /** Score PSI per baseline score bin. */
    public static final String SCORE_PSI_CSV = "score-psi.csv";

    /** Header of {@code gains.csv} (after {@code evaluation} when there are several evaluations). */
    public static final List<String> GAINS_HEADER = List.of("group", "rows", "events", "event_rate", "cum_rows",
            "cum_events", "gain", "lift", "cum_lift", "min_score", "max_score");
    /** Header of {@code cutoffs.csv} (after {@code evaluation} when there are several evaluations). */
    public static final List<String> CUTOFFS_HEADER = List.of("band", "min_score", "max_score", "rows", "events",
            "non_events", "event_rate", "share", "cum_rows", "cum_share", "cum_events", "cum_event_rate",
            "events_captured", "non_events_captured", "ks");
    /** Header of {@code grades.csv}. */
    public static final List<String> GRADES_HEADER = List.of("grade", "count", "events", "event_rate", "cum_count",
            "cum_events", "cum_precision", "cum_recall");
    /** Header of {@code calibration.csv}. */
    public static final List<String> CALIBRATION_HEADER = List.of("group", "count", "events", "mean_predicted",
            "observed_rate", "min_predicted", "max_predicted");
    /** Header of {@code stability.csv}. */
    public static final List<String> STABILITY_HEADER = List.of("characteristic", "csi", "level",
            "baseline_missing_share", "missing_share", "unseen", "max_woe_shift");
    /** Header of {@code score-psi.csv}. */
    public static final List<String> SCORE_PSI_HEADER = List.of("bin", "lower", "upper", "expected_share",
            "actual_share", "contribution");

    private EvaluationTables() {
    }

    /**
     * @param evaluations the evaluations, in order
     * @param direction what a high score means, to give the groups' real score bounds
     * @param out where to write; flushed, not closed
     */
    public static void writeGains(List<Evaluation> evaluations, ScoreDirection direction, Writer out) throws IOException {
        Table t = new Table(evaluations, GAINS_HEADER, out);
        for (Evaluation e : evaluations) {
            for (GainsTable.Group g : e.gains().groups()) {
                double[] range = ScoreRanges.gains(g, direction);
                t.row(e, Integer.toString(g.group()), Integer.toString(g.rows()), Integer.toString(g.events()),
                        num(g.eventRate()), Integer.toString(g.cumRows()), Integer.toString(g.cumEvents()), num(g.gain()),
                        num(g.lift()), num(g.cumLift()), num(range[0]), num(range[1]));
            }
        }
        t.flush();
    }

    /**
     * Writes the cut-off tables, highest scores first; the scores are the model's own (no direction
     * to undo: the table ranks the score as it is).
     *
     * @param evaluations the evaluations, in order
     * @param out where to write; flushed, not closed
     */
    public static void writeCutoffs(List<Evaluation> evaluations, Writer out) throws IOException {
        Table t = new Table(evaluations, CUTOFFS_HEADER, out);
        for (Evaluation e : evaluations) {
            for (CutoffTable.Band b : e.cutoffs().bands()) {
                t.row(e, Integer.toString(b.band()), num(b.minScore()), num(b.maxScore()), Integer.toString(b.rows()),
                        Integer.toString(b.events()), Integer.toString(b.nonEvents()), num(b.eventRate()), num(b.share()),
                        Integer.toString(b.cumRows()), num(b.cumShare()), Integer.toString(b.cumEvents()),
                        num(b.cumEventRate()), num(b.eventsCaptured()), num(b.nonEventsCaptured()), num(b.ks()));
            }
        }
        t.flush();
    }

    /**
     * @param evaluations the evaluations, in order
     * @param out where to write; flushed, not closed
     */
    public static void writeGrades(List<Evaluation> evaluations, Writer out) throws IOException {
        Table t = new Table(evaluations, GRADES_HEADER, out);
        for (Evaluation e : evaluations) {
            for (GradePerformance.Row r : e.grades().rows()) {
                t.row(e, r.grade(), Integer.toString(r.count()), Integer.toString(r.events()), num(r.eventRate()),
                        Integer.toString(r.cumCount()), Integer.toString(r.cumEvents()), num(r.cumPrecision()),
                        num(r.cumRecall()));
            }
        }
        t.flush();
    }

    /**
     * @param evaluations the evaluations, in order
     * @param out where to write; flushed, not closed
     */
    public static void writeCalibration(List<Evaluation> evaluations, Writer out) throws IOException {
        Table t = new Table(evaluations, CALIBRATION_HEADER, out);
        for (Evaluation e : evaluations) {
            for (CalibrationResult.Group g : e.calibration().groups()) {
                t.row(e, Integer.toString(g.group()), Integer.toString(g.count()), Integer.toString(g.events()),
                        num(g.meanPredicted()), num(g.observedRate()), num(g.minPredicted()), num(g.maxPredicted()));
            }
        }
        t.flush();
    }

    /**
     * @param evaluations the evaluations, in order
     * @param out where to write; flushed, not closed
     */
    public static void writeStability(List<Evaluation> evaluations, Writer out) throws IOException {
        Table t = new Table(evaluations, STABILITY_HEADER, out);
        for (Evaluation e : evaluations) {
            for (CharacteristicDrift c : e.stability().characteristics()) {
                t.row(e, c.name(), num(c.csi().value()), Figures.level(c.level()), num(c.baselineMissingShare()),
                        num(c.missingShare()), Long.toString(c.unseen()), c.maxWoeShift().map(EvaluationTables::num)
                                .orElse(""));
            }
        }
        t.flush();
    }

    /**
     * @param evaluations the evaluations, in order
     * @param baseline the model's baseline, for the bins' score bounds (empty for an open end)
     * @param out where to write; flushed, not closed
     */
    public static void writeScorePsi(List<Evaluation> evaluations, Baseline baseline, Writer out) throws IOException {
        Table t = new Table(evaluations, SCORE_PSI_HEADER, out);
        for (Evaluation e : evaluations) {
            List<PsiResult.Bin> bins = e.stability().scorePsi().bins();
            for (int i = 0; i < bins.size(); i++) {
                PsiResult.Bin b = bins.get(i);
                t.row(e, Integer.toString(i + 1), num(ScoreRanges.lower(baseline, i)), num(ScoreRanges.upper(baseline, i)),
                        num(b.expectedShare()), num(b.actualShare()), num(b.contribution()));
            }
        }
        t.flush();
    }

    /** @return the shortest round-trip text, or empty for a value that is not a finite number */
    private static String num(double v) {
        return Double.isFinite(v) ? DoubleFormat.format(v) : "";
    }

    /** A CSV table that puts the evaluation's name first when there are several evaluations. */
    private static final class Table {
        private final CsvWriter csv;
        private final boolean named;

        Table(List<Evaluation> evaluations, List<String> header, Writer out) throws IOException {
            if (evaluations.isEmpty()) {
                throw new IllegalArgumentException("no evaluation to write");
            }
            this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
            this.named = evaluations.size() > 1;
            List<String> h = new ArrayList<>();
            if (named) {
                h.add("evaluation");
            }
            h.addAll(header);
            csv.writeRecord(h);
        }

        void row(Evaluation e, String... cells) {
            if (named) {
                List<String> r = new ArrayList<>(cells.length + 1);
                r.add(e.name());
                r.addAll(List.of(cells));
                csv.writeRecord(r);
            } else {
                csv.writeRecord(cells);
            }
        }

        void flush() throws IOException {
            csv.flush();
        }
    }
}
