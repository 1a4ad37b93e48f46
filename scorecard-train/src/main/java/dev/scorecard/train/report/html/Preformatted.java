package dev.scorecard.train.report.html;

import java.util.Objects;

/**
 * Text shown as written, in a monospaced block that keeps its line breaks and indentation (escaped
 * when rendered): a configuration file a reader copies out of the report, for instance.
 *
 * @param caption a line above the text; empty for none
 * @param text the text, lines separated by {@code \n}
 */
public record Preformatted(String caption, String text) implements Block {
    /** Checks the arguments. */
    public Preformatted {
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(text, "text");
    }
}
