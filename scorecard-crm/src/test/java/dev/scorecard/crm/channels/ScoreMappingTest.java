package dev.scorecard.crm.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoreMappingTest {
    private static final double[] RATES = {0.01, 0.02, 0.02, 0.05, 0.10};

    @Test
    void rankGivesTiesTheirMidRankAndPlacesOtherRatesHalfwayBetween() {
        ScoreMapping m = ScoreMapping.rank();
        // 5 channels: positions 0, 1.5, 1.5, 3, 4 of 4.
        assertThat(m.score(0.01, RATES)).isEqualTo(0);
        assertThat(m.score(0.02, RATES)).isEqualTo(4); // 10 * 1.5 / 4 = 3.75 -> 4
        assertThat(m.score(0.05, RATES)).isEqualTo(8); // 7.5 rounds up
        assertThat(m.score(0.10, RATES)).isEqualTo(10);
        // Between 0.05 and 0.10: 4 below, none equal: (4 - 0.5) / 4 -> 8.75 -> 9.
        assertThat(m.score(0.07, RATES)).isEqualTo(9);
        assertThat(m.score(0.001, RATES)).isEqualTo(0);
        assertThat(m.score(0.5, RATES)).isEqualTo(10);
        assertThat(m.score(0.3, new double[] {0.3})).isEqualTo(5);
    }

    @Test
    void linearClampsAtTheAnchors() {
        ScoreMapping m = ScoreMapping.linear(0.02, 0.12);
        assertThat(m.score(0.01, RATES)).isEqualTo(0);
        assertThat(m.score(0.07, RATES)).isEqualTo(5);
        assertThat(m.score(0.0451, RATES)).isEqualTo(3); // 2.51
        assertThat(m.score(0.2, RATES)).isEqualTo(10);
    }

    @Test
    void refusesBadAnchorsAndKinds() {
        assertThatThrownBy(() -> ScoreMapping.linear(0.2, 0.1)).hasMessage(
                "anchors 0.2,0.1: expected two rates from 0 to 1, the first below the second (e.g. 0.01,0.2)");
        assertThatThrownBy(() -> ScoreMapping.Kind.fromConfig("ranks")).hasMessage(
                "'ranks' is not a mapping; expected rank or linear");
    }
}
