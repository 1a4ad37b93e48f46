package dev.scorecard.train.split;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The generator against the reference stream, so that a change of the algorithm fails here first. */
class SplitMix64Test {
    @Test
    void matchesTheReferenceImplementation() {
        // Vigna's splitmix64.c seeded with 0x1a2b3c4d5e6f7531, as listed in Apache Commons RNG's
        // SplitMix64Test.testReferenceCode (the first eight outputs).
        long[] expected = {0x4141302768c9e9d0L, 0x64df48c4eab51b1aL, 0x4e723b53dbd901b3L, 0xead8394409dd6454L,
            0x3ef60e485b412a0aL, 0xb2a23aee63aecf38L, 0x6cc3b8933c4fa332L, 0x9c9e75e031e6fccbL};
        SplitMix64 random = new SplitMix64(0x1a2b3c4d5e6f7531L);
        for (int i = 0; i < expected.length; i++) {
            assertThat(random.nextLong()).as("output %d", i).isEqualTo(expected[i]);
        }
    }

    @Test
    void nextIntStaysInBoundsAndCoversThem() {
        SplitMix64 random = new SplitMix64(7);
        int[] seen = new int[7];
        for (int i = 0; i < 7000; i++) {
            seen[random.nextInt(7)]++;
        }
        for (int count : seen) {
            // Expected 1000 each; 5 standard deviations (about 150) would be a broken mapping, not chance.
            assertThat(count).isBetween(850, 1150);
        }
        assertThat(new SplitMix64(1).nextInt(1)).isZero();
        for (int i = 0; i < 1000; i++) {
            assertThat(random.nextInt(Integer.MAX_VALUE)).isBetween(0, Integer.MAX_VALUE - 1);
        }
    }
}
