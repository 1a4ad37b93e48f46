package dev.scorecard.core;

import dev.scorecard.core.internal.ConfigNames;

/** What "points lost" is measured from when reason codes are ranked (SPEC §7, {@code --reason-baseline}). */
public enum ReasonBaseline {
    /** The characteristic's highest bin points: why this row did not get the best. */
    MAX("max"),
    /** The training rows' mean points of the characteristic: where this row falls short of a typical one. */
    MEAN("mean");

    private final String configName;

    ReasonBaseline(String configName) {
        this.configName = configName;
    }

    /** @return the command-line spelling */
    public String configName() {
        return configName;
    }

    /**
     * @param text {@code max} or {@code mean}
     * @return the baseline
     */
    public static ReasonBaseline fromConfig(String text) {
        return ConfigNames.parse("reason-baseline", values(), ReasonBaseline::configName, text);
    }
}
