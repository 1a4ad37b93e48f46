package dev.scorecard.train.split;

import dev.scorecard.core.data.BinaryTarget;
import java.util.Objects;

/**
 * The random split stratified by the target ({@code --split 0.7 --seed 42}, SPEC §4): events and
 * non-events are split separately, so both parts have the full data's event rate to within one row.
 *
 * <p>The algorithm is part of the contract, because a model's provenance records the seed and the
 * same data and seed must give the same split on every JDK:
 * <ol>
 *   <li>List the event rows in increasing order, then the non-event rows in increasing order.
 *   <li>For each list in turn (events first), with one {@code SplitMix64} generator seeded with
 *       {@code seed}: {@code k = Math.round(trainShare * count)} (half rounds up); a partial
 *       Fisher–Yates shuffle swaps position {@code i} with position {@code i + nextInt(count - i)}
 *       for {@code i = 0 .. k-1}; the first {@code k} rows of the list go to train.
 *   <li>Every other row goes to test; both parts are returned in increasing row order.
 * </ol>
 * {@code nextInt} is Lemire's unbiased multiply-and-reject method on the upper 32 bits of each
 * SplitMix64 output. Thread-safe: the class has no state.
 */
public final class StratifiedSplitter {
    private StratifiedSplitter() {
    }

    /**
     * @param target the binary target of the full dataset
     * @param trainShare the share of events, and of non-events, that goes to train; strictly between 0
     *     and 1
     * @param seed the seed of the shuffle
     * @return the split
     * @throws IllegalArgumentException when {@code trainShare} is outside (0, 1), or when train or test
     *     would have no rows
     */
    public static Split split(BinaryTarget target, double trainShare, long seed) {
        Objects.requireNonNull(target, "target");
        if (!(trainShare > 0 && trainShare < 1)) {
            throw new IllegalArgumentException("trainShare must be strictly between 0 and 1, got " + trainShare);
        }
        int n = target.size();
        ClassRows rows = ClassRows.of(target);
        int[] events = rows.events();
        int[] nonEvents = rows.nonEvents();
        SplitMix64 random = new SplitMix64(seed);
        boolean[] inTrain = new boolean[n];
        int trainCount = pick(events, trainShare, random, inTrain) + pick(nonEvents, trainShare, random, inTrain);
        if (trainCount == 0 || trainCount == n) {
            throw new IllegalArgumentException("trainShare " + trainShare + " of " + target.eventCount()
                    + " events and " + target.nonEventCount() + " non-events leaves "
                    + (trainCount == 0 ? "train" : "test") + " with no rows");
        }
        int[] train = new int[trainCount];
        int[] test = new int[n - trainCount];
        int t = 0;
        int s = 0;
        for (int row = 0; row < n; row++) {
            if (inTrain[row]) {
                train[t++] = row;
            } else {
                test[s++] = row;
            }
        }
        return new Split(train, test);
    }

    /** Shuffles the first k of {@code rows} into place, marks them and returns k. */
    private static int pick(int[] rows, double trainShare, SplitMix64 random, boolean[] inTrain) {
        int count = rows.length;
        int k = (int) Math.round(trainShare * count);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(count - i);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
            inTrain[rows[i]] = true;
        }
        return k;
    }
}
