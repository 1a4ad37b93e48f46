package dev.scorecard.crm.blend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The largest-remainder ledger: hand cases, then many random ones against exact arithmetic. */
class LedgerTest {
    @Test
    void handCases() {
        // 10 + 10 + 10.01 over three equal weights: 30.01 / 3 = 10.0033 -> 10; rounded down 3.33 each (remainders
        // 1, 1, 2 of 3), the missing hundredth to the third.
        assertThat(Ledger.split(new long[] {1, 1, 1}, new long[] {1000, 1000, 1001})).containsExactly(333, 333, 334);
        // 10 each: 3.33 x 3 = 9.99, the hundredth to the first of the tied remainders.
        assertThat(Ledger.split(new long[] {1, 1, 1}, new long[] {1000, 1000, 1000})).containsExactly(334, 333, 333);
        // 0.01 and 0.02 halved: 0.015 -> 0.02 (halves up) = 0.01 + 0.01.
        assertThat(Ledger.split(new long[] {1, 1}, new long[] {1, 2})).containsExactly(1, 1);
        // A part at weight 0 contributes nothing.
        assertThat(Ledger.split(new long[] {0, 3}, new long[] {9999, 4000})).containsExactly(0, 4000);
    }

    @Test
    void theContributionsSumToTheRoundedScoreAndEachIsWithinAHundredth() {
        SplittableRandom random = new SplittableRandom(15);
        for (int t = 0; t < 20_000; t++) {
            int n = 1 + random.nextInt(4);
            long[] w = new long[n];
            long[] v = new long[n];
            for (int p = 0; p < n; p++) {
                w[p] = random.nextInt(3) == 0 ? 0 : random.nextLong(1, 1_000_000);
                v[p] = random.nextLong(0, 10_001);
            }
            if (Arrays.stream(w).sum() == 0) {
                w[0] = 1;
            }
            long[] c = Ledger.split(w, v);
            java.math.BigDecimal sumW = java.math.BigDecimal.valueOf(Arrays.stream(w).sum());
            java.math.BigDecimal total = java.math.BigDecimal.ZERO;
            for (int p = 0; p < n; p++) {
                java.math.BigDecimal exact = java.math.BigDecimal.valueOf(w[p] * v[p]).divide(sumW, 10,
                        java.math.RoundingMode.HALF_EVEN);
                assertThat(Math.abs(c[p] - exact.doubleValue())).isLessThan(1);
                total = total.add(java.math.BigDecimal.valueOf(w[p] * v[p]));
            }
            long score = total.divide(sumW, 0, java.math.RoundingMode.HALF_UP).longValueExact();
            assertThat(Arrays.stream(c).sum()).isEqualTo(score);
        }
    }
}
