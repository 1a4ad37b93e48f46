package dev.scorecard.train.load;

import java.util.List;
import java.util.Objects;

/**
 * A data row left out of the dataset, with why, for the rejects file.
 *
 * @param line the 1-based physical line on which the row starts
 * @param reason why it was rejected, e.g. {@code target 'y' is missing}
 * @param fields the row's fields as read, one per header column (excluded columns included)
 */
public record RejectedRow(long line, String reason, List<String> fields) {
    /** Validates the row and copies the fields. */
    public RejectedRow {
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, got " + line);
        }
        Objects.requireNonNull(reason, "reason");
        fields = List.copyOf(fields);
    }
}
