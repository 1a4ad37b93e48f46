package dev.scorecard.train.trainer;

import java.util.List;

/**
 * What {@code --cv K} tried and chose.
 *
 * @param folds K
 * @param trials every setting tried, in the order of the search
 * @param minBinShare the chosen binning share
 * @param l2 the chosen L2 penalty
 * @param maxCorrelation the chosen correlation threshold
 */
public record CvResult(int folds, List<CvTrial> trials, double minBinShare, double l2, double maxCorrelation) {
    /** Copies the list. */
    public CvResult {
        trials = List.copyOf(trials);
    }

    /** @return the chosen trial */
    public CvTrial chosen() {
        return trials.stream().filter(CvTrial::chosen).findFirst().orElseThrow();
    }
}
