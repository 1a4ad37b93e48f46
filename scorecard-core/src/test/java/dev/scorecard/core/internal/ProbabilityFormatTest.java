package dev.scorecard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProbabilityFormatTest {
    @Test
    void fifteenDecimalsWithoutTrailingZeros() {
        assertThat(ProbabilityFormat.format(0.5)).isEqualTo("0.5");
        assertThat(ProbabilityFormat.format(0.011436085174170746)).isEqualTo("0.011436085174171");
        assertThat(ProbabilityFormat.format(0)).isEqualTo("0");
        assertThat(ProbabilityFormat.format(1)).isEqualTo("1");
        assertThat(ProbabilityFormat.format(1e-16)).isEqualTo("0");
        assertThat(ProbabilityFormat.format(0.9999999999999999)).isEqualTo("1");
        assertThat(ProbabilityFormat.format(0.000123)).isEqualTo("0.000123");
        assertThat(ProbabilityFormat.oneDecimal(6.9)).isEqualTo("6.9");
        assertThat(ProbabilityFormat.oneDecimal(10)).isEqualTo("10.0");
        assertThat(ProbabilityFormat.oneDecimal(0.04)).isEqualTo("0.0");
    }

    @Test
    void alwaysWithin1e15OfTheValue() {
        long seed = 17;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 100_000; i++) {
            double p = rnd.nextDouble();
            assertThat(Double.parseDouble(ProbabilityFormat.format(p))).as("seed %d, %s", seed, p).isCloseTo(p, within(1e-15));
        }
    }
}
