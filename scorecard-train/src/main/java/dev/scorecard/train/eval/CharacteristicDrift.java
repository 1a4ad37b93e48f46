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
 * @param baselineMissingShare share of training rows in the missing bin (0 when it had none); NaN when
 *     binning merged the missing values into a regular bin, whose share also counts other values
 * @param missingShare share of current rows whose value was missing (in the missing bin, the bin they
 *     were merged into, or neutral)
 * @param unseen current rows with a level training never saw and no else bin to take it
 * @param trainingWoe the model's WOE per bin
 * @param currentWoe the WOE per bin in the current rows, with the same 0.5 rule for empty counts;
 *     empty when the target is unknown or has one class
 * @param currentCounts the current rows per bin, in model order
 * @param currentEvents the current events per bin, in model order; empty when the target is unknown
 */
public record CharacteristicDrift(String name, List<String> binLabels, PsiResult csi, DriftLevel level,
        double baselineMissingShare, double missingShare, long unseen, List<Double> trainingWoe,
        Optional<List<Double>> currentWoe, List<Long> currentCounts, Optional<List<Long>> currentEvents) {
    /** Copies the lists. */
    public CharacteristicDrift {
        currentCounts = List.copyOf(currentCounts);
        currentEvents = currentEvents.map(List::copyOf);
        Objects.requireNonNull(name, "name");
        binLabels = List.copyOf(binLabels);
        Objects.requireNonNull(csi, "csi");
        Objects.requireNonNull(level, "level");
        trainingWoe = List.copyOf(trainingWoe);
        currentWoe = currentWoe.map(List::copyOf);
    }

    /** @return bin {@code j}'s event rate in the current rows; NaN when the target is unknown or the bin is empty */
    public double currentEventRate(int j) {
        long n = currentCounts.get(j);
        return currentEvents.isEmpty() || n == 0 ? Double.NaN : (double) currentEvents.get().get(j) / n;
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
