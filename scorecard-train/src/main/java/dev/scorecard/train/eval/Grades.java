package dev.scorecard.train.eval;

import dev.scorecard.core.data.BinaryTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The grade table of SPEC §8: per grade, from the best (most events expected) down, its rows,
 * events and event rate, and the cumulative precision and recall of "flag this grade and every
 * better one". Thread-safe: the class has no state.
 */
public final class Grades {
    private Grades() {
    }

    /**
     * @param grades the grade of each row of {@code target}; not changed
     * @param gradeNames every grade, best first, each once; grades no row has appear with zeros
     * @param target which rows are events
     * @return one row per grade of {@code gradeNames}, in its order
     * @throws IllegalArgumentException when the lengths differ, {@code gradeNames} is empty or repeats a
     *     name, a row's grade is null or not in {@code gradeNames}, or the target has no event
     */
    public static GradePerformance performance(String[] grades, List<String> gradeNames, BinaryTarget target) {
        Objects.requireNonNull(grades, "grades");
        Objects.requireNonNull(target, "target");
        List<String> names = List.copyOf(gradeNames);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Grade table: gradeNames must name at least one grade");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int g = 0; g < names.size(); g++) {
            if (index.put(names.get(g), g) != null) {
                throw new IllegalArgumentException("Grade table: grade '" + names.get(g) + "' appears twice in "
                        + names);
            }
        }
        if (grades.length != target.size()) {
            throw new IllegalArgumentException("Grade table: " + grades.length + " grades for " + target.size()
                    + " rows of target '" + target.name() + "'");
        }
        ScoreCounts.requireEvents("Grade table", target);
        int[] count = new int[names.size()];
        int[] events = new int[names.size()];
        for (int row = 0; row < grades.length; row++) {
            String grade = grades[row];
            Integer g = grade == null ? null : index.get(grade);
            if (g == null) {
                throw new IllegalArgumentException("Grade table: grades[" + row + "] is "
                        + (grade == null ? "null" : "'" + grade + "'") + ", not one of " + names);
            }
            count[g]++;
            events[g] += target.event(row);
        }
        List<GradePerformance.Row> rows = new ArrayList<>(names.size());
        int cumCount = 0;
        int cumEvents = 0;
        for (int g = 0; g < names.size(); g++) {
            cumCount += count[g];
            cumEvents += events[g];
            rows.add(new GradePerformance.Row(names.get(g), count[g], events[g], ratio(events[g], count[g]),
                    cumCount, cumEvents, ratio(cumEvents, cumCount), (double) cumEvents / target.eventCount()));
        }
        return new GradePerformance(rows, target.size(), target.eventCount());
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
