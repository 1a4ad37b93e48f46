package dev.scorecard.core.model;

import dev.scorecard.core.internal.ConfigNames;

/** What a high score means: {@code higherScoreMeans} in the config. */
public enum ScoreDirection {
    /** A high score means the event is likely (lead scoring: likely to convert); odds are event:non-event. */
    EVENT("event"),
    /** A high score means the event is unlikely (credit: unlikely to default); odds are non-event:event. */
    NON_EVENT("non-event");

    private final String configName;

    ScoreDirection(String configName) {
        this.configName = configName;
    }

    /** @return the config spelling */
    public String configName() {
        return configName;
    }

    /**
     * @param text {@code event} or {@code non-event}
     * @return the direction
     */
    public static ScoreDirection fromConfig(String text) {
        return ConfigNames.parse("higherScoreMeans", values(), ScoreDirection::configName, text);
    }
}
