package dev.scorecard.train.report.html;

import java.util.List;
import java.util.Objects;

/**
 * A banner with an overall outcome, such as the go-live gates' result.
 *
 * @param outcome pass, warn or fail; shown as a word as well as a colour
 * @param headline one line next to the outcome
 * @param lines details, e.g. one per failed gate; may be empty
 */
public record Verdict(Outcome outcome, String headline, List<String> lines) implements Block {
    /** Checks and copies the arguments. */
    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(headline, "headline");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    /** The outcome of a check. */
    public enum Outcome {
        /** Every check passed. */
        PASS,
        /** Passed with warnings. */
        WARN,
        /** At least one check failed. */
        FAIL
    }
}
