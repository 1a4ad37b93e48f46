package dev.scorecard.train.config;

import dev.scorecard.core.model.GradeTable;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.core.regression.LogisticOptions;
import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.train.select.SelectionOptions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code train} needs beyond loading and binning: the split, selection, regression, scaling,
 * grades and scoring policy.
 *
 * @param name the model's name (default: the data file's name without extension)
 * @param split the training share of a random stratified split
 * @param seed the random seed
 * @param timeColumn for an out-of-time split: the time column
 * @param ootFrom for an out-of-time split: rows on or after this go to the test set
 * @param selection selection thresholds
 * @param regression regression options
 * @param scaling points scaling
 * @param gradeNames grade names, best first
 * @param gradeShares share of training rows per grade, best first (used when no cut-offs are given)
 * @param gradeCutoffs lowest score of each grade but the last, best first (empty: from the shares)
 * @param unseen the unseen-level policy written into the model
 * @param cv the cross-validated choice of binning share, L2 and correlation threshold (off by default)
 */
public record TrainingConfig(Optional<String> name, double split, long seed, Optional<String> timeColumn,
        Optional<String> ootFrom, SelectionOptions selection, LogisticOptions regression, ScalingOptions scaling,
        List<String> gradeNames, List<Double> gradeShares, List<Double> gradeCutoffs, UnseenPolicy unseen, CvOptions cv) {
    /** Validates the split and the grade lists. */
    public TrainingConfig {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(regression, "regression");
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(unseen, "unseen");
        Objects.requireNonNull(cv, "cv");
        gradeNames = List.copyOf(gradeNames);
        gradeShares = List.copyOf(gradeShares);
        gradeCutoffs = List.copyOf(gradeCutoffs);
        if (!(split > 0 && split < 1)) {
            throw new IllegalArgumentException("split: " + split + " is out of range; expected above 0 and below 1");
        }
        if (timeColumn.isPresent() != ootFrom.isPresent()) {
            throw new IllegalArgumentException("timeColumn and ootFrom go together: give both or neither");
        }
        if (gradeNames.isEmpty()) {
            throw new IllegalArgumentException("grades: at least one grade name is needed");
        }
        if (gradeCutoffs.isEmpty()) {
            if (gradeShares.size() != gradeNames.size()) {
                throw new IllegalArgumentException("grades: " + gradeNames.size() + " names need as many shares, found "
                        + gradeShares.size());
            }
            double sum = gradeShares.stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - 1) > 1e-9 || gradeShares.stream().anyMatch(s -> !(s > 0))) {
                throw new IllegalArgumentException("grades: shares must be positive and add up to 1, found " + gradeShares);
            }
        } else if (gradeCutoffs.size() != gradeNames.size() - 1) {
            throw new IllegalArgumentException("grades: " + gradeNames.size() + " names need " + (gradeNames.size() - 1)
                    + " cut-offs, found " + gradeCutoffs.size());
        }
    }

    /** @return SPEC defaults: 70/30 split, seed 42, grades A–E at 10/20/30/20/20 % */
    public static TrainingConfig defaults() {
        List<Double> shares = new java.util.ArrayList<>();
        for (double s : GradeTable.DEFAULT_SHARES) {
            shares.add(s);
        }
        return new TrainingConfig(Optional.empty(), 0.7, 42, Optional.empty(), Optional.empty(),
                SelectionOptions.defaults(), LogisticOptions.defaults(), ScalingOptions.defaults(), GradeTable.DEFAULT_NAMES,
                shares, List.of(), UnseenPolicy.ELSE_BIN_NEUTRAL, CvOptions.defaults());
    }

    /** @return a copy with the split share and seed replaced */
    public TrainingConfig withSplit(double split, long seed) {
        return new TrainingConfig(name, split, seed, timeColumn, ootFrom, selection, regression, scaling, gradeNames,
                gradeShares, gradeCutoffs, unseen, cv);
    }

    /** @return a copy with an out-of-time split */
    public TrainingConfig withOutOfTime(String timeColumn, String ootFrom) {
        return new TrainingConfig(name, split, seed, Optional.of(timeColumn), Optional.of(ootFrom), selection, regression,
                scaling, gradeNames, gradeShares, gradeCutoffs, unseen, cv);
    }

    /** @return a copy with the name replaced */
    public TrainingConfig withName(String name) {
        return new TrainingConfig(Optional.of(name), split, seed, timeColumn, ootFrom, selection, regression, scaling,
                gradeNames, gradeShares, gradeCutoffs, unseen, cv);
    }

    /** @return a copy with the selection options replaced */
    public TrainingConfig withSelection(SelectionOptions selection) {
        return new TrainingConfig(name, split, seed, timeColumn, ootFrom, selection, regression, scaling, gradeNames,
                gradeShares, gradeCutoffs, unseen, cv);
    }

    /** @return a copy with the cross-validation options replaced */
    public TrainingConfig withCv(CvOptions cv) {
        return new TrainingConfig(name, split, seed, timeColumn, ootFrom, selection, regression, scaling, gradeNames,
                gradeShares, gradeCutoffs, unseen, cv);
    }

    /** @return a copy with the regression options replaced */
    public TrainingConfig withRegression(LogisticOptions regression) {
        return new TrainingConfig(name, split, seed, timeColumn, ootFrom, selection, regression, scaling, gradeNames,
                gradeShares, gradeCutoffs, unseen, cv);
    }

    /** @return a copy with the scaling replaced */
    public TrainingConfig withScaling(ScalingOptions scaling) {
        return new TrainingConfig(name, split, seed, timeColumn, ootFrom, selection, regression, scaling, gradeNames,
                gradeShares, gradeCutoffs, unseen, cv);
    }
}
