package dev.scorecard.train.trainer;

import java.util.Optional;

/**
 * One candidate setting tried by cross-validation and how it did on the held-out folds.
 *
 * @param knob the knob this step of the search varied: {@code minBinShare}, {@code l2} or {@code maxCorrelation}
 * @param minBinShare the binning's minimum bin share tried
 * @param l2 the L2 penalty tried
 * @param maxCorrelation the correlation threshold tried
 * @param meanAuc the mean of the folds' held-out AUCs; NaN when the setting failed
 * @param sdAuc their sample standard deviation; NaN when the setting failed
 * @param chosen true for the setting the search ended on (one trial only)
 * @param failure why a fold could not be fitted with this setting, if one could not
 */
public record CvTrial(String knob, double minBinShare, double l2, double maxCorrelation, double meanAuc, double sdAuc,
        boolean chosen, Optional<String> failure) {
    /** Checks the fields are present. */
    public CvTrial {
        java.util.Objects.requireNonNull(knob, "knob");
        java.util.Objects.requireNonNull(failure, "failure");
    }

    CvTrial asChosen() {
        return new CvTrial(knob, minBinShare, l2, maxCorrelation, meanAuc, sdAuc, true, failure);
    }
}
