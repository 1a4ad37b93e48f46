package dev.scorecard.train.eval;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.model.Grade;

/**
 * Computes an {@link Evaluation} from scored rows. Stateless and thread-safe.
 */
public final class Evaluator {
    /** The most points a curve keeps for charts. */
    public static final int CURVE_POINTS = 200;
    /** Bins of the score-by-class histogram. */
    public static final int HISTOGRAM_BINS = 20;

    private Evaluator() {
    }

    /**
     * Evaluates with the default cut-off table, {@link CutoffOptions#defaults()}.
     *
     * @param name what the rows are, for the report
     * @param sample scored rows whose target is known
     * @param thresholds when stability warns and alerts
     * @return the evaluation
     * @throws IllegalArgumentException when the rows lack a target or hold only one class, naming the
     *     rows and the counts
     */
    public static Evaluation evaluate(String name, ScoredSample sample, DriftThresholds thresholds) {
        return evaluate(name, sample, thresholds, CutoffOptions.defaults());
    }

    /**
     * @param name what the rows are, for the report
     * @param sample scored rows whose target is known
     * @param thresholds when stability warns and alerts
     * @param cutoffs how the cut-off table bands the score
     * @return the evaluation
     * @throws IllegalArgumentException when the rows lack a target or hold only one class, naming the
     *     rows and the counts
     */
    public static Evaluation evaluate(String name, ScoredSample sample, DriftThresholds thresholds,
            CutoffOptions cutoffs) {
        if (!sample.hasTarget()) {
            throw new IllegalArgumentException(name + ": evaluation needs the target on every row");
        }
        BinaryTarget target = sample.target();
        if (target.eventCount() == 0 || target.nonEventCount() == 0) {
            throw new IllegalArgumentException(name + ": evaluation needs both events and non-events, but target '"
                    + target.name() + "' has " + target.eventCount() + " events and " + target.nonEventCount()
                    + " non-events in " + target.size() + " rows");
        }
        double[] p = sample.probabilities();
        double[] scores = sample.scores();
        double[] up = sample.eventScores();
        double auc = Metrics.auc(p, target);
        KsResult ks = Metrics.ks(p, target);
        double ksScore = Double.NaN;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == ks.score()) {
                ksScore = scores[i];
                break;
            }
        }
        CumulativeCurve full = Curves.cumulative(p, target);
        double averagePrecision = full.averagePrecision(); // on every point: the thinned chart's would be off
        CumulativeCurve curve = full.thin(CURVE_POINTS);
        GainsTable gains = Gains.byDecile(up, target);
        // On the score itself, highest first whatever it means: a cut-off keeps the rows above it, to
        // approve (credit, high score = non-event) or to call (leads, high score = event).
        CutoffTable cutoffTable = Cutoffs.table(scores, target, cutoffs);
        GradePerformance grades = Grades.performance(sample.grades(),
                sample.model().grades().grades().stream().map(Grade::name).toList(), target);
        CalibrationResult calibration = Calibration.byDecile(p, target);
        ScoreHistogram histogram = ScoreHistogram.of(scores, target, HISTOGRAM_BINS);
        StabilityReport stability = StabilityReport.of(sample, thresholds);
        return new Evaluation(name, target.size(), target.eventCount(), auc, ks, ksScore, Metrics.gini(auc), averagePrecision, curve,
                gains, cutoffTable, grades, calibration, histogram, stability);
    }
}
