package dev.scorecard.core.model;

import dev.scorecard.core.internal.ConfigNames;

/** How bin points are shown: the score of a row is always exactly the sum of the points shown. */
public enum Rounding {
    /** Points keep their full precision. */
    NONE("none"),
    /** Points are rounded half away from zero to whole numbers. */
    INTEGER("integer");

    private final String configName;

    Rounding(String configName) {
        this.configName = configName;
    }

    /** @return the config spelling */
    public String configName() {
        return configName;
    }

    /**
     * @param text {@code none} or {@code integer}
     * @return the rounding
     */
    public static Rounding fromConfig(String text) {
        return ConfigNames.parse("rounding", values(), Rounding::configName, text);
    }

    /**
     * @param points unrounded points
     * @return the points rounded as this rule says
     */
    public double apply(double points) {
        if (this == NONE) {
            return points;
        }
        // Half away from zero, symmetric for negative points (Math.round is half up).
        double r = Math.floor(Math.abs(points) + 0.5);
        return (points < 0 ? -r : r) + 0.0; // + 0.0 turns -0.0 into 0.0
    }
}
