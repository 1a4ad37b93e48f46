package dev.scorecard.core.model;

import dev.scorecard.core.model.json.ModelWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ModelFormatException;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.ScoreBuffer;
import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.NumericColumn;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The scorer on the hand-built model of {@link TestModels}: rules, parity of the two paths, threads. */
class ScorecardScoringTest {
    private final ScorecardModel model = TestModels.germanLike();
    private final Scorecard scorecard = Scorecard.of(model);

    private static Map<String, Object> row(Object duration, Object purpose) {
        Map<String, Object> m = new HashMap<>();
        m.put("duration", duration);
        m.put("purpose", purpose);
        return m;
    }

    @Test
    void scoresByHand() {
        // duration 6 -> [-inf, 8.5): 40 points, WOE -1.4427; purpose car (new): -9 points, WOE 0.3953.
        ScoreResult r = scorecard.score(row("6", "car (new)"));
        assertThat(r.score()).isEqualTo(624 + 40 - 9);
        double eta = -0.8473 + 0.9712 * -1.4427 + 0.8123 * 0.3953;
        assertThat(r.probability()).isCloseTo(1 / (1 + Math.exp(-eta)), within(1e-15));
        assertThat(r.grade()).isEqualTo("A");
        // Points lost: duration 0 (its best bin), purpose 6 - (-9) = 15.
        assertThat(r.reasons()).containsExactly("purpose: car (new)");
        assertThat(r.warnings()).isEmpty();
        // 655 lies between the scale points 633 (83 % of training at or below) and 664: 10 x 0.83.
        assertThat(r.score10()).isEqualTo(8.3);
    }

    @Test
    void reasonBaselineMaxOrMean() {
        // duration 10 -> [8.5, 20.5): 9 points; purpose car (new): -9 points.
        // Max baseline: duration loses 40 - 9 = 31, purpose 6 - (-9) = 15.
        assertThat(scorecard.score(row(10, "car (new)"), 4, ReasonBaseline.MAX).reasons())
                .containsExactly("duration: [8.5, 20.5)", "purpose: car (new)");
        // Mean baseline (training-weighted points): duration (40*87 + 9*380 - 23*204 - 12*20 - 17*9) / 700
        // = 2.59, so 9 points is no loss; purpose (-9*180 + 6*320) / 700 = 0.43, a loss of 9.43.
        assertThat(scorecard.score(row(10, "car (new)"), 4, ReasonBaseline.MEAN).reasons())
                .containsExactly("purpose: car (new)");
    }

    @Test
    void missingSpecialNumbersAndUnseenLevels() {
        assertThat(scorecard.score(row(null, "business")).points()).containsExactly(-17.0, 0.0);
        assertThat(scorecard.score(row("NA", "business")).points()).containsExactly(-17.0, 0.0);
        assertThat(scorecard.score(row(-1, "business")).points()).containsExactly(-12.0, 0.0);
        assertThat(scorecard.score(row(8.5, "business")).points()).containsExactly(9.0, 0.0);
        assertThat(scorecard.score(row(-0.0, "business")).points()).containsExactly(40.0, 0.0);
        // An unseen level goes to the else bin when the model has one.
        assertThat(scorecard.score(row(30, "spaceship")).points()).containsExactly(-23.0, 0.0);
        assertThatThrownBy(() -> scorecard.score(row("12d", "business"))).isInstanceOf(InputDataException.class)
                .hasMessage("input, column 'duration': value '12d' is not a number");
    }

