package dev.scorecard.train.eval;

import static dev.scorecard.train.eval.CurvesTest.y;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.data.BinaryTarget;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cut-off table on cases small enough to compute by hand, both band methods, the KS property, and the errors. */
class CutoffsTest {
    // GainsTest's case: 8 rows, 4 events, 4 non-events. Sorted from the top:
    // 90 e | 80 e, 80 n, 80 e | 60 n | 50 e | 40 n | 30 n
    private static final double[] S = {80, 30, 90, 60, 80, 40, 50, 80};
    private static final BinaryTarget T = y(1, 0, 1, 0, 0, 0, 1, 1);

    @Test
    void equalFrequencyBandsKeepTiesTogetherByTheGainsRule() {
        CutoffTable t = Cutoffs.table(S, T, CutoffOptions.bands(4));
        // Rows strictly above: 90 -> 0, each 80 -> 1, 60 -> 4, 50 -> 5, 40 -> 6, 30 -> 7; band floor(4 r / 8):
        // 0, 0, 2, 2, 3, 3 (as GainsTest): nominal band 1 is empty and dropped, three bands remain.
        // Band 1: 90, 80, 80, 80: 4 rows, 3 events, rate 3/4, share 1/2; at or above: 4 rows (1/2), 3 events
        //   (rate 3/4), events captured 3/4, non-events 1/4, ks 1/2.
        // Band 2: 60, 50: 2 rows, 1 event, rate 1/2, share 1/4; at or above 6 rows (3/4), 4 events (rate 2/3),
        //   events captured 1, non-events 2/4, ks 1/2.
        // Band 3: 40, 30: 2 rows, 0 events; at or above all 8, 4 events (rate 1/2), captured 1 and 1, ks 0.
        assertThat(t.bands()).containsExactly(
                new CutoffTable.Band(1, 80, 90, 4, 3, 0.75, 0.5, 4, 0.5, 3, 0.75, 0.75, 0.25, 0.5),
                new CutoffTable.Band(2, 50, 60, 2, 1, 0.5, 0.25, 6, 0.75, 4, 4.0 / 6, 1, 0.5, 0.5),
                new CutoffTable.Band(3, 30, 40, 2, 0, 0, 0.25, 8, 1, 4, 0.5, 1, 1, 0));
        assertThat(t.rows()).isEqualTo(8);
        assertThat(t.events()).isEqualTo(4);
        assertThat(t.nonEvents()).isEqualTo(4);
        assertThat(t.bands().get(0).nonEvents()).isEqualTo(1);
        // Two bands reach 1/2; the lower one is reported, as Metrics.ks reports the lowest threshold.
        assertThat(t.ksBand().band()).isEqualTo(2);
        // The bands are those of the gains table on the same scores.
        assertThat(t.bands()).extracting(CutoffTable.Band::rows)
                .isEqualTo(Gains.byGroups(S, T, 4).groups().stream().map(GainsTable.Group::rows).toList());
    }

    @Test
    void widthBandsAreAlignedToMultiplesOfTheWidthAndEmptyOnesAreLeftOut() {
        // Width 20: 90 and the 80s in [80, 100); 60 in [60, 80); 50 and 40 in [40, 60); 30 in [20, 40).
        CutoffTable t = Cutoffs.table(S, T, CutoffOptions.width(20));
        assertThat(t.bands()).containsExactly(
                new CutoffTable.Band(1, 80, 90, 4, 3, 0.75, 0.5, 4, 0.5, 3, 0.75, 0.75, 0.25, 0.5),
                new CutoffTable.Band(2, 60, 60, 1, 0, 0, 0.125, 5, 0.625, 3, 0.6, 0.75, 0.5, 0.25),
                new CutoffTable.Band(3, 40, 50, 2, 1, 0.5, 0.25, 7, 0.875, 4, 4.0 / 7, 1, 0.75, 0.25),
                new CutoffTable.Band(4, 30, 30, 1, 0, 0, 0.125, 8, 1, 4, 0.5, 1, 1, 0));
        // Width 10: [70, 80) holds no row and is left out; the bands are numbered without a gap.
        CutoffTable ten = Cutoffs.table(S, T, CutoffOptions.width(10));
        assertThat(ten.bands()).extracting(CutoffTable.Band::minScore).containsExactly(90.0, 80.0, 60.0, 50.0, 40.0, 30.0);
        assertThat(ten.bands()).extracting(CutoffTable.Band::band).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(ten.bands().get(1)).isEqualTo(new CutoffTable.Band(2, 80, 80, 3, 2, 2.0 / 3, 0.375, 4, 0.5, 3, 0.75,
                0.75, 0.25, 0.5));
    }

