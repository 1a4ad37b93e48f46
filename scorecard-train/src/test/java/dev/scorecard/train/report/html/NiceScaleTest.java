package dev.scorecard.train.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Steps are 1, 2 or 5 times a power of ten: span / target ticks, rounded at 1.5, 3 and 7. */
class NiceScaleTest {
    private static final double NAN = Double.NaN;

    @Test
    void automaticEndsRoundOutToTicks() {
        // 0.94 / 5 = 0.188 -> 0.2; 0.03 rounds down to 0, 0.97 up to 1.
        NiceScale s = NiceScale.of(0.03, 0.97, NAN, NAN, 5);
        assertThat(s.ticks()).containsExactly(0, 0.2, 0.4, 0.6, 0.8, 1);
        assertThat(s.labels()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        // 354.7 / 6 = 59.1 -> 50: scores 403..758 on 400..800.
        NiceScale scores = NiceScale.of(403.2, 757.9, NAN, NAN, 6);
        assertThat(scores.min()).isEqualTo(400);
        assertThat(scores.max()).isEqualTo(800);
        assertThat(scores.labels()).containsExactly("400", "450", "500", "550", "600", "650", "700", "750", "800");
    }

    @Test
    void negativeValuesAndZero() {
        // WOE from -0.7753 to 1.285: 2.06 / 5 = 0.41 -> 0.5.
        NiceScale s = NiceScale.of(-0.7753, 1.285, NAN, NAN, 5);
        assertThat(s.labels()).containsExactly("-1.0", "-0.5", "0.0", "0.5", "1.0", "1.5");
        assertThat(s.fraction(0)).isEqualTo(0.4);
    }

    @Test
    void fixedEndsStayAndTicksFallInside() {
        NiceScale s = NiceScale.of(0.1, 0.3, 0, 0.8, 5);
        assertThat(s.min()).isZero();
        assertThat(s.max()).isEqualTo(0.8);
        assertThat(s.labels()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8");
        // Only the lower end fixed (event rates from 0): the upper follows the data.
        NiceScale from = NiceScale.of(0.106, 0.482, 0, NAN, 5);
        assertThat(from.labels()).containsExactly("0.0", "0.1", "0.2", "0.3", "0.4", "0.5");
        // A fixed range that misses the data entirely is kept.
        assertThat(NiceScale.of(50, 60, 0, 1, 5).max()).isEqualTo(1);
    }

    @Test
    void degenerateInputGivesAUsableRange() {
        NiceScale none = NiceScale.of(NAN, NAN, NAN, NAN, 5);
        assertThat(none.min()).isZero();
        assertThat(none.max()).isEqualTo(1);
        // One value 7: widened by 10 % (0.7) to 6.65..7.35, step 0.1, rounded out to 6.6..7.4.
        NiceScale seven = NiceScale.of(7, 7, NAN, NAN, 5);
        assertThat(seven.min()).isEqualTo(6.6);
        assertThat(seven.max()).isEqualTo(7.4);
        // Zero: widened by 1 to -0.5..0.5, step 0.2, rounded out to -0.6..0.6.
        assertThat(NiceScale.of(0, 0, NAN, NAN, 5).labels()).containsExactly("-0.6", "-0.4", "-0.2", "0.0", "0.2",
                "0.4", "0.6");
        // A fixed lower end above all the data: one unit (10 % of 10) above it.
        NiceScale above = NiceScale.of(1, 5, 10, NAN, 5);
        assertThat(above.min()).isEqualTo(10);
        assertThat(above.max()).isEqualTo(11);
        // Extreme magnitudes: the span overflows, so just the two ends.
        assertThat(NiceScale.of(-Double.MAX_VALUE, Double.MAX_VALUE, NAN, NAN, 5).ticks()).hasSize(2);
    }

    @Test
    void tinyAndHugeSteps() {
        // 0.00008 / 5 = 0.000016 -> 0.00002.
        assertThat(NiceScale.of(0.00011, 0.00019, NAN, NAN, 5).labels()).containsExactly("0.00010", "0.00012",
                "0.00014", "0.00016", "0.00018", "0.00020");
        assertThat(NiceScale.of(0, 2.4e6, NAN, NAN, 5).labels()).containsExactly("0", "500000", "1000000",
                "1500000", "2000000", "2500000");
        assertThat(NiceScale.niceStep(0.14)).isEqualTo(0.1);
        assertThat(NiceScale.niceStep(0.16)).isEqualTo(0.2);
        assertThat(NiceScale.niceStep(6.9)).isEqualTo(5);
        assertThat(NiceScale.niceStep(7)).isEqualTo(10);
    }
}
