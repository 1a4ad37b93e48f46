package dev.scorecard.train.challenger;

import java.util.Objects;

/**
 * How a challenger model is fitted. Start from {@link #defaults(ChallengerKind)} and change what
 * differs with the {@code withX} methods.
 *
 * <p>The defaults are chosen to fit 1k to 1M rows in seconds to minutes on a few cores, not to win a
 * competition: the challenger is a yardstick for the scorecard, so it must be strong but cheap.
 *
 * @param kind which model
 * @param trees the number of trees (boosting iterations for {@code gbm}); 1 to 100,000
 * @param maxDepth the deepest a tree may grow; at least 1
 * @param maxNodes the most leaves a tree may have; at least 2
 * @param nodeSize a node with fewer than twice this many rows is not split, so every leaf holds at
 *     least this many (sampled) rows; at least 1
 * @param shrinkage the learning rate of {@code gbm}, in (0, 1]; not used by {@code rf}
 * @param subsample the share of training rows each tree sees, in (0, 1], drawn per class: for
 *     {@code gbm} without replacement; for {@code rf} 1 means a bootstrap sample (with replacement) and
 *     less than 1 a sample without replacement
 * @param seed the seed of every random draw; the same data, options and seed give the same model
 */
public record ChallengerOptions(ChallengerKind kind, int trees, int maxDepth, int maxNodes, int nodeSize,
        double shrinkage, double subsample, long seed) {

    /** The seed of {@link #defaults(ChallengerKind)}, the same as the split's default. */
    public static final long DEFAULT_SEED = 42;

    /** Validates every option, naming it and the allowed range. */
    public ChallengerOptions {
        Objects.requireNonNull(kind, "kind");
        if (trees < 1 || trees > 100_000) {
            throw new IllegalArgumentException("trees: " + trees + " is out of range; expected from 1 to 100000");
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth: " + maxDepth + " is out of range; expected at least 1");
        }
        if (maxNodes < 2) {
            throw new IllegalArgumentException("maxNodes: " + maxNodes + " is out of range; expected at least 2");
        }
        if (nodeSize < 1) {
            throw new IllegalArgumentException("nodeSize: " + nodeSize + " is out of range; expected at least 1");
        }
        if (!(shrinkage > 0 && shrinkage <= 1)) {
            throw new IllegalArgumentException("shrinkage: " + shrinkage + " is out of range; expected above 0, at most 1");
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample: " + subsample + " is out of range; expected above 0, at most 1");
        }
    }

    /**
     * The defaults of a kind, seed {@value #DEFAULT_SEED}.
     * <ul>
     *   <li>{@code gbm}: 300 trees of at most 16 leaves and depth 8, leaves of at least 50 rows,
     *       shrinkage 0.05, each tree on 70 % of the rows (Friedman's stochastic boosting).
     *   <li>{@code rf}: 200 trees of at most 4096 leaves and depth 20, leaves of at least 5 rows,
     *       each tree on a bootstrap sample; {@code floor(sqrt(p))} columns tried per split.
     * </ul>
     * Both cap the leaves rather than letting trees grow with the data, so that time and memory stay
     * about linear in the rows up to 1M. Measured on UCI bank marketing without {@code duration}
     * (31,648 training rows, 15 features, 2 cores): {@code gbm} test AUC 0.804 in about 7 s, {@code rf}
     * 0.794 in about 10 s; larger trees or more of them did not do better there or on German credit.
     *
     * @param kind which model
     * @return the defaults for it
     */
    public static ChallengerOptions defaults(ChallengerKind kind) {
        Objects.requireNonNull(kind, "kind");
        return switch (kind) {
            case GBM -> new ChallengerOptions(kind, 300, 8, 16, 50, 0.05, 0.7, DEFAULT_SEED);
            case RF -> new ChallengerOptions(kind, 200, 20, 4096, 5, 0.05, 1.0, DEFAULT_SEED);
        };
    }

    /** @return a copy with this kind; the other options are kept as they are */
    public ChallengerOptions withKind(ChallengerKind newKind) {
        return new ChallengerOptions(newKind, trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample, seed);
    }

    /** @return a copy with this number of trees */
    public ChallengerOptions withTrees(int newTrees) {
        return new ChallengerOptions(kind, newTrees, maxDepth, maxNodes, nodeSize, shrinkage, subsample, seed);
    }

    /** @return a copy with this maximum depth */
    public ChallengerOptions withMaxDepth(int newMaxDepth) {
        return new ChallengerOptions(kind, trees, newMaxDepth, maxNodes, nodeSize, shrinkage, subsample, seed);
    }

    /** @return a copy with this maximum number of leaves */
    public ChallengerOptions withMaxNodes(int newMaxNodes) {
        return new ChallengerOptions(kind, trees, maxDepth, newMaxNodes, nodeSize, shrinkage, subsample, seed);
    }

    /** @return a copy with this node size */
    public ChallengerOptions withNodeSize(int newNodeSize) {
        return new ChallengerOptions(kind, trees, maxDepth, maxNodes, newNodeSize, shrinkage, subsample, seed);
    }

    /** @return a copy with this shrinkage */
    public ChallengerOptions withShrinkage(double newShrinkage) {
        return new ChallengerOptions(kind, trees, maxDepth, maxNodes, nodeSize, newShrinkage, subsample, seed);
    }

    /** @return a copy with this subsample share */
    public ChallengerOptions withSubsample(double newSubsample) {
        return new ChallengerOptions(kind, trees, maxDepth, maxNodes, nodeSize, shrinkage, newSubsample, seed);
    }

    /** @return a copy with this seed */
    public ChallengerOptions withSeed(long newSeed) {
        return new ChallengerOptions(kind, trees, maxDepth, maxNodes, nodeSize, shrinkage, subsample, newSeed);
    }
}
