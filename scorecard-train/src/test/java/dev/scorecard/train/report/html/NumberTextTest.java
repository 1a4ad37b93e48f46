package dev.scorecard.train.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberTextTest {
    @Test
    void fixedUsesRootLocaleAndNoNegativeZero() {
        assertThat(NumberText.fixed(1234.5678, 2)).isEqualTo("1234.57");
        assertThat(NumberText.fixed(0.5, 0)).isEqualTo("1"); // HALF_UP, as Formatter does
        assertThat(NumberText.fixed(-0.0001, 2)).isEqualTo("0.00");
        assertThat(NumberText.fixed(-0.0, 1)).isEqualTo("0.0");
        assertThat(NumberText.fixed(-0.25, 2)).isEqualTo("-0.25");
    }

    @Test
    void coordinatesHaveAtMostOneDecimal() {
        assertThat(NumberText.coord(12.34)).isEqualTo("12.3");
        assertThat(NumberText.coord(100)).isEqualTo("100");
        assertThat(NumberText.coord(0.05)).isEqualTo("0.1");
        assertThat(NumberText.coord(-0.04)).isEqualTo("0");
        assertThat(NumberText.coord(-1.26)).isEqualTo("-1.3");
        assertThat(NumberText.coord(-7.0)).isEqualTo("-7");
    }
}
