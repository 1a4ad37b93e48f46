package dev.scorecard.crm.activate;

import java.util.Objects;
import java.util.Optional;

/**
 * What one goal of one plan measured, over all its entries or over those of one grade: per group the
 * entries, those still pending (their deadline is after the as-of instant, so they are left out of
 * the rates) and the successes among the decided ones; the difference of the rates, treated less
 * control, with its 95 % interval by Newcombe's hybrid score method (NaN when a group has no decided
 * entry); and, when the control group is too small to tell, why.
 *
 * @param plan the plan
 * @param goal the goal's name
 * @param event the goal's event type, or {@code converted}
 * @param within the goal's window as written
 * @param grade the grade at entry, or empty for all entries
 * @param treatedEntries treated entries; {@code treatedEntries = treatedN() + treatedPending}
 * @param treatedPending of them, those whose deadline is after the as-of instant
 * @param treatedSuccesses decided treated entries that reached the goal
 * @param controlEntries control entries
 * @param controlPending of them, those pending
 * @param controlSuccesses decided control entries that reached the goal
 * @param difference the treated rate less the control rate
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param warning why the control group is too small to tell, or empty
 */
public record UpliftRow(String plan, String goal, String event, String within, Optional<String> grade,
        long treatedEntries, long treatedPending, long treatedSuccesses, long controlEntries, long controlPending,
        long controlSuccesses, double difference, double lower, double upper, Optional<String> warning) {
    /** Checks that nothing is null. */
    public UpliftRow {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(warning, "warning");
    }

    /** @return treated entries decided (not pending) */
    public long treatedN() {
        return treatedEntries - treatedPending;
    }

    /** @return control entries decided */
    public long controlN() {
        return controlEntries - controlPending;
    }

    /** @return the treated rate, NaN without decided treated entries */
    public double treatedRate() {
        return treatedN() == 0 ? Double.NaN : (double) treatedSuccesses / treatedN();
    }

    /** @return the control rate, NaN without decided control entries */
    public double controlRate() {
        return controlN() == 0 ? Double.NaN : (double) controlSuccesses / controlN();
    }

    /** @return the treated rate over the control rate, less 1; NaN when the control rate is 0 or undefined */
    public double relativeUplift() {
        double c = controlRate();
        return c > 0 ? treatedRate() / c - 1 : Double.NaN;
    }
}
