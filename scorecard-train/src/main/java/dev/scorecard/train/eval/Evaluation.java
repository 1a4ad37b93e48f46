package dev.scorecard.train.eval;

import java.util.Objects;

/**
 * Everything SPEC §8 measures of a scorecard on one set of rows with a known target: discrimination
 * (AUC, KS and where it occurs, Gini, the ROC and KS curves), gains and lift by decile, the grade
 * table, the cut-off table, calibration, the score distribution by class, and stability against the
 * training baseline.
 *
 * <p>AUC, KS and the curves are computed on the event probability (as the model file's metrics are),
 * gains, the cut-off table, grades and the histogram on the score itself, which is what cut-offs are
 * set on.
 *
 * @param name what the rows are, e.g. {@code train}, {@code test} or a file name
 * @param rows rows evaluated
 * @param events events among them
 * @param auc area under the ROC curve
 * @param ks the KS statistic (its {@code score} is on the probability scale)
 * @param ksScore the score at which the KS gap is largest
 * @param gini {@code 2·auc − 1}
 * @param averagePrecision the area under the precision–recall curve as average precision: each
 *     distinct score's precision weighted by the recall it adds ({@link CumulativeCurve#averagePrecision})
 * @param curve the ROC/KS curve, thinned for charts to at most {@link Evaluator#CURVE_POINTS} points
 * @param gains gains and lift by score decile, highest-event-likelihood first
 * @param cutoffs the cut-off table, highest scores first
 * @param grades the grade table, best grade first
 * @param calibration predicted against observed by decile, Brier and Hosmer–Lemeshow
 * @param histogram the score distribution by class
 * @param stability the score PSI and CSI against the model's training baseline
 */
public record Evaluation(String name, int rows, int events, double auc, KsResult ks, double ksScore, double gini, double averagePrecision,
        CumulativeCurve curve, GainsTable gains, CutoffTable cutoffs, GradePerformance grades, CalibrationResult calibration,
        ScoreHistogram histogram, StabilityReport stability) {
    /** Checks that nothing is missing. */
    public Evaluation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ks, "ks");
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(gains, "gains");
        Objects.requireNonNull(cutoffs, "cutoffs");
        Objects.requireNonNull(grades, "grades");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(histogram, "histogram");
        Objects.requireNonNull(stability, "stability");
    }

    /** @return {@code events / rows} */
    public double eventRate() {
        return (double) events / rows;
    }
}