    @Test
    void widthBandEdgesAndNegativeScores() {
        // [k·w, (k+1)·w): 0 opens [0, 25); -0.0 is 0; -1 is in [-25, 0); -25 opens [-25, 0); 25 opens [25, 50).
        assertThat(Cutoffs.widthBand(0, 25)).containsExactly(0, 25);
        assertThat(Cutoffs.widthBand(-0.0, 25)).containsExactly(0, 25);
        assertThat(Cutoffs.widthBand(-1, 25)).containsExactly(-25, 0);
        assertThat(Cutoffs.widthBand(-25, 25)).containsExactly(-25, 0);
        assertThat(Cutoffs.widthBand(25, 25)).containsExactly(25, 50);
        assertThat(Cutoffs.widthBand(24.999, 25)).containsExactly(0, 25);
        // 0.3 / 0.1 is 2.9999999999999996 in doubles; a score on the edge still opens the band above it.
        assertThat(Cutoffs.band(0.3, 0.1)).isEqualTo(3);
        assertThat(Cutoffs.band(0.29, 0.1)).isEqualTo(2);
        CutoffTable t = Cutoffs.table(new double[] {-30, -1, -0.0, 0, 7, 30}, y(1, 1, 0, 1, 0, 0), CutoffOptions.width(25));
        // 30 in [25, 50); 7, 0 and -0.0 in [0, 25); -1 in [-25, 0); -30 in [-50, -25).
        assertThat(t.bands()).extracting(CutoffTable.Band::rows).containsExactly(1, 3, 1, 1);
        assertThat(t.bands()).extracting(CutoffTable.Band::minScore).containsExactly(30.0, 0.0, -1.0, -30.0);
    }

    @Test
    void oneScoreForAllIsOneBand() {
        CutoffTable t = Cutoffs.table(new double[] {5, 5, 5, 5}, y(1, 0, 0, 0), CutoffOptions.defaults());
        assertThat(t.bands()).containsExactly(new CutoffTable.Band(1, 5, 5, 4, 1, 0.25, 1, 4, 1, 1, 0.25, 1, 1, 0));
        assertThat(Cutoffs.table(new double[] {5, 5, 5, 5}, y(1, 0, 0, 0), CutoffOptions.width(3)).bands()).hasSize(1);
    }

    /**
     * With a band per distinct score (as many bands as rows), the largest {@code ks} is the KS
     * statistic, bit for bit, on seeded random scores with many ties, infinities and -0.0.
     */
    @Test
    void largestKsOverBandsOfSingleScoresIsTheKsStatistic() {
        long seed = 20261202L;
        System.out.println("CutoffsTest.largestKsOverBandsOfSingleScoresIsTheKsStatistic seed " + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < 300; k++) {
            ScoreCases.Case c = ScoreCases.scores(rnd, k < 150 ? 20 : 800, true);
            String where = "seed " + seed + ", case " + k;
            CutoffTable t = Cutoffs.table(c.scores(), c.target(), CutoffOptions.bands(c.scores().length));
            KsResult ks = Metrics.ks(c.scores(), c.target());
            assertThat(t.ksBand().ks()).as(where).isEqualTo(ks.ks());
            assertThat(t.bands()).as(where).hasSize((int) java.util.Arrays.stream(c.scores()).map(s -> s + 0.0)
                    .distinct().count());
            // Fewer bands can only miss the best cut-off, never beat it.
            CutoffTable deciles = Cutoffs.table(c.scores(), c.target(), CutoffOptions.defaults());
            assertThat(deciles.ksBand().ks()).as(where).isLessThanOrEqualTo(ks.ks());
            CutoffTable.Band last = deciles.bands().get(deciles.bands().size() - 1);
            assertThat(List.of(last.cumShare(), last.eventsCaptured(), last.nonEventsCaptured())).as(where)
                    .containsOnly(1.0);
        }
    }

