package dev.scorecard.train.challenger;

import dev.scorecard.core.internal.ConfigNames;

/** The challenger models {@code --challenger} accepts (SPEC §8), each a Smile 2.6.0 tree ensemble. */
public enum ChallengerKind {
    /** Gradient-boosted regression trees on the logistic loss ({@code smile.classification.GradientTreeBoost}). */
    GBM("gbm"),
    /** A random forest of classification trees ({@code smile.classification.RandomForest}). */
    RF("rf");

    private final String configName;

    ChallengerKind(String configName) {
        this.configName = configName;
    }

    /** @return the config and command-line spelling */
    public String configName() {
        return configName;
    }

    /**
     * @param text {@code gbm} or {@code rf} (trimmed, case-insensitive)
     * @return the kind
     * @throws IllegalArgumentException listing the allowed values
     */
    public static ChallengerKind fromConfig(String text) {
        return ConfigNames.parse("challenger", values(), ChallengerKind::configName, text);
    }
}
