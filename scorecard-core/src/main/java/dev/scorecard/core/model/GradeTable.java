package dev.scorecard.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Grades from the best down: a score earns the first grade whose minimum it reaches. Defaults to
 * A–E at the training-score quantiles 10/20/30/20/20 % from the top (SPEC §5).
 *
 * @param grades best first, minimum scores strictly decreasing, the last one −∞
 */
public record GradeTable(List<Grade> grades) {
    /** The default shares of training rows per grade, best first. */
    public static final double[] DEFAULT_SHARES = {0.10, 0.20, 0.30, 0.20, 0.20};
    /** The default grade names. */
    public static final List<String> DEFAULT_NAMES = List.of("A", "B", "C", "D", "E");

    /** Checks the order. */
    public GradeTable {
        grades = List.copyOf(grades);
        if (grades.isEmpty()) {
            throw new IllegalArgumentException("a grade table needs at least one grade");
        }
        for (int i = 1; i < grades.size(); i++) {
            if (!(grades.get(i).minScore() < grades.get(i - 1).minScore())) {
                throw new IllegalArgumentException("grade " + grades.get(i).name() + ": minimum scores must decrease from the best grade");
            }
        }
        if (grades.get(grades.size() - 1).minScore() != Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("the last grade must take every remaining score (minimum -inf)");
        }
    }

    /** @return the grade of a score */
    public String gradeOf(double score) {
        for (Grade g : grades) {
            if (score >= g.minScore()) {
                return g.name();
            }
        }
        return grades.get(grades.size() - 1).name();
    }

    /**
     * Cut-offs at quantiles of the training scores, from the top.
     *
     * @param trainingScores the scores of the training rows (any order; not changed)
     * @param names grade names, best first
     * @param shares share of rows per grade, best first, summing to 1
     * @return the grade table; grades that would be empty (ties) are merged into the next
     */
    public static GradeTable fromQuantiles(double[] trainingScores, List<String> names, double[] shares) {
        if (names.size() != shares.length) {
            throw new IllegalArgumentException(names.size() + " grade names but " + shares.length + " shares");
        }
        double[] sorted = trainingScores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        List<Grade> out = new ArrayList<>();
        double cumulative = 0;
        double previous = Double.POSITIVE_INFINITY;
        for (int g = 0; g < names.size() - 1; g++) {
            cumulative += shares[g];
            // The cut-off is the lowest score among the top `cumulative` share of rows.
            int index = Math.max(0, Math.min(n - 1, n - (int) Math.round(cumulative * n)));
            double cut = n == 0 ? 0 : sorted[index];
            if (cut < previous) {
                out.add(new Grade(names.get(g), cut));
                previous = cut;
            }
        }
        out.add(new Grade(names.get(names.size() - 1), Double.NEGATIVE_INFINITY));
        return new GradeTable(out);
    }
}
