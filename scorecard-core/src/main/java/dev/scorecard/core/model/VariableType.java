package dev.scorecard.core.model;

/** Whether a characteristic is binned by ranges of numbers or by groups of levels. */
public enum VariableType {
    /** Ranges {@code [a, b)} of a number. */
    NUMERIC,
    /** Groups of text levels. */
    CATEGORICAL
}
