package dev.scorecard.crm.blend;

import java.util.Arrays;
import java.util.List;

/**
 * What a part says about a lead, as sales teams read a score: how well it fits (where it came from,
 * who it is) or how engaged it is (what it has done).
 */
enum Side {
    /** Who the lead is: the channel, a model of its attributes. */
    FIT("fit"),
    /** What the lead has done: the rule score of its behaviour. */
    ENGAGEMENT("engagement");

    final String configName;

    Side(String configName) {
        this.configName = configName;
    }

    /** @return the names of the sides */
    static List<String> configNames() {
        return Arrays.stream(values()).map(s -> s.configName).toList();
    }
}
