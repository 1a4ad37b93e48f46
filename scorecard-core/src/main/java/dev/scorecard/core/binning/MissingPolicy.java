package dev.scorecard.core.binning;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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
        for (MissingPolicy m : values()) {
            if (m.configName.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("missing: '" + text + "' is not one of "
                + Arrays.stream(values()).map(MissingPolicy::configName).collect(Collectors.joining(", ")));
    }
}
