package dev.scorecard.train.load;

import dev.scorecard.core.internal.ConfigNames;

/** How a CSV column is loaded: as numbers or as dictionary-encoded labels. */
public enum ColumnType {
    /** Every non-missing value is a strict decimal number; loaded as a {@code NumericColumn}. */
    NUMERIC("numeric"),
    /** Values are labels; loaded as a {@code CategoricalColumn}. */
    CATEGORICAL("categorical");

    private final String configName;

    ColumnType(String configName) {
        this.configName = configName;
    }

    /** @return the spelling used in config files and on the command line */
    public String configName() {
        return configName;
    }

    /**
     * @param text {@code numeric} or {@code categorical} (case-insensitive)
     * @return the type
     * @throws IllegalArgumentException for any other text, listing the allowed values
     */
    public static ColumnType fromConfig(String text) {
        return ConfigNames.parse("column type", values(), ColumnType::configName, text);
    }
}
