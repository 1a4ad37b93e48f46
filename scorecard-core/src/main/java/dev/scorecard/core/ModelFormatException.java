package dev.scorecard.core;

/**
 * A model file that cannot be loaded: not JSON, not a scorecard model, a {@code formatVersion} this
 * version does not support, a field missing, unknown or of the wrong type, a value that breaks the
 * model's rules, or a checksum that does not match. The message names the JSON path of the problem
 * (for example {@code characteristics[3].bins[2].woe}) and, where the parser knows it, the line and
 * column.
 */
public class ModelFormatException extends ScorecardException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, where, and what was found */
    public ModelFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, where, and what was found
     * @param cause the parser's or validator's own exception
     */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
