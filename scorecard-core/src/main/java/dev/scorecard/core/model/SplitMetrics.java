package dev.scorecard.core.model;

import java.util.Objects;

/**
 * Discrimination measured on one part of the data.
 *
 * @param split {@code train} or {@code test}
 * @param rows rows scored
 * @param events events among them
 * @param auc area under the ROC curve
 * @param ks Kolmogorov–Smirnov statistic
 * @param gini 2·AUC − 1
 */
public record SplitMetrics(String split, long rows, long events, double auc, double ks, double gini) {
    /** Checks the name. */
    public SplitMetrics {
        Objects.requireNonNull(split, "split");
    }
}
