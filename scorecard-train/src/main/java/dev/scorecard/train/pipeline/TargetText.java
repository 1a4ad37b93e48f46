package dev.scorecard.train.pipeline;

import dev.scorecard.train.eval.ScoredSample;
import java.util.List;
import java.util.Set;

/**
 * Reads a target column's text against the model's event label, row by row. The model stores only
 * the event's value, so the first other value seen is taken as the non-event and any third value is
 * a problem with the row, as in training (SPEC §2).
 */
final class TargetText {
    /** {@link #read} of a third value: a data error, not an unknown outcome. */
    static final int INVALID = -2;

    private final String column;
    private final String event;
    private final Set<String> missing;
    private String nonEvent;
    private String problem;

    TargetText(String column, String event, List<String> missingTokens) {
        this.column = column;
        this.event = event;
        this.missing = Set.copyOf(missingTokens);
    }

    /**
     * @param text the row's target text
     * @return 1, 0, {@link ScoredSample#NO_TARGET} when the value is missing, or {@link #INVALID} for a
     *     third value; {@link #problem()} says which
     */
    int read(String text) {
        problem = null;
        if (text == null || text.isBlank() || missing.contains(text)) {
            problem = "target '" + column + "' is missing";
            return ScoredSample.NO_TARGET;
        }
        if (text.equals(event)) {
            return 1;
        }
        if (nonEvent == null) {
            nonEvent = text;
        }
        if (text.equals(nonEvent)) {
            return 0;
        }
        problem = "target '" + column + "' is '" + text + "', neither the event '" + event + "' nor '" + nonEvent + "'";
        return INVALID;
    }

    /** @return why the last value read gave no target, or null */
    String problem() {
        return problem;
    }
}
