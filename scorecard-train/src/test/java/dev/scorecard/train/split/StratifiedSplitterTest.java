package dev.scorecard.train.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.data.BinaryTarget;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stratified split: determinism, exact counts per class, event rates, and a golden split. */
class StratifiedSplitterTest {
    private static final long SEED = 20261124L;

    private static BinaryTarget randomTarget(SplittableRandom rnd, int n, double eventRate) {
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (rnd.nextDouble() < eventRate ? 1 : 0);
        }
        return BinaryTarget.of("y", "1", y);
    }

    private static int events(BinaryTarget target, int[] rows) {
        int e = 0;
        for (int r : rows) {
            e += target.event(r);
        }
        return e;
    }

    @Test
    void goldenSplitForSeed42() {
        // 20 rows, events at 0, 3, 7, 8, 12, 15, 19. If this fails, the algorithm or its generator
        // changed and every user's seeded split with it: that needs a deliberate, announced decision.
        byte[] y = new byte[20];
        for (int e : new int[] {0, 3, 7, 8, 12, 15, 19}) {
            y[e] = 1;
        }
        // Expected values also produced by a separate Python transcription of the algorithm in the
        // class Javadoc (SplitMix64, Lemire's nextInt, partial Fisher–Yates, events first): 5 of the 7
        // events (round(4.9)) and 9 of the 13 non-events (round(9.1)) go to train.
        Split split = StratifiedSplitter.split(BinaryTarget.of("y", "1", y), 0.7, 42);
        assertThat(split.train()).containsExactly(2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 14, 15, 16, 17);
        assertThat(split.test()).containsExactly(0, 1, 9, 13, 18, 19);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        BinaryTarget target = randomTarget(new SplittableRandom(SEED), 1000, 0.2);
        Split a = StratifiedSplitter.split(target, 0.7, 42);
        assertThat(StratifiedSplitter.split(target, 0.7, 42)).isEqualTo(a);
        assertThat(StratifiedSplitter.split(target, 0.7, 43)).isNotEqualTo(a);
        assertThat(StratifiedSplitter.split(target, 0.7, -42)).isNotEqualTo(a);
    }

    @Test
    void exactCountsPerClassAndEqualEventRates() {
        System.out.println("StratifiedSplitterTest seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int c = 0; c < 200; c++) {
            int n = 2 + rnd.nextInt(c < 100 ? 50 : 5000);
            BinaryTarget target = randomTarget(rnd, n, rnd.nextDouble() * 0.6);
            if (target.eventCount() == 0 || target.nonEventCount() == 0) {
                continue;
            }
            double share = 0.05 + 0.9 * rnd.nextDouble();
            long seed = rnd.nextLong();
            long trainE = Math.round(share * target.eventCount());
            long trainN = Math.round(share * target.nonEventCount());
            String where = String.format("seed %d, case %d, n %d, share %s", SEED, c, n, share);
            if (trainE + trainN == 0 || trainE + trainN == n) {
                continue;
            }
            Split split = StratifiedSplitter.split(target, share, seed);
            int[] train = split.train();
            int[] test = split.test();
            assertThat(train.length + test.length).as(where).isEqualTo(n);
            assertThat(events(target, train)).as(where).isEqualTo((int) trainE);
            assertThat(train.length - events(target, train)).as(where).isEqualTo((int) trainN);
            // Each part's event count is within one row of what the overall event rate predicts
            // (within half a row, in fact: each class is rounded once).
            double rate = (double) target.eventCount() / n;
            assertThat(Math.abs(events(target, train) - train.length * rate)).as(where).isLessThanOrEqualTo(1.0);
            assertThat(Math.abs(events(target, test) - test.length * rate)).as(where).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void everyRowIsEquallyLikelyToBeChosen() {
        // 10 events, 3 to train: over 20,000 seeds each event should be picked about 6,000 times. A
        // biased shuffle (e.g. j drawn from the whole list) shows up as a skew far beyond 5 sigma (~320).
        byte[] y = new byte[11];
        Arrays.fill(y, 0, 10, (byte) 1);
        BinaryTarget target = BinaryTarget.of("y", "1", y);
        int[] picked = new int[11];
        for (long seed = 0; seed < 20_000; seed++) {
            for (int r : StratifiedSplitter.split(target, 0.3, seed).train()) {
                picked[r]++;
            }
        }
        for (int r = 0; r < 10; r++) {
            assertThat(picked[r]).as("row %d", r).isBetween(5680, 6320);
        }
        assertThat(picked[10]).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
    void trainShareMustBeStrictlyBetweenZeroAndOne(double share) {
        BinaryTarget target = BinaryTarget.of("y", "1", new byte[] {1, 0, 1, 0});
        assertThatThrownBy(() -> StratifiedSplitter.split(target, share, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trainShare must be strictly between 0 and 1, got " + share);
    }

    @Test
    void aSplitWithAnEmptyPartIsAnError() {
        BinaryTarget target = BinaryTarget.of("y", "1", new byte[] {1, 0});
        assertThatThrownBy(() -> StratifiedSplitter.split(target, 0.7, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trainShare 0.7 of 1 events and 1 non-events leaves test with no rows");
        assertThatThrownBy(() -> StratifiedSplitter.split(target, 0.2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trainShare 0.2 of 1 events and 1 non-events leaves train with no rows");
    }

    @Test
    void singleClassTargetsAreSplitToo() {
        Split split = StratifiedSplitter.split(BinaryTarget.of("y", "1", new byte[10]), 0.5, 3);
        assertThat(split.trainCount()).isEqualTo(5);
        assertThat(split.testCount()).isEqualTo(5);
    }
}
