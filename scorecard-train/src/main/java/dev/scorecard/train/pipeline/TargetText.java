package dev.scorecard.train.pipeline;

import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.train.eval.ScoredSample;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a target column's text against the event and non-event labels, row by row: the model's (it
 * keeps both), or the file's own given with {@code --positive}/{@code --negative}. A model written
 * before it kept its non-event takes the first other value seen as the non-event. Any third value is a
 * problem with the row, as in training (SPEC §2).
 */
final class TargetText {
    /** {@link #read} of a third value: a data error, not an unknown outcome. */
    static final int INVALID = -2;

    private final String column;
    private final String event;
    private final Set<String> missing;
    private final boolean nonEventKnown;
    private String nonEvent;
    private String problem;

    TargetText(String column, String event, Optional<String> nonEvent, List<String> missingTokens) {
        this.column = column;
        this.event = event;
        this.nonEvent = nonEvent.orElse(null);
        this.nonEventKnown = nonEvent.isPresent();
        this.missing = Set.copyOf(missingTokens);
    }

    /** The labels a model (or the file's own, given on the command line) says the target column holds. */
    static TargetText of(String column, ScorecardModel model, TargetLabels labels) {
        return new TargetText(column, labels.eventFor(model), labels.nonEventFor(model), model.missingValues());
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
        problem = "target '" + column + "' is '" + text + "', neither the event '" + event + "' nor "
                + (nonEventKnown ? "the non-event '" : "'") + nonEvent + "'"
                + (nonEventKnown ? "; --positive and --negative name a file's own labels" : "");
        return INVALID;
    }

    /** @return why the last value read gave no target, or null */
    String problem() {
        return problem;
    }
}
