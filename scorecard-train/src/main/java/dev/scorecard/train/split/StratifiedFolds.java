package dev.scorecard.train.split;

import dev.scorecard.core.data.BinaryTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stratified K-fold cross-validation splits ({@code --cv K}): every fold holds out about 1/K of the
 * events and 1/K of the non-events, and every row is held out exactly once.
 *
 * <p>Like {@link StratifiedSplitter}, the algorithm is part of the contract, so that the same rows and
 * seed give the same folds on every JDK: list the event rows in increasing order, then the non-event
 * rows; shuffle each list in turn (events first) by a full Fisher–Yates pass with one
 * {@code SplitMix64} generator seeded with {@code seed} (position {@code i} swaps with
 * {@code i + nextInt(count - i)}); the row at shuffled position {@code p} is held out in fold
 * {@code p mod K}. Thread-safe: the class has no state.
 */
public final class StratifiedFolds {
    private StratifiedFolds() {
    }

    /**
     * @param target the binary target of the rows to fold
     * @param folds K, at least 2
     * @param seed the seed of the shuffle
     * @return K splits: in split {@code f}, {@code test} is fold {@code f} and {@code train} every other row
     * @throws IllegalArgumentException when K is below 2 or above the number of events or non-events
     */
    public static List<Split> split(BinaryTarget target, int folds, long seed) {
        Objects.requireNonNull(target, "target");
        if (folds < 2) {
            throw new IllegalArgumentException("cv: " + folds + " folds is out of range; expected at least 2");
        }
        if (folds > target.eventCount() || folds > target.nonEventCount()) {
            throw new IllegalArgumentException("cv: " + folds + " folds need at least " + folds + " events and " + folds
                    + " non-events in the training rows, found " + target.eventCount() + " and " + target.nonEventCount());
        }
        int n = target.size();
        ClassRows rows = ClassRows.of(target);
        int[] events = rows.events();
        int[] nonEvents = rows.nonEvents();
        SplitMix64 random = new SplitMix64(seed);
        int[] foldOf = new int[n];
        assign(events, folds, random, foldOf);
        assign(nonEvents, folds, random, foldOf);
        int[] size = new int[folds];
        for (int f : foldOf) {
            size[f]++;
        }
        List<Split> out = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            int[] train = new int[n - size[f]];
            int[] test = new int[size[f]];
            int t = 0;
            int s = 0;
            for (int row = 0; row < n; row++) {
                if (foldOf[row] == f) {
                    test[s++] = row;
                } else {
                    train[t++] = row;
                }
            }
            out.add(new Split(train, test));
        }
        return List.copyOf(out);
    }

    private static void assign(int[] rows, int folds, SplitMix64 random, int[] foldOf) {
        int count = rows.length;
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(count - i);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
            foldOf[rows[i]] = i % folds;
        }
    }
}
