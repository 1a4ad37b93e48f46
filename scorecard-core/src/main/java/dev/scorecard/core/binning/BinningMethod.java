package dev.scorecard.core.binning;

import dev.scorecard.core.internal.ConfigNames;

/** How the regular bins of a characteristic are formed. */
public enum BinningMethod {
    /** Quantile pre-bins, then the IV-maximising merge under the monotonic and size constraints. */
    OPTIMAL("optimal"),
    /** Bottom-up χ² merging of adjacent pre-bins (Kerber's ChiMerge). */
    CHIMERGE("chimerge"),
    /** Equal-frequency bins on distinct values. */
    QUANTILE("quantile"),
    /** Equal-width bins between the minimum and the maximum. */
    WIDTH("width");

    private final String configName;

    BinningMethod(String configName) {
        this.configName = configName;
    }

    /** @return the spelling used in config files */
    public String configName() {
        return configName;
    }

    /**
     * @param text a config spelling such as {@code chimerge}
     * @return the matching value
     * @throws IllegalArgumentException naming the allowed values
     */
    public static BinningMethod fromConfig(String text) {
        return ConfigNames.parse("method", values(), BinningMethod::configName, text);
    }
}
