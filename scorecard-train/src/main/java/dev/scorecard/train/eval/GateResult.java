package dev.scorecard.train.eval;

import java.util.Objects;

/**
 * One go-live gate checked against an evaluation.
 *
 * @param gate the gate's config name, with its grade where it has one, e.g. {@code minAuc} or
 *     {@code minPrecisionAtGrade.B}
 * @param threshold the configured bound
 * @param actual the measured value
 * @param passed whether the value is on the right side of the bound (a bound is inclusive)
 */
public record GateResult(String gate, double threshold, double actual, boolean passed) {
    /** Checks the name. */
    public GateResult {
        Objects.requireNonNull(gate, "gate");
    }
}
