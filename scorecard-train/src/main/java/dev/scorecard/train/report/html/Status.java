package dev.scorecard.train.report.html;

/** How a table row is flagged: coloured and bordered so that it also reads in greyscale. */
public enum Status {
    /** Not flagged. */
    NONE,
    /** Within limits. */
    OK,
    /** Near a limit or worth a look. */
    WARN,
    /** Beyond a limit. */
    FAIL
}
