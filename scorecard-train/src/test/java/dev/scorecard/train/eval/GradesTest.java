package dev.scorecard.train.eval;

import static dev.scorecard.train.eval.CurvesTest.y;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.data.BinaryTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grade table on a case small enough to compute by hand, and the errors. */
class GradesTest {
    private static final List<String> ABCD = List.of("A", "B", "C", "D");

    @Test
    void handComputedWithAnEmptyGrade() {
        String[] grades = {"D", "A", "B", "D", "B", "A", "D", "B", "D"};
        BinaryTarget t = y(1, 1, 1, 0, 0, 1, 0, 0, 0);
        GradePerformance p = Grades.performance(grades, ABCD, t);
        // 9 rows, 4 events. A: rows 1, 5, both events. B: rows 2, 4, 7, one event. C: none. D: rows 0,
        // 3, 6, 8, one event.
        // Cumulative: A 2/2 (precision 1, recall 2/4); A-B 3/5 (0.6, 3/4); A-C the same; A-D 4/9 (4/9, 1).
        assertThat(p.rows()).containsExactly(
                new GradePerformance.Row("A", 2, 2, 1, 2, 2, 1, 0.5),
                new GradePerformance.Row("B", 3, 1, 1.0 / 3, 5, 3, 0.6, 0.75),
                new GradePerformance.Row("C", 0, 0, 0, 5, 3, 0.6, 0.75),
                new GradePerformance.Row("D", 4, 1, 0.25, 9, 4, 4.0 / 9, 1));
        assertThat(p.totalRows()).isEqualTo(9);
        assertThat(p.totalEvents()).isEqualTo(4);
    }

    @Test
    void emptyTopGradesHaveZeroPrecision() {
        GradePerformance p = Grades.performance(new String[] {"C", "C"}, List.of("A", "B", "C"), y(1, 0));
        assertThat(p.rows()).containsExactly(
                new GradePerformance.Row("A", 0, 0, 0, 0, 0, 0, 0),
                new GradePerformance.Row("B", 0, 0, 0, 0, 0, 0, 0),
                new GradePerformance.Row("C", 2, 1, 0.5, 2, 1, 0.5, 1));
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> Grades.performance(new String[] {"A", "B", "A"}, ABCD, y(0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Grade table needs at least one event, but target 'y' has 0 events in 3 rows");
        assertThatThrownBy(() -> Grades.performance(new String[] {"A", "B"}, ABCD, y(0, 1, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Grade table: 2 grades for 3 rows of target 'y'");
        assertThatThrownBy(() -> Grades.performance(new String[] {"A", "Z"}, ABCD, y(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Grade table: grades[1] is 'Z', not one of [A, B, C, D]");
        assertThatThrownBy(() -> Grades.performance(new String[] {null, "A"}, ABCD, y(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Grade table: grades[0] is null, not one of [A, B, C, D]");
        assertThatThrownBy(() -> Grades.performance(new String[] {"A"}, List.of("A", "B", "A"), y(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Grade table: grade 'A' appears twice in [A, B, A]");
        assertThatThrownBy(() -> Grades.performance(new String[0], List.of(), y()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Grade table: gradeNames must name at least one grade");
    }

    @Test
    void recordsCheckTheirValues() {
        assertThatThrownBy(() -> new GradePerformance.Row("A", 1, 2, 1, 1, 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grade A: inconsistent counts: 2 events in 1 rows, 2 in 1 cumulative");
        assertThatThrownBy(() -> new GradePerformance.Row("A", 1, 1, 1, 1, 1, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grade A: rates must be between 0 and 1, got event rate 1.0, precision 1.0, recall 2.0");
        assertThatThrownBy(() -> new GradePerformance(List.of(), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a grade table needs at least one grade");
    }
}
