package dev.scorecard.core;

/**
 * Base of every exception this toolkit throws on purpose. Callers that only want to tell "our"
 * errors from bugs catch this type; the command line maps its subtypes to exit codes.
 */
public class ScorecardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, where, and what was received */
    public ScorecardException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, where, and what was received
     * @param cause the underlying failure
     */
    public ScorecardException(String message, Throwable cause) {
        super(message, cause);
    }
}
