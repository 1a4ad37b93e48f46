package dev.scorecard.train.config;

import java.util.List;

/**
 * Cross-validated choice of the knobs that matter most ({@code --cv K}, config section {@code cv}).
 * With {@code folds} at 0 nothing is tuned and the configured values are used as they are.
 *
 * <p>The search is coordinate-wise, in this order: {@code minBinShare} (the binning's, for variables
 * without their own binning options), then {@code l2}, then {@code maxCorrelation}; each step keeps
 * the value with the highest mean held-out AUC over the folds, and a value replaces the configured
 * one only when it is strictly better, so ties keep the configuration as written.
 *
 * @param folds K, the number of stratified folds of the training rows; 0 for no tuning, else at least 2
 * @param minBinShare candidate values of the binning's {@code minBinShare}
 * @param l2 candidate values of {@code regression.l2}
 * @param maxCorrelation candidate values of {@code selection.maxCorrelation}
 */
public record CvOptions(int folds, List<Double> minBinShare, List<Double> l2, List<Double> maxCorrelation) {
    /** Validates K and the candidate lists. */
    public CvOptions {
        minBinShare = List.copyOf(minBinShare);
        l2 = List.copyOf(l2);
        maxCorrelation = List.copyOf(maxCorrelation);
        if (folds != 0 && (folds < 2 || folds > 20)) {
            throw new IllegalArgumentException("folds: " + folds + " is out of range; expected 0 (off) or 2 to 20 folds");
        }
        nonEmpty("minBinShare", minBinShare);
        nonEmpty("l2", l2);
        nonEmpty("maxCorrelation", maxCorrelation);
        for (double v : minBinShare) {
            if (!(v > 0 && v < 0.5)) {
                throw new IllegalArgumentException("minBinShare: " + v + " is out of range; expected above 0 and below 0.5");
            }
        }
        for (double v : l2) {
            if (!(v >= 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException("l2: " + v + " is out of range; expected a finite number, at least 0");
            }
        }
        for (double v : maxCorrelation) {
            if (!(v > 0 && v <= 1)) {
                throw new IllegalArgumentException("maxCorrelation: " + v + " is out of range; expected above 0 and at most 1");
            }
        }
    }

    private static void nonEmpty(String name, List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + ": no candidate values; expected at least one");
        }
    }

    /** @return off, with the default candidates ready for {@link #withFolds}: shares 0.05 and 0.02, l2 0, 1, 5 and 20, correlation 0.7 and 0.9 */
    public static CvOptions defaults() {
        return new CvOptions(0, List.of(0.05, 0.02), List.of(0.0, 1.0, 5.0, 20.0), List.of(0.7, 0.9));
    }

    /** @return a copy with K replaced */
    public CvOptions withFolds(int folds) {
        return new CvOptions(folds, minBinShare, l2, maxCorrelation);
    }

    /** @return true when the knobs are tuned */
    public boolean enabled() {
        return folds > 0;
    }
}
