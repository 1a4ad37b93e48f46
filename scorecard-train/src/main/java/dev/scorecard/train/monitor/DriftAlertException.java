package dev.scorecard.train.monitor;

import dev.scorecard.core.ScorecardException;

/**
 * Monitoring found drift at or above the alert level (SPEC §9): the command exits with code 3 after
 * writing its report.
 */
public class DriftAlertException extends ScorecardException {
    private static final long serialVersionUID = 1L;

    /** @param message what drifted, by how much, and where the report is */
    public DriftAlertException(String message) {
        super(message);
    }
}
