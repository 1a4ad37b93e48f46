package dev.scorecard.train.eval;

import java.util.List;
import java.util.Objects;

/**
 * How each grade performs on a target (SPEC §8's grade table), best grade first. Made by
 * {@link Grades#performance}. Named apart from the core model's {@code GradeTable}, which holds the
 * grades' cut-offs.
 *
 * @param rows one row per grade, in the order given, best first, including grades with no rows
 * @param totalRows all rows
 * @param totalEvents all events, at least 1
 */
public record GradePerformance(List<Row> rows, int totalRows, int totalEvents) {
    /** Copies the list and checks the totals. */
    public GradePerformance {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a grade table needs at least one grade");
        }
        if (totalEvents < 1 || totalRows < totalEvents) {
            throw new IllegalArgumentException("a grade table needs 1 <= events <= rows, got " + totalEvents
                    + " events in " + totalRows + " rows");
        }
    }

    /**
     * One grade. Rates of a grade, or of a cumulative run of grades, with no rows are 0.
     *
     * @param grade the grade's name
     * @param count rows in the grade
     * @param events events in the grade
     * @param eventRate {@code events / count}; 0 when {@code count} is 0
     * @param cumCount rows in this grade and every better one
     * @param cumEvents events in this grade and every better one
     * @param cumPrecision {@code cumEvents / cumCount}: the event rate of rows graded this or better;
     *     0 when {@code cumCount} is 0
     * @param cumRecall {@code cumEvents / total events}: the share of events graded this or better
     */
    public record Row(String grade, int count, int events, double eventRate, int cumCount, int cumEvents,
            double cumPrecision, double cumRecall) {
        /** Checks counts and shares. */
        public Row {
            Objects.requireNonNull(grade, "grade");
            if (count < 0 || events < 0 || events > count || cumCount < count || cumEvents < events
                    || cumEvents > cumCount) {
                throw new IllegalArgumentException("grade " + grade + ": inconsistent counts: " + events
                        + " events in " + count + " rows, " + cumEvents + " in " + cumCount + " cumulative");
            }
            if (!(eventRate >= 0 && eventRate <= 1) || !(cumPrecision >= 0 && cumPrecision <= 1)
                    || !(cumRecall >= 0 && cumRecall <= 1)) {
                throw new IllegalArgumentException("grade " + grade + ": rates must be between 0 and 1, got event rate "
                        + eventRate + ", precision " + cumPrecision + ", recall " + cumRecall);
            }
        }
    }
}
