package dev.scorecard.train.select;

import dev.scorecard.core.internal.ConfigNames;

/** What a stepwise step optimises. */
public enum StepCriterion {
    /** Akaike's information criterion: −2·LL + 2k. */
    AIC("aic"),
    /** Schwarz's Bayesian criterion: −2·LL + k·ln(n). */
    BIC("bic"),
    /** Wald p-values: enter below {@code pEnter}, leave above {@code pRemove}. */
    P_VALUE("p-value");

    private final String configName;

    StepCriterion(String configName) {
        this.configName = configName;
    }

    /** @return the config spelling */
    public String configName() {
        return configName;
    }

    /**
     * @param text {@code aic}, {@code bic} or {@code p-value}
     * @return the value
     */
    public static StepCriterion fromConfig(String text) {
        return ConfigNames.parse("criterion", values(), StepCriterion::configName, text);
    }
}
