package dev.scorecard.train.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.data.BinaryTarget;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** K stratified folds: every row held out exactly once, each class spread evenly, the same folds for a seed. */
class StratifiedFoldsTest {
    private static BinaryTarget target(int n, double rate, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (rnd.nextDouble() < rate ? 1 : 0);
        }
        return BinaryTarget.of("y", "1", y);
    }

    @ParameterizedTest
    @CsvSource({"1000, 0.3, 5", "997, 0.05, 3", "50, 0.5, 10", "12345, 0.11, 7"})
    void everyRowIsHeldOutOnceAndEachClassIsSpreadEvenly(int n, double rate, int k) {
        BinaryTarget t = target(n, rate, n);
        List<Split> folds = StratifiedFolds.split(t, k, 42);
        assertThat(folds).hasSize(k);
        int[] heldOut = new int[n];
        int minEvents = Integer.MAX_VALUE;
        int maxEvents = 0;
        int minNon = Integer.MAX_VALUE;
        int maxNon = 0;
        for (Split s : folds) {
            assertThat(s.trainCount() + s.testCount()).isEqualTo(n);
            int e = 0;
            for (int r : s.test()) {
                heldOut[r]++;
                e += t.event(r);
            }
            minEvents = Math.min(minEvents, e);
            maxEvents = Math.max(maxEvents, e);
            minNon = Math.min(minNon, s.testCount() - e);
            maxNon = Math.max(maxNon, s.testCount() - e);
        }
        assertThat(heldOut).containsOnly(1);
        // p mod K over each class's shuffled list: fold sizes per class differ by at most one.
        assertThat(maxEvents - minEvents).isLessThanOrEqualTo(1);
        assertThat(maxNon - minNon).isLessThanOrEqualTo(1);
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        BinaryTarget t = target(500, 0.2, 1);
        assertThat(StratifiedFolds.split(t, 5, 7)).isEqualTo(StratifiedFolds.split(t, 5, 7));
        assertThat(StratifiedFolds.split(t, 5, 7)).isNotEqualTo(StratifiedFolds.split(t, 5, 8));
    }

    @Test
    void tooFewFoldsOrTooFewEventsAreErrors() {
        BinaryTarget t = BinaryTarget.of("y", "1", new byte[] {1, 0, 0, 1, 0, 0, 0});
        assertThatThrownBy(() -> StratifiedFolds.split(t, 1, 1)).hasMessage("cv: 1 folds is out of range; expected at least 2");
        assertThatThrownBy(() -> StratifiedFolds.split(t, 3, 1))
                .hasMessage("cv: 3 folds need at least 3 events and 3 non-events in the training rows, found 2 and 5");
    }
}
