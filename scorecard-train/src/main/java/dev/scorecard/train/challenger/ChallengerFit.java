package dev.scorecard.train.challenger;

import dev.scorecard.train.eval.KsResult;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a challenger model achieved on the same split as the scorecard. Immutable: the probabilities
 * are copied on the way in and on the way out.
 *
 * @param kind which model
 * @param options the options it was fitted with
 * @param features the names of the dataset's feature columns it was fitted on, in dataset order (the
 *     missing-value indicators it adds are not listed)
 * @param trainAuc the AUC of its event probability on the training rows (in-sample, so optimistic)
 * @param testAuc the AUC of its event probability on the test rows
 * @param testKs the KS of its event probability on the test rows
 * @param testProbabilities the event probability of each test row, in test row order
 */
public record ChallengerFit(ChallengerKind kind, ChallengerOptions options, List<String> features, double trainAuc,
        double testAuc, KsResult testKs, double[] testProbabilities) {

    /** Checks the parts and copies the lists and the array. */
    public ChallengerFit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(testKs, "testKs");
        features = List.copyOf(features);
        testProbabilities = Objects.requireNonNull(testProbabilities, "testProbabilities").clone();
        if (options.kind() != kind) {
            throw new IllegalArgumentException("kind " + kind + " differs from the options' kind " + options.kind());
        }
        if (!(trainAuc >= 0 && trainAuc <= 1) || !(testAuc >= 0 && testAuc <= 1)) {
            throw new IllegalArgumentException("AUCs must be between 0 and 1, got train " + trainAuc + " and test " + testAuc);
        }
    }

    /** @return a copy of the test rows' event probabilities */
    @Override
    public double[] testProbabilities() {
        return testProbabilities.clone();
    }

    /** @return the test Gini, {@code 2·testAuc − 1} */
    public double testGini() {
        return 2 * testAuc - 1;
    }

    /** @return true for a fit with equal parts, the probabilities compared by content */
    @Override
    public boolean equals(Object o) {
        return o instanceof ChallengerFit f && kind == f.kind && options.equals(f.options) && features.equals(f.features)
                && Double.compare(trainAuc, f.trainAuc) == 0 && Double.compare(testAuc, f.testAuc) == 0
                && testKs.equals(f.testKs) && Arrays.equals(testProbabilities, f.testProbabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, options, features, trainAuc, testAuc, testKs) * 31 + Arrays.hashCode(testProbabilities);
    }

    /** @return the kind, the metrics and the sizes, not the probabilities */
    @Override
    public String toString() {
        return "ChallengerFit[" + kind.configName() + ", " + features.size() + " features, trainAuc=" + trainAuc
                + ", testAuc=" + testAuc + ", testKs=" + testKs.ks() + ", " + testProbabilities.length + " test rows]";
    }
}
