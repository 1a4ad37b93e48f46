package dev.scorecard.crm.blend;

import java.util.Arrays;
import java.util.List;

/** A part of the blend, as {@code parts} in the blend YAML names it, in the order the output shows them. */
enum Part {
    /** The channel score of {@code scorecard channels} (0–10), times 10. */
    CHANNEL("channel", Side.FIT),
    /** The rule score of {@code scorecard rules} (0–100). */
    RULES("rules", Side.ENGAGEMENT),
    /** A column of {@code scorecard score}'s output, mapped onto 0–100. */
    MODEL("model", Side.FIT);

    final String configName;
    final Side defaultSide;

    Part(String configName, Side defaultSide) {
        this.configName = configName;
        this.defaultSide = defaultSide;
    }

    /** @return the names of every part, in order */
    static List<String> configNames() {
        return Arrays.stream(values()).map(p -> p.configName).toList();
    }
}
