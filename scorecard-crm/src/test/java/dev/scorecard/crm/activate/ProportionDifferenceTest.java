package dev.scorecard.crm.activate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Newcombe's hybrid score interval against the paper's own worked examples, and the rule for "too
 * small to tell".
 */
class ProportionDifferenceTest {
    /**
     * The eight examples (a)–(h) of R. G. Newcombe, "Interval estimation for the difference between
     * independent proportions: comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890,
     * Table II, method 10 (score interval without continuity correction), printed to four decimals. The
     * paper itself was not at hand; the figures are as reproduced, identically, by several independent
     * published test suites (e.g. the {@code mergeron_extra} proportions tests, "Examples from
     * Newcombe (1998), Table II", and the R package {@code propint}'s tests, "results reported in
     * Newcombe1998"), and this file's implementation reproduces all of them. Rows: x1, n1, x2, n2,
     * lower, upper. Note that (a), 56/70 less 48/80, is a difference of 0.2000 with the interval
     * 0.0524 to 0.3339. Tolerance 5e-5: the table rounds to four decimals.
     */
    private static final double[][] TABLE_II = {
        {56, 70, 48, 80, 0.0524, 0.3339},
        {9, 10, 3, 10, 0.1705, 0.8090},
        {6, 7, 2, 7, 0.0582, 0.8062},
        {5, 56, 0, 29, -0.0381, 0.1926},
        {0, 10, 0, 20, -0.1611, 0.2775},
        {0, 10, 0, 10, -0.2775, 0.2775},
        {10, 10, 0, 20, 0.6791, 1.0000},
        {10, 10, 0, 10, 0.6075, 1.0000},
    };

    @Test
    void reproducesNewcombesTableTwoMethodTen() {
        for (double[] e : TABLE_II) {
            ProportionDifference d = ProportionDifference.of((long) e[0], (long) e[1], (long) e[2], (long) e[3]);
            assertThat(d.difference()).as("difference of %s", java.util.Arrays.toString(e))
                    .isCloseTo(e[0] / e[1] - e[2] / e[3], within(1e-15));
            assertThat(d.lower()).as("lower of %s", java.util.Arrays.toString(e)).isCloseTo(e[4], within(5e-5));
            assertThat(d.upper()).as("upper of %s", java.util.Arrays.toString(e)).isCloseTo(e[5], within(5e-5));
        }
        assertThat(ProportionDifference.of(56, 70, 48, 80).difference()).isCloseTo(0.2, within(1e-15));
    }

    /**
     * Wilson intervals from R. G. Newcombe, "Two-sided confidence intervals for the single proportion:
     * comparison of seven methods", Statistics in Medicine 17 (1998) 857–872, Table I, method 3: 81/263
     * 0.2553 to 0.3662, 15/148 0.0624 to 0.1605, 0/20 0 to 0.1611 (the lower end exactly 0).
     */
    @Test
    void wilsonIntervalsMatchNewcombesTableOne() {
        assertThat(ProportionDifference.wilson(81, 263)).containsExactly(new double[] {0.2553, 0.3662}, within(5e-5));
        assertThat(ProportionDifference.wilson(15, 148)).containsExactly(new double[] {0.0624, 0.1605}, within(5e-5));
        double[] zero = ProportionDifference.wilson(0, 20);
        assertThat(zero[0]).isEqualTo(0.0);
        assertThat(zero[1]).isCloseTo(0.1611, within(5e-5));
        assertThat(ProportionDifference.wilson(20, 20)[1]).isEqualTo(1.0);
    }

    @Test
    void anEmptyGroupLeavesTheDifferenceUndefined() {
        ProportionDifference d = ProportionDifference.of(3, 10, 0, 0);
        assertThat(d.difference()).isNaN();
        assertThat(d.lower()).isNaN();
        assertThat(d.upper()).isNaN();
        assertThatThrownBy(() -> ProportionDifference.of(11, 10, 0, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 0 <= successes <= entries, got 11 of 10");
    }

    @Test
    void aControlGroupTooSmallToTellIsFlagged() {
        assertThat(UpliftWorkflow.warning(ProportionDifference.of(40, 100, 30, 99), 100, 0.01))
                .contains("only 99 control entries are decided, under --min-control 100: too few to tell");
        assertThat(UpliftWorkflow.warning(ProportionDifference.of(4, 10, 0, 0), 100, 0.01))
                .contains("no control entry is decided yet");
        // 50 % against 49 % on 1000 each: the interval is about ±4.4 points, wider than the 1 point seen
        // and than the 1 point worth telling.
        ProportionDifference wide = ProportionDifference.of(500, 1000, 490, 1000);
        assertThat(UpliftWorkflow.warning(wide, 100, 0.01)).contains(String.format(java.util.Locale.ROOT,
                "the 95 %% interval (%+.4f to %+.4f) is wider than the difference (+0.0100) and than --min-effect 0.01"
                + " on each side: too few entries to tell", wide.lower(), wide.upper()));
        // 60 % against 40 %: a difference far outside its ±4.3 point interval.
        assertThat(UpliftWorkflow.warning(ProportionDifference.of(600, 1000, 400, 1000), 100, 0.01)).isEmpty();
        // No difference, measured to ±0.44 points: precise enough to say there is none worth telling.
        assertThat(UpliftWorkflow.warning(ProportionDifference.of(50_000, 100_000, 50_000, 100_000), 100, 0.01))
                .isEqualTo(Optional.empty());
    }
}
