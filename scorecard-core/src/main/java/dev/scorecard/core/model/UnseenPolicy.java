package dev.scorecard.core.model;

import dev.scorecard.core.internal.ConfigNames;

/** What scoring does with a categorical level that training never saw, when there is no else bin. */
public enum UnseenPolicy {
    /** Score the characteristic neutrally (WOE 0) and flag the row with a warning. */
    ELSE_BIN_NEUTRAL("else-bin-neutral"),
    /** Refuse the row: it goes to the rejects file with the reason. */
    REJECT("reject");

    private final String configName;

    UnseenPolicy(String configName) {
        this.configName = configName;
    }

    /** @return the spelling in config and model files */
    public String configName() {
        return configName;
    }

    /**
     * @param text {@code else-bin-neutral} or {@code reject}
     * @return the policy
     */
    public static UnseenPolicy fromConfig(String text) {
        return ConfigNames.parse("unseen", values(), UnseenPolicy::configName, text);
    }
}
