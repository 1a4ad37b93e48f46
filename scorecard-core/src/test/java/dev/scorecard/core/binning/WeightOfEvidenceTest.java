package dev.scorecard.core.binning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WeightOfEvidenceTest {
    @Test
    void followsTheSpecSignConvention() {
        // germancredit, status "... < 0 DM": 135 bad (events) of 300, 139 good of 700 (reference files).
        // WOE = ln((135/300)/(139/700)) = ln(0.45/0.198571...) = 0.8180987057 (optbinning's woe_ln_bad_good).
        assertThat(WeightOfEvidence.woe(135, 139, 300, 700)).isCloseTo(0.8180987057, within(1e-9));
        // IV term = (0.45 - 0.198571) * 0.8180987 = 0.2056933889, as in the reference bin_iv.
        assertThat(WeightOfEvidence.iv(135, 139, 300, 700)).isCloseTo(0.2056933889, within(1e-9));
        assertThat(WeightOfEvidence.woe(46, 348, 300, 700)).isNegative();
    }

    @Test
    void zeroCountsUseOneHalf() {
        // e = 0 -> 0.5: ln((0.5/10)/(20/90)) = ln(0.05/0.2222) = -1.491654877
        assertThat(WeightOfEvidence.woe(0, 20, 10, 90)).isCloseTo(Math.log(0.05 / (20.0 / 90)), within(1e-15));
        assertThat(WeightOfEvidence.woe(5, 0, 10, 90)).isCloseTo(Math.log(0.5 / (0.5 / 90)), within(1e-15));
        // With the smoothed shares in both factors the term can never go negative, even for tiny bins.
        assertThat(WeightOfEvidence.iv(0, 1, 2, 1000)).isGreaterThanOrEqualTo(0);
    }
}
