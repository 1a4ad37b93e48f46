package dev.scorecard.core.binning;

import dev.scorecard.core.internal.ConfigNames;

/**
 * The shape the event rate must follow across the regular bins of a numeric characteristic, in
 * order of increasing value. Orders are strict: two adjacent bins never share an event rate.
 */
public enum Monotonic {
    /** The best admissible of ascending, descending, peak and valley by IV; ties go to the simpler shape in that order. */
    AUTO("auto"),
    /** Event rate strictly increases with the value. */
    ASCENDING("ascending"),
    /** Event rate strictly decreases with the value. */
    DESCENDING("descending"),
    /** Event rate rises, then falls (either part may be empty). */
    PEAK("peak"),
    /** Event rate falls, then rises (either part may be empty). */
    VALLEY("valley"),
    /** No constraint on the shape. */
    NONE("none");

    private final String configName;

    Monotonic(String configName) {
        this.configName = configName;
    }

    /** @return the spelling used in config files and on the command line */
    public String configName() {
        return configName;
    }

    /**
     * @param text a config spelling such as {@code peak}
     * @return the matching value
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Monotonic fromConfig(String text) {
        return ConfigNames.parse("monotonic", values(), Monotonic::configName, text);
    }
}
