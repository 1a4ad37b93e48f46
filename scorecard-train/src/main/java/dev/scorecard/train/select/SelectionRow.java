package dev.scorecard.train.select;

import java.util.Objects;

/**
 * One line of {@code selection.csv}.
 *
 * @param variable the candidate characteristic
 * @param iv its information value (0 when dropped before binning)
 * @param selected true when it is in the final model
 * @param step the step that removed it ({@code binning}, {@code missing}, {@code single-value}, {@code iv},
 *     {@code correlation}, {@code vif}, {@code stepwise}, {@code sign}), empty when selected
 * @param reason why, with the values compared; for a selected variable, any flag (e.g. suspicious IV)
 */
public record SelectionRow(String variable, double iv, boolean selected, String step, String reason) {
    /** Checks the fields are present. */
    public SelectionRow {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
    }
}