    @Test
    void errors() {
        CutoffOptions o = CutoffOptions.defaults();
        assertThatThrownBy(() -> Cutoffs.table(new double[] {1, 2, 3}, y(0, 0, 0), o))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cut-off table needs both events and non-events, but target 'y' has 0 events and 3 non-events");
        assertThatThrownBy(() -> Cutoffs.table(new double[] {1, 2}, y(1, 0, 0), o))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cut-off table: 2 scores for 3 rows of target 'y'");
        assertThatThrownBy(() -> Cutoffs.table(new double[] {1, Double.NaN, 3}, y(1, 0, 0), o))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cut-off table: scores[1] is NaN; every row needs a score");
        assertThatThrownBy(() -> Cutoffs.table(new double[] {1, Double.POSITIVE_INFINITY}, y(1, 0), CutoffOptions.width(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cut-off table: score Infinity cannot be put in a band 10.0 wide; width bands need finite "
                        + "scores within 2^53 widths of 0");
        // Equal-frequency bands take infinite scores, as gains do.
        assertThat(Cutoffs.table(new double[] {1, Double.POSITIVE_INFINITY}, y(1, 0), o).bands()).hasSize(2);
    }

    @Test
    void optionsCheckTheirValues() {
        assertThat(CutoffOptions.defaults()).isEqualTo(CutoffOptions.bands(10));
        assertThat(CutoffOptions.width(20).byWidth()).isTrue();
        assertThatThrownBy(() -> CutoffOptions.bands(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cutoffs.bands: 0 is out of range; expected at least 1");
        assertThatThrownBy(() -> CutoffOptions.width(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cutoffs.width: 0.0 is out of range; expected a finite number above 0");
        assertThatThrownBy(() -> CutoffOptions.width(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cutoffs.width: NaN is out of range; expected a finite number above 0");
        assertThatThrownBy(() -> new CutoffOptions(java.util.OptionalInt.of(10), java.util.OptionalDouble.of(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cutoffs: give either bands (equal-frequency bands) or width (equal-width bands), not both");
        assertThatThrownBy(() -> new CutoffOptions(java.util.OptionalInt.empty(), java.util.OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cutoffs: give either bands (equal-frequency bands) or width (equal-width bands), not neither");
    }

    @Test
    void recordsCheckTheirValues() {
        CutoffOptions o = CutoffOptions.defaults();
        CutoffTable.Band ok = new CutoffTable.Band(1, 0, 0, 2, 1, 0.5, 1, 2, 1, 1, 0.5, 1, 1, 0);
        assertThatThrownBy(() -> new CutoffTable(o, List.of(), 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cut-off table needs at least one band");
        assertThatThrownBy(() -> new CutoffTable(o, List.of(ok), 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cut-off table needs 1 <= events < rows, got 2 events in 2 rows");
        assertThatThrownBy(() -> new CutoffTable.Band(1, 0, 0, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cut-off band 1: inconsistent counts: 2 events in 1 rows, 2 in 1 cumulative");
        assertThatThrownBy(() -> new CutoffTable.Band(1, 0, 0, 2, 1, 0.5, 1, 2, 1, 1, 0.5, 1.5, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cut-off band 1: rates out of range: event rate 0.5, share 1.0, cumulative share 1.0, "
                        + "cumulative event rate 0.5, events captured 1.5, non-events captured 1.0, ks 0.0");
        assertThatThrownBy(() -> new CutoffTable.Band(1, 2, 0, 2, 1, 0.5, 1, 2, 1, 1, 0.5, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cut-off band 1: minScore 2.0 is not at most maxScore 0.0");
    }
}
