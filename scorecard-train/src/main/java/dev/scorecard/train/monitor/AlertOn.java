package dev.scorecard.train.monitor;

import dev.scorecard.core.internal.ConfigNames;

/** Which measures make {@code scorecard monitor} alert, and so exit 3 ({@code --alert-on}). */
public enum AlertOn {
    /** The score PSI and the characteristics' CSI, overall or in any period: what the model itself sees. */
    MODEL("model"),
    /** Those, and also the CSI of the binned candidates the model does not use. */
    ALL("all");

    private final String configName;

    AlertOn(String configName) {
        this.configName = configName;
    }

    /** @return the command-line spelling */
    public String configName() {
        return configName;
    }

    /**
     * @param text {@code model} or {@code all}
     * @return the choice
     * @throws IllegalArgumentException naming the option and the allowed spellings
     */
    public static AlertOn fromConfig(String text) {
        return ConfigNames.parse("--alert-on", values(), AlertOn::configName, text);
    }
}
