package dev.scorecard.train.select;

import dev.scorecard.core.internal.ConfigNames;

/** Stepwise selection on the WOE-coded regression. */
public enum Stepwise {
    /** Keep every variable that passed the filters. */
    NONE("none"),
    /** Start empty; add the variable that improves the criterion most, while one does. */
    FORWARD("forward"),
    /** Start full; remove the variable whose removal improves the criterion most, while one does. */
    BACKWARD("backward"),
    /** Forward steps, each followed by backward steps. */
    BOTH("both");

    private final String configName;

    Stepwise(String configName) {
        this.configName = configName;
    }

    /** @return the config spelling */
    public String configName() {
        return configName;
    }

    /**
     * @param text a config spelling such as {@code both}
     * @return the value
     */
    public static Stepwise fromConfig(String text) {
        return ConfigNames.parse("stepwise", values(), Stepwise::configName, text);
    }
}