    /**
     * What the buffer holds per characteristic is what the scorer added up: the points of the row's
     * bin (summing with the base points to the score) and its WOE (summing with the intercept, times
     * the coefficients, to the linear predictor); a value in no bin has the neutral points and WOE 0.
     */
    @Test
    void theBufferHoldsThePointsAndWoeThatWereAddedUp() {
        ScoreBuffer b = new ScoreBuffer(2, 0);
        // duration 6 -> [-inf, 8.5): 40 points, WOE -1.4427; purpose car (new): -9 points, WOE 0.3953.
        scorecard.scoreInto(new Object[] {"6", "car (new)"}, 0, ReasonBaseline.MAX, b);
        assertThat(new double[] {b.points(0), b.points(1), b.woe(0), b.woe(1)}).containsExactly(40, -9, -1.4427, 0.3953);
        assertThat(b.score()).isEqualTo(624 + 40 - 9);
        // The primitive path: duration missing -> Missing bin (-17, 0.6242); spaceship -> Else (0, 0).
        scorecard.scoreInto(new double[] {Double.NaN, 0}, new String[] {null, "spaceship"}, 0, ReasonBaseline.MAX, b);
        assertThat(new double[] {b.points(0), b.points(1), b.woe(0), b.woe(1)}).containsExactly(-17, 0, 0.6242, 0);
        assertThat(new int[] {b.bin(0), b.bin(1)}).containsExactly(4, 3);

        // Without a Missing bin and an Else bin, both values score neutrally. Neutral points 3 (as when the
        // base points are spread over the characteristics), so that they differ from WOE 0.
        Characteristic duration = model.characteristics().get(0);
        Characteristic purpose = model.characteristics().get(1);
        ScorecardModel noMissingNoElse = new ScorecardModel(model.name(), model.createdWith(), model.target(),
                model.event(), model.nonEvent(), model.scaling(), model.basePoints(), model.intercept(), model.missingValues(),
                model.unseen(), List.of(
                        new Characteristic("duration", duration.type(), duration.coefficient(),
                                duration.bins().subList(0, 4), 3),
                        new Characteristic("purpose", purpose.type(), purpose.coefficient(),
                                purpose.bins().subList(0, 3), 3)),
                model.coefficients(), model.grades(), model.score10(), model.baseline(), model.metrics(),
                model.provenance(), model.verification());
        Scorecard neutral = Scorecard.of(noMissingNoElse);
        neutral.scoreInto(new Object[] {null, "spaceship"}, 0, ReasonBaseline.MAX, b);
        assertThat(new int[] {b.bin(0), b.bin(1)}).containsExactly(ScoreBuffer.NEUTRAL_MISSING, ScoreBuffer.NEUTRAL_UNSEEN);
        assertThat(new double[] {b.points(0), b.points(1), b.woe(0), b.woe(1)}).containsExactly(3, 3, 0, 0);
        assertThat(b.score()).isEqualTo(624 + 3 + 3);
        // eta = the intercept alone: 1 / (1 + e^0.8473).
        assertThat(b.probability()).isCloseTo(1 / (1 + Math.exp(0.8473)), within(1e-15));
        // A row scored next into the same buffer overwrites every slot.
        neutral.scoreInto(new Object[] {"30", "business"}, 0, ReasonBaseline.MAX, b);
        assertThat(new double[] {b.points(0), b.points(1), b.woe(0), b.woe(1)}).containsExactly(-23, 0, 0.8081, 0);
    }

    /** A key left out of the row (as JSON payloads leave out nulls) scores as a null does; strict keys refuse it. */
    @Test
    void anAbsentKeyIsMissingUnlessKeysAreStrict() {
        Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("duration", 5);
        withNull.put("purpose", null);
        ScoreResult absent = scorecard.score(Map.of("duration", 5));
        ScoreResult nulled = scorecard.score(withNull);
        assertThat(absent).isEqualTo(nulled);
        assertThat(absent.warnings()).isEqualTo(nulled.warnings());
        assertThatThrownBy(() -> scorecard.withStrictKeys().score(Map.of("duration", 5)))
                .isInstanceOf(InputDataException.class)
                .hasMessage("input, column 'purpose': the characteristic's column is missing from the input");
        assertThat(scorecard.withStrictKeys().score(withNull)).isEqualTo(nulled);
    }

