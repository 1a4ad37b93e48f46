package dev.scorecard.train.report.html;

import java.util.Objects;

/**
 * One labelled value, e.g. {@code rows = 1000}.
 *
 * @param key the label
 * @param value the value as it should read
 */
public record KeyValue(String key, String value) {
    /** Checks the arguments. */
    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
