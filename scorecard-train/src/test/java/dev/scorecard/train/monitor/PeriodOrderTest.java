package dev.scorecard.train.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 10, task 1c: periods sort chronologically, numerically or as text, the rule chosen per column. */
class PeriodOrderTest {
    @Test
    void monthNamesAsInBankMarketingSortByCalendar() {
        assertThat(PeriodOrder.sort(List.of("may", "jun", "jul", "aug", "oct", "nov", "dec", "jan", "feb", "mar", "apr",
                "sep"))).containsExactly("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    }

    @Test
    void fullAndAbbreviatedMonthNamesInAnyCaseMix() {
        assertThat(PeriodOrder.sort(List.of("March", "JAN", "february", "May", "may", "Dec")))
                .containsExactly("JAN", "february", "March", "May", "may", "Dec");
    }

    @Test
    void isoMonthsAndDatesSortChronologicallyAMonthOnItsFirstDay() {
        assertThat(PeriodOrder.sort(List.of("2026-11", "2026-02", "2025-12", "2026-11-05", "2026-01-31", "2026-11-01")))
                .containsExactly("2025-12", "2026-01-31", "2026-02", "2026-11", "2026-11-01", "2026-11-05");
    }

    @Test
    void numbersSortByValue() {
        assertThat(PeriodOrder.sort(List.of("10", "9", "-1", "2.5", "100"))).containsExactly("-1", "2.5", "9", "10", "100");
    }

    @Test
    void anyLabelOutsideTheRuleMakesTheColumnText() {
        // A month name among ISO months, a word among numbers, an invalid date: no rule covers every label.
        assertThat(PeriodOrder.sort(List.of("2026-11", "jan", "2026-02"))).containsExactly("2026-02", "2026-11", "jan");
        assertThat(PeriodOrder.sort(List.of("10", "9", "other"))).containsExactly("10", "9", "other");
        assertThat(PeriodOrder.sort(List.of("2026-13", "2026-02"))).containsExactly("2026-02", "2026-13");
        assertThat(PeriodOrder.sort(List.of("wave b", "wave a"))).containsExactly("wave a", "wave b");
    }

    @Test
    void theMissingPeriodComesLastAndDoesNotDecideTheRule() {
        assertThat(PeriodOrder.sort(List.of(PeriodOrder.MISSING, "nov", "mar"))).containsExactly("mar", "nov", "(missing)");
        assertThat(PeriodOrder.sort(List.of(PeriodOrder.MISSING))).containsExactly("(missing)");
        assertThat(PeriodOrder.sort(List.of())).isEmpty();
    }
}
