package dev.scorecard.core.model;

/** The role of a bin within a characteristic. */
public enum BinKind {
    /** A range of values (numeric) or a group of levels (categorical). */
    REGULAR,
    /** Rows with one of the listed special values. */
    SPECIAL,
    /** Rows with no value. */
    MISSING,
    /** Categorical levels listed in no group (user bins), and at scoring time levels never seen. */
    ELSE
}
