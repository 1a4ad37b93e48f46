package dev.scorecard.train.report.html;

import java.util.List;
import java.util.Objects;

/**
 * Labelled values shown as a two-column list, in the given order.
 *
 * @param entries the entries
 */
public record KeyValueList(List<KeyValue> entries) implements Block {
    /** Checks and copies the entries. */
    public KeyValueList {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** @return a list of the given entries */
    public static KeyValueList of(KeyValue... entries) {
        return new KeyValueList(List.of(entries));
    }
}
