package dev.scorecard.train.trainer;

import dev.scorecard.core.Scorecard;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.regression.LogisticFit;
import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.select.SelectionRow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ScorecardTrainer} fitted, and what a report or a table needs to show how.
 *
 * @param model the fitted model, verification rows included: what {@code model.json} holds
 * @param scorecard a scorer over it
 * @param binning every candidate's binning result, in column order
 * @param selection one row per candidate: kept, or removed with the step and reason
 * @param fit the final regression
 * @param train the rows the model was fitted on
 * @param test the rows held out (may be empty)
 * @param cv what cross-validation tried and chose, when it was on
 */
public record TrainedScorecard(ScorecardModel model, Scorecard scorecard, List<VariableResult> binning,
        List<SelectionRow> selection, LogisticFit fit, Dataset train, Dataset test,
        Optional<CvResult> cv) {
    /** Copies the lists. */
    public TrainedScorecard {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(cv, "cv");
        binning = List.copyOf(binning);
        selection = List.copyOf(selection);
    }

    /** @return true when the held-out rows hold both classes, so they can be measured */
    public boolean testUsable() {
        return TrainingScores.measurable(test);
    }
}
