package dev.scorecard.train.report.html;

import java.util.Objects;

/**
 * A paragraph of plain text (escaped when rendered; no markup).
 *
 * @param text the text
 */
public record Paragraph(String text) implements Block {
    /** Checks the argument. */
    public Paragraph {
        Objects.requireNonNull(text, "text");
    }
}
