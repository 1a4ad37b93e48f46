package dev.scorecard.train.report;

import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.GradeTable;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.eval.GainsTable;
import java.util.List;

/**
 * The score ranges the reports show: of a gains group, of a baseline score bin and of a grade, all
 * on the model's own score scale.
 */
final class ScoreRanges {
    private ScoreRanges() {
    }

    /**
     * A gains table ranks on the "event score" (higher means more likely an event); for a model where
     * a high score means non-event that is the negated score, so the group's bounds are negated and
     * swapped back here.
     *
     * @return the group's lowest and highest real score
     */
    static double[] gains(GainsTable.Group g, ScoreDirection direction) {
        return direction == ScoreDirection.EVENT ? new double[] {g.minScore(), g.maxScore()}
                : new double[] {-g.maxScore(), -g.minScore()};
    }

    /** @return the gains group's real score range, e.g. {@code 512 – 530} */
    static String gainsLabel(GainsTable.Group g, ScoreDirection direction) {
        double[] r = gains(g, direction);
        return r[0] == r[1] ? Figures.points(r[0]) : Figures.points(r[0]) + " \u2013 " + Figures.points(r[1]);
    }

    /** @return the lower bound (inclusive) of baseline score bin {@code i}; −∞ for the first */
    static double lower(Baseline b, int i) {
        return i == 0 ? Double.NEGATIVE_INFINITY : b.scoreEdges().get(i - 1);
    }

    /** @return the upper bound (exclusive) of baseline score bin {@code i}; +∞ for the last */
    static double upper(Baseline b, int i) {
        return i == b.scoreEdges().size() ? Double.POSITIVE_INFINITY : b.scoreEdges().get(i);
    }

    /** @return baseline score bin {@code i} as {@code < 512}, {@code [512, 530)} or {@code ≥ 600} */
    static String binLabel(Baseline b, int i) {
        return range(lower(b, i), upper(b, i));
    }

    /** @return the scores a grade takes, e.g. {@code ≥ 640} or {@code [600, 640)} */
    static String gradeLabel(GradeTable table, String grade) {
        List<Grade> grades = table.grades();
        for (int i = 0; i < grades.size(); i++) {
            if (!grades.get(i).name().equals(grade)) {
                continue;
            }
            return range(grades.get(i).minScore(), i == 0 ? Double.POSITIVE_INFINITY : grades.get(i - 1).minScore());
        }
        return "";
    }

    /** @return the scores in {@code [lo, hi)} as {@code < hi}, {@code [lo, hi)}, {@code ≥ lo} or {@code all scores} */
    private static String range(double lo, double hi) {
        if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
            return "all scores";
        }
        if (lo == Double.NEGATIVE_INFINITY) {
            return "< " + Figures.points(hi);
        }
        if (hi == Double.POSITIVE_INFINITY) {
            return "\u2265 " + Figures.points(lo);
        }
        return "[" + Figures.points(lo) + ", " + Figures.points(hi) + ")";
    }
}
