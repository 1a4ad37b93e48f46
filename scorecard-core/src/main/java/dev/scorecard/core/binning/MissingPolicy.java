package dev.scorecard.core.binning;

import dev.scorecard.core.internal.ConfigNames;

/** What happens to missing values of a characteristic that has some. */
public enum MissingPolicy {
    /** Missing values get a bin of their own. */
    SEPARATE("separate"),
    /** Missing values join the regular bin whose WOE is closest to theirs. */
    MERGE_WITH_CLOSEST_WOE("merge-with-closest-woe");

    private final String configName;

    MissingPolicy(String configName) {
        this.configName = configName;
    }

    /** @return the spelling used in config files */
    public String configName() {
        return configName;
    }

    /**
     * @param text a config spelling such as {@code separate}
     * @return the matching value
     * @throws IllegalArgumentException naming the allowed values
     */
    public static MissingPolicy fromConfig(String text) {
        return ConfigNames.parse("missing", values(), MissingPolicy::configName, text);
    }
}
