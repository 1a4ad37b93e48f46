package dev.scorecard.train.config;

import dev.scorecard.train.challenger.ChallengerKind;
import dev.scorecard.train.eval.CutoffOptions;
import dev.scorecard.train.eval.DriftThresholds;
import dev.scorecard.train.eval.GateOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * What a config says about judging a model rather than building it: the go-live gates, a challenger
 * to fit beside the scorecard, the drift thresholds and the bands of the cut-off table.
 *
 * <pre>{@code
 * gates: {minAuc: 0.70, minKs: 0.30, maxPsi: 0.10}
 * challenger: gbm                 # or rf; --challenger
 * drift: {warn: 0.10, alert: 0.25}  # --warn, --alert
 * cutoffs: {bands: 10}            # or {width: 20}; --cutoff-bands, --cutoff-width
 * }</pre>
 *
 * @param gates the go-live gates (none by default)
 * @param challenger the challenger model kind, if any
 * @param drift when PSI and CSI warn and alert
 * @param cutoffs how the cut-off table bands the score
 */
public record EvaluationConfig(GateOptions gates, Optional<ChallengerKind> challenger, DriftThresholds drift,
        CutoffOptions cutoffs) {
    /** Checks nothing is null. */
    public EvaluationConfig {
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(challenger, "challenger");
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(cutoffs, "cutoffs");
    }

    /** @return no gates, no challenger, thresholds 0.10 and 0.25, ten equal-frequency cut-off bands */
    public static EvaluationConfig defaults() {
        return new EvaluationConfig(GateOptions.none(), Optional.empty(), DriftThresholds.defaults(),
                CutoffOptions.defaults());
    }

    /** @return a copy with the challenger replaced */
    public EvaluationConfig withChallenger(Optional<ChallengerKind> challenger) {
        return new EvaluationConfig(gates, challenger, drift, cutoffs);
    }

    /** @return a copy with the drift thresholds replaced */
    public EvaluationConfig withDrift(DriftThresholds drift) {
        return new EvaluationConfig(gates, challenger, drift, cutoffs);
    }

    /** @return a copy with the cut-off bands replaced */
    public EvaluationConfig withCutoffs(CutoffOptions cutoffs) {
        return new EvaluationConfig(gates, challenger, drift, cutoffs);
    }
}
