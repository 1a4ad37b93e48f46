package dev.scorecard.train.config;

import dev.scorecard.train.challenger.ChallengerKind;
import dev.scorecard.train.eval.DriftThresholds;
import dev.scorecard.train.eval.GateOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * What a config says about judging a model rather than building it: the go-live gates, a challenger
 * to fit beside the scorecard, and the drift thresholds.
 *
 * <pre>{@code
 * gates: {minAuc: 0.70, minKs: 0.30, maxPsi: 0.10}
 * challenger: gbm                 # or rf; --challenger
 * drift: {warn: 0.10, alert: 0.25}  # --warn, --alert
 * }</pre>
 *
 * @param gates the go-live gates (none by default)
 * @param challenger the challenger model kind, if any
 * @param drift when PSI and CSI warn and alert
 */
public record EvaluationConfig(GateOptions gates, Optional<ChallengerKind> challenger, DriftThresholds drift) {
    /** Checks nothing is null. */
    public EvaluationConfig {
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(challenger, "challenger");
        Objects.requireNonNull(drift, "drift");
    }

    /** @return no gates, no challenger, thresholds 0.10 and 0.25 */
    public static EvaluationConfig defaults() {
        return new EvaluationConfig(GateOptions.none(), Optional.empty(), DriftThresholds.defaults());
    }

    /** @return a copy with the challenger replaced */
    public EvaluationConfig withChallenger(Optional<ChallengerKind> challenger) {
        return new EvaluationConfig(gates, challenger, drift);
    }

    /** @return a copy with the drift thresholds replaced */
    public EvaluationConfig withDrift(DriftThresholds drift) {
        return new EvaluationConfig(gates, challenger, drift);
    }
}
