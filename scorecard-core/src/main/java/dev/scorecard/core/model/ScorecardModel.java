package dev.scorecard.core.model;

import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.model.ScalingOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code model.json} holds (SPEC §6), in file order. Immutable.
 *
 * @param name the model's name
 * @param createdWith the tool and version that wrote it
 * @param target the target column
 * @param event the target value that is the event
 * @param nonEvent the target value that is the non-event, so that a file to evaluate or monitor is
 *     read with both labels; empty in a model written before it was kept
 * @param scaling how log-odds became points
 * @param basePoints the points of the base line
 * @param intercept the regression intercept
 * @param missingValues the missing tokens used in training, applied identically when scoring
 * @param unseen what to do with an unseen level when a characteristic has no else bin
 * @param characteristics the characteristics, in model order
 * @param coefficients the regression, intercept first
 * @param grades the grade table
 * @param score10 the 0–10 scale
 * @param baseline training distributions for monitoring
 * @param metrics discrimination on train and test
 * @param provenance where the model comes from
 * @param verification rows scored and compared on every load
 */
public record ScorecardModel(String name, String createdWith, String target, String event, Optional<String> nonEvent,
        ScalingOptions scaling,
        double basePoints, double intercept, List<String> missingValues, UnseenPolicy unseen,
        List<Characteristic> characteristics, List<Coefficient> coefficients, GradeTable grades, ScoreScale score10,
        Baseline baseline, List<SplitMetrics> metrics, Provenance provenance, List<VerificationCase> verification) {

    /** Copies the lists; checks names are unique and every part agrees on the characteristics. */
    public ScorecardModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdWith, "createdWith");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(nonEvent, "nonEvent");
        if (nonEvent.isPresent() && nonEvent.get().equals(event)) {
            throw new IllegalArgumentException("the non-event '" + event + "' is the event too");
        }
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(unseen, "unseen");
        Objects.requireNonNull(grades, "grades");
        Objects.requireNonNull(score10, "score10");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(provenance, "provenance");
        missingValues = List.copyOf(missingValues);
        characteristics = List.copyOf(characteristics);
        coefficients = List.copyOf(coefficients);
        metrics = List.copyOf(metrics);
        verification = List.copyOf(verification);
        if (!Double.isFinite(basePoints) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("basePoints and intercept must be finite");
        }
        Set<String> names = new HashSet<>();
        for (Characteristic c : characteristics) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("characteristic '" + c.name() + "' appears twice");
            }
            if (c.name().equals(target)) {
                throw new IllegalArgumentException("the target '" + target + "' cannot be a characteristic");
            }
        }
        if (baseline.characteristics().size() != characteristics.size()) {
            throw new IllegalArgumentException("baseline has " + baseline.characteristics().size()
                    + " characteristics, the model " + characteristics.size());
        }
        for (Baseline.Candidate c : baseline.candidates().orElse(List.of())) {
            if (names.contains(c.name()) || c.name().equals(target)) {
                throw new IllegalArgumentException("baseline candidate '" + c.name() + "' is "
                        + (names.contains(c.name()) ? "a characteristic" : "the target")
                        + "; the candidates are the binned variables the model does not use");
            }
        }
    }

    /**
     * A model whose non-event label is not known, as in files written before it was kept.
     *
     * @see #ScorecardModel(String, String, String, String, Optional, ScalingOptions, double, double, List,
     *     UnseenPolicy, List, List, GradeTable, ScoreScale, Baseline, List, Provenance, List)
     */
    public ScorecardModel(String name, String createdWith, String target, String event, ScalingOptions scaling,
            double basePoints, double intercept, List<String> missingValues, UnseenPolicy unseen,
            List<Characteristic> characteristics, List<Coefficient> coefficients, GradeTable grades, ScoreScale score10,
            Baseline baseline, List<SplitMetrics> metrics, Provenance provenance, List<VerificationCase> verification) {
        this(name, createdWith, target, event, Optional.empty(), scaling, basePoints, intercept, missingValues, unseen,
                characteristics, coefficients, grades, score10, baseline, metrics, provenance, verification);
    }

    /**
     * The parts that come from scoring the training rows with this model's points: a trainer builds
     * the model once with provisional ones, scores, then fills them in.
     *
     * @return a copy with the grades, the 0–10 scale, the baseline and the metrics replaced
     */
    public ScorecardModel withScoreDerived(GradeTable grades, ScoreScale score10, Baseline baseline,
            List<SplitMetrics> metrics) {
        return new ScorecardModel(name, createdWith, target, event, nonEvent, scaling, basePoints, intercept, missingValues, unseen,
                characteristics, coefficients, grades, score10, baseline, metrics, provenance, verification);
    }

    /** @return a copy with the verification rows replaced */
    public ScorecardModel withVerification(List<VerificationCase> verification) {
        return new ScorecardModel(name, createdWith, target, event, nonEvent, scaling, basePoints, intercept, missingValues, unseen,
                characteristics, coefficients, grades, score10, baseline, metrics, provenance, verification);
    }
}