    /** The batch path gives the same scores and probabilities as the row path, bit for bit. */
    @Test
    void batchEqualsRowByRow() {
        long seed = 3;
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 5000;
        double[] duration = new double[n];
        int[] purpose = new int[n];
        List<String> levels = List.of("car (new)", "radio/television", "business", "furniture/equipment", "spaceship");
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(20);
            duration[i] = k == 0 ? Double.NaN : k == 1 ? -1 : rnd.nextInt(60);
            purpose[i] = rnd.nextInt(20) == 0 ? -1 : rnd.nextInt(levels.size());
        }
        List<Column> cols = List.of(NumericColumn.of("duration", duration), CategoricalColumn.of("purpose", purpose, levels));
        double[] scores = new double[n];
        double[] probabilities = new double[n];
        scorecard.scoreBatch(cols, scores, probabilities);
        for (int i = 0; i < n; i++) {
            ScoreResult r = scorecard.score(row(Double.isNaN(duration[i]) ? null : duration[i],
                    purpose[i] < 0 ? null : levels.get(purpose[i])));
            assertThat(scores[i]).as("seed %d row %d", seed, i).isEqualTo(r.score());
            assertThat(probabilities[i]).as("seed %d row %d", seed, i).isEqualTo(r.probability());
        }
    }

    /** Eight threads sharing one scorecard get what one thread gets. */
    @Test
    void threadSafe() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(9);
        String[] purposes = {"car (new)", "radio/television", "business", "x", null};
        for (int i = 0; i < 2000; i++) {
            rows.add(row(rnd.nextInt(10) == 0 ? null : String.valueOf(rnd.nextInt(60)), purposes[rnd.nextInt(purposes.length)]));
        }
        List<ScoreResult> expected = rows.stream().map(scorecard::score).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<ScoreResult>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> rows.stream().map(scorecard::score).toList()));
            }
            for (Future<List<ScoreResult>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void loadVerifiesTheCases() {
        byte[] good = ModelWriter.toBytes(model);
        assertThat(Scorecard.load(new ByteArrayInputStream(good)).model()).isEqualTo(model);
        // A model whose stored expectations disagree with its own bins is refused at load.
        VerificationCase first = model.verification().get(0);
        VerificationCase wrong = new VerificationCase(first.inputs(), first.points(), first.score() + 1,
                first.probability(), first.grade(), first.reasons());
        ScorecardModel bad = new ScorecardModel(model.name(), model.createdWith(), model.target(), model.event(),
                model.scaling(), model.basePoints(), model.intercept(), model.missingValues(), model.unseen(),
                model.characteristics(), model.coefficients(), model.grades(), model.score10(), model.baseline(),
                model.metrics(), model.provenance(), List.of(wrong, model.verification().get(1)));
        assertThatThrownBy(() -> Scorecard.load(new ByteArrayInputStream(ModelWriter.toBytes(bad))))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("model: verification case 1 does not reproduce: score 655 instead of 656; the model file is inconsistent");
    }

    /**
     * {@link TestModels#germanLikeMergedMissing()}: duration's missing values were merged into its top
     * bin, which {@code missingBin} names. A missing value scores that bin's points (-22) and WOE
     * (0.8003), on every path, with no {@code missing:} warning and the bin's label as the reason; the
     * same model without {@code missingBin} (today's files) scores it neutrally.
     */
    @Test
    void aMissingValueGoesToTheBinItsMissingValuesWereMergedInto() {
        ScorecardModel merged = TestModels.germanLikeMergedMissing();
        Scorecard s = Scorecard.load(new ByteArrayInputStream(ModelWriter.toBytes(merged)));
        assertThat(merged.characteristics().get(0).missingValueBin()).isEqualTo(2);
        for (Object missing : new Object[] {null, "NA", "", Double.NaN}) {
            ScoreResult r = s.score(row(missing, "business"));
            assertThat(r.points()).as("duration %s", missing).containsExactly(-22.0, 0.0);
            assertThat(r.warnings()).isEmpty();
            assertThat(r.reasons()).containsExactly("duration: [20.5, inf), Missing", "purpose: business, education, vacation (été)");
            double eta = -0.8473 + 0.9712 * 0.8003;
            assertThat(r.probability()).isCloseTo(StrictMath.exp(eta) / (1 + StrictMath.exp(eta)), within(1e-15));
        }
        // A value in the bin itself scores the same.
        assertThat(s.score(row(30, "business")).points()).containsExactly(-22.0, 0.0);
        ScoreBuffer b = new ScoreBuffer(2, 0);
        s.scoreInto(new double[] {Double.NaN, 0}, new String[] {null, "business"}, 0, ReasonBaseline.MAX, b);
        assertThat(new double[] {b.points(0), b.woe(0)}).containsExactly(-22, 0.8003);
        assertThat(b.bin(0)).isEqualTo(2);
        double[] scores = new double[2];
        double[] probabilities = new double[2];
        s.scoreBatch(List.of(NumericColumn.of("duration", new double[] {Double.NaN, 30}),
                CategoricalColumn.of("purpose", new int[] {0, 0}, List.of("business"))), scores, probabilities);
        assertThat(scores).containsExactly(602, 602);
        assertThat(probabilities[0]).isEqualTo(probabilities[1]);

        Characteristic d = merged.characteristics().get(0);
        Characteristic unnamed = new Characteristic(d.name(), d.type(), d.coefficient(), d.bins(), d.neutralPoints());
        assertThat(unnamed.missingValueBin()).isEqualTo(-1);
        ScorecardModel old = new ScorecardModel(merged.name(), merged.createdWith(), merged.target(), merged.event(),
                merged.scaling(), merged.basePoints(), merged.intercept(), merged.missingValues(), merged.unseen(),
                List.of(unnamed, merged.characteristics().get(1)), merged.coefficients(), merged.grades(),
                merged.score10(), merged.baseline(), merged.metrics(), merged.provenance(), merged.verification());
        ScoreResult neutral = Scorecard.of(old).score(row(null, "business"));
        assertThat(neutral.points()).containsExactly(0.0, 0.0);
        assertThat(neutral.warnings()).containsExactly("missing:duration");
    }

    @Test
    void missingBinMustNameARegularBinOfACharacteristicWithoutAMissingBin() {
        Characteristic merged = TestModels.germanLikeMergedMissing().characteristics().get(0);
        assertThatThrownBy(() -> new Characteristic("duration", merged.type(), 1, merged.bins(), 0, java.util.OptionalInt.of(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("characteristic 'duration': missingBin 3 is not one of its regular bins (0 to 2)");
        Characteristic own = model.characteristics().get(0);
        assertThatThrownBy(() -> new Characteristic("duration", own.type(), 1, own.bins(), 0, java.util.OptionalInt.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("characteristic 'duration' has a missing bin and a missingBin 1; missing values go to one or the other");
        assertThat(own.missingValueBin()).isEqualTo(4);
    }
}
