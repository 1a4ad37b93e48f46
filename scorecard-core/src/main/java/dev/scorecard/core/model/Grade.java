package dev.scorecard.core.model;

import java.util.Objects;

/**
 * A grade and the lowest score that earns it.
 *
 * @param name e.g. {@code A}
 * @param minScore the lowest score in this grade; −∞ for the last grade
 */
public record Grade(String name, double minScore) {
    /** Checks the name. */
    public Grade {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || Double.isNaN(minScore)) {
            throw new IllegalArgumentException("grade '" + name + "' needs a name and a minimum score");
        }
    }
}
