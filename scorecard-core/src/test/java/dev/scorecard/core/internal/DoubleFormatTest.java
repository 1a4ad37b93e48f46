package dev.scorecard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DoubleFormatTest {
    @Test
    void writesShortestPlainText() {
        assertThat(DoubleFormat.format(8.5)).isEqualTo("8.5");
        assertThat(DoubleFormat.format(954.5)).isEqualTo("954.5");
        assertThat(DoubleFormat.format(0.1)).isEqualTo("0.1");
        assertThat(DoubleFormat.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(DoubleFormat.format(-3)).isEqualTo("-3");
        assertThat(DoubleFormat.format(0.0)).isEqualTo("0");
        assertThat(DoubleFormat.format(-0.0)).isEqualTo("-0");
        assertThat(DoubleFormat.format(1e-7)).isEqualTo("1e-7");
        assertThat(DoubleFormat.format(1.5e300)).isEqualTo("1.5e300");
        assertThat(DoubleFormat.format(123456.789)).isEqualTo("123456.789");
        // JDK 17's Double.toString gives 2.0E-3 style and, for this value, a non-shortest 1.0E23.
        assertThat(DoubleFormat.format(1e23)).isEqualTo("1e23");
        assertThat(DoubleFormat.format(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(DoubleFormat.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(DoubleFormat.format(Double.NaN)).isEqualTo("nan");
    }

    @Test
    void everyTextReadsBackToTheSameDouble() {
        long seed = 20261123L;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(rnd.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String text = DoubleFormat.format(d);
            assertThat(Double.parseDouble(text)).as("seed %d, value %s", seed, text).isEqualTo(d);
        }
    }
}
