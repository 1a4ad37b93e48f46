package dev.scorecard.cli;

import dev.scorecard.core.ScorecardException;

/** A failure the user must act on, with the exit code it maps to and a one-line message. */
final class ExitCodeException extends ScorecardException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    ExitCodeException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
