package dev.scorecard.train.pipeline;

import dev.scorecard.core.model.ScorecardModel;
import java.util.Objects;
import java.util.Optional;

/**
 * The target values of a file to evaluate or monitor, when they are written differently from the
 * model's (adult's test file writes {@code >50K.} where training wrote {@code >50K}). Empty: the
 * model's own labels.
 *
 * @param event the file's value for the event ({@code --positive})
 * @param nonEvent the file's value for the non-event ({@code --negative})
 */
public record TargetLabels(Optional<String> event, Optional<String> nonEvent) {
    /** Checks nothing is null and that the two differ. */
    public TargetLabels {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(nonEvent, "nonEvent");
        if (event.isPresent() && event.equals(nonEvent)) {
            throw new IllegalArgumentException("--positive and --negative are both '" + event.get()
                    + "'; the event and the non-event need different values");
        }
    }

    /** @return the model's own labels */
    public static TargetLabels ofModel() {
        return new TargetLabels(Optional.empty(), Optional.empty());
    }

    /** @return the event value to read: the file's when given, else the model's */
    String eventFor(ScorecardModel model) {
        return event.orElse(model.event());
    }

    /**
     * @return the non-event value to read: the file's when given; else the model's, unless the event
     *     was renamed (then the model's non-event is likely spelt differently too, and the first other
     *     value seen is taken, as for a model that does not know its non-event)
     */
    Optional<String> nonEventFor(ScorecardModel model) {
        if (nonEvent.isPresent()) {
            return nonEvent;
        }
        return event.isPresent() ? Optional.empty() : model.nonEvent();
    }
}
