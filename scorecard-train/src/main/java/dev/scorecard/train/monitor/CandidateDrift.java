package dev.scorecard.train.monitor;

import dev.scorecard.core.model.VariableType;
import dev.scorecard.train.eval.DriftLevel;
import dev.scorecard.train.eval.PsiResult;
import java.util.List;
import java.util.Objects;

/**
 * How one variable that the model does not use moved from its training distribution: the CSI over
 * the bins the binning step gave it, and its missing share then and now.
 *
 * @param name the column
 * @param type numeric or categorical
 * @param binLabels the bins' labels, in the model file's order
 * @param trainingShares each bin's share of the training rows
 * @param csi the characteristic stability index over those bins; rows whose value has no bin (a
 *     missing value when training saw none, an unseen level without an else bin, text in a numeric
 *     column) are left out
 * @param level the CSI judged against the thresholds
 * @param baselineMissingShare share of training rows whose value was missing; NaN when binning
 *     merged them into a regular bin, so the file no longer tells them apart
 * @param missingShare share of current rows whose value is missing
 * @param unseen current rows with a level training never saw and no else bin to take it
 * @param notNumbers current rows whose value in this numeric column is not a number
 */
public record CandidateDrift(String name, VariableType type, List<String> binLabels, List<Double> trainingShares,
        PsiResult csi, DriftLevel level,
        double baselineMissingShare, double missingShare, long unseen, long notNumbers) {
    /** Copies the list; checks nothing is null. */
    public CandidateDrift {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        binLabels = List.copyOf(binLabels);
        trainingShares = List.copyOf(trainingShares);
        if (trainingShares.size() != binLabels.size()) {
            throw new IllegalArgumentException(name + ": " + binLabels.size() + " bins but " + trainingShares.size()
                    + " training shares");
        }
        Objects.requireNonNull(csi, "csi");
        Objects.requireNonNull(level, "level");
    }
}
