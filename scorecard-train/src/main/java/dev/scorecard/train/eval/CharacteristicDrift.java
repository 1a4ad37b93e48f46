package dev.scorecard.train.eval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one characteristic's rows moved from the training baseline (SPEC §9): the CSI over its bins,
 * its missing share then and now, the levels never seen in training, and, when the target is known,
 * the WOE each bin shows now beside the WOE the model was trained with.
 *
 * @param name the characteristic
 * @param binLabels the bins' labels, in model order
 * @param csi the characteristic stability index over the bins (rows that scored neutrally are left out)
 * @param level the CSI judged against the thresholds
 * @param baselineMissingShare share of training rows in the missing bin (0 when it had none)
 * @param missingShare share of current rows whose value was missing (in the missing bin or neutral)
 * @param unseen current rows with a level training never saw and no else bin to take it
 * @param trainingWoe the model's WOE per bin
 * @param currentWoe the WOE per bin in the current rows, with the same 0.5 rule for empty counts;
 *     empty when the target is unknown or has one class
 */
public record CharacteristicDrift(String name, List<String> binLabels, PsiResult csi, DriftLevel level,
        double baselineMissingShare, double missingShare, long unseen, List<Double> trainingWoe,
        Optional<List<Double>> currentWoe) {
    /** Copies the lists. */
    public CharacteristicDrift {
        Objects.requireNonNull(name, "name");
        binLabels = List.copyOf(binLabels);
        Objects.requireNonNull(csi, "csi");
        Objects.requireNonNull(level, "level");
        trainingWoe = List.copyOf(trainingWoe);
        currentWoe = currentWoe.map(List::copyOf);
    }

    /** @return the largest absolute change of a bin's WOE, when the current WOE is known */
    public Optional<Double> maxWoeShift() {
        return currentWoe.map(now -> {
            double max = 0;
            for (int j = 0; j < now.size(); j++) {
                max = Math.max(max, Math.abs(now.get(j) - trainingWoe.get(j)));
            }
            return max;
        });
    }
}
