package dev.scorecard.train.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.ScoreBuffer;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation of a germancredit model trained with defaults, against what training itself recorded. */
class EvaluatorTest {
    @TempDir
    static Path tmp;

    static TrainWorkflow.Outcome outcome;

    @BeforeAll
    static void train() {
        ScorecardConfig config = ScorecardConfig.empty().withTarget(Optional.of("creditability"), Optional.of("bad"));
        outcome = TrainWorkflow.run(new TrainWorkflow.Request(Path.of("../datasets/germancredit/germancredit.csv"), config,
                Optional.empty(), Optional.empty(), tmp, Optional.empty(), 0.01, 1), new BinWorkflow.Listener() { });
    }

    @Test
    void trainingEvaluatesTrainAndTestLikeTheModelFileSays() {
        List<Evaluation> e = outcome.evaluations();
        assertThat(e).extracting(Evaluation::name).containsExactly("train", "test");
        for (int i = 0; i < 2; i++) {
            SplitMetrics m = outcome.model().metrics().get(i);
            // Same probabilities (scoreInto and scoreBatch agree bit for bit), same Metrics: equal exactly.
            assertThat(e.get(i).auc()).isEqualTo(m.auc());
            assertThat(e.get(i).ks().ks()).isEqualTo(m.ks());
            assertThat(e.get(i).rows()).isEqualTo(m.rows());
            assertThat(e.get(i).events()).isEqualTo(m.events());
        }
        assertThat(e.get(0).rows()).isEqualTo(700);
        assertThat(e.get(1).eventRate()).isEqualTo(0.3);
    }

    /** The training rows are the baseline: their score PSI and every CSI are 0. */
    @Test
    void trainingRowsDoNotDriftFromTheirOwnBaseline() {
        StabilityReport s = outcome.evaluations().get(0).stability();
        assertThat(s.scorePsi().value()).isCloseTo(0, within(1e-12));
        assertThat(s.scoreLevel()).isEqualTo(DriftLevel.STABLE);
        assertThat(s.characteristics()).hasSize(outcome.model().characteristics().size());
        for (CharacteristicDrift c : s.characteristics()) {
            assertThat(c.csi().value()).as(c.name()).isCloseTo(0, within(1e-12));
            // The WOE measured on the rows the bins were fitted on is the model's WOE.
            List<Double> now = c.currentWoe().orElseThrow();
            for (int j = 0; j < now.size(); j++) {
                assertThat(now.get(j)).as(c.name() + " bin " + j).isCloseTo(c.trainingWoe().get(j), within(1e-9));
            }
            assertThat(c.unseen()).isZero();
        }
    }

    @Test
    void sampleCountsEveryRowOnceAndKeepsTheScores() {
        Scorecard sc = outcome.scorecard();
        ScoredSample sample = new ScoredSample(sc.model());
        ScoreBuffer b = new ScoreBuffer(sc.model().characteristics().size(), 0);
        // A numeric characteristic given NaN, a categorical one an unseen level.
        int k = sc.model().characteristics().size();
        double[] numbers = new double[k];
        String[] levels = new String[k];
        java.util.Arrays.fill(numbers, Double.NaN);
        java.util.Arrays.fill(levels, "a level never seen");
        sc.scoreInto(numbers, levels, 0, ReasonBaseline.MAX, b);
        sample.add(b, 1);
        sample.add(b, 0);
        assertThat(sample.size()).isEqualTo(2);
        assertThat(sample.scores()).containsExactly(b.score(), b.score());
        assertThat(sample.hasTarget()).isTrue();
        assertThat(sample.target().eventCount()).isEqualTo(1);
        for (int c = 0; c < k; c++) {
            long inBins = java.util.Arrays.stream(sample.binCounts(c)).sum();
            assertThat(inBins + sample.neutralMissing(c) + sample.unseen(c)).isEqualTo(2);
        }
        sample.add(b, ScoredSample.NO_TARGET);
        assertThat(sample.hasTarget()).isFalse();
        assertThatThrownBy(sample::target).hasMessage("the sample's rows have no target");
    }

    @Test
    void oneClassIsAClearError() {
        Scorecard sc = outcome.scorecard();
        ScoredSample sample = new ScoredSample(sc.model());
        ScoreBuffer b = new ScoreBuffer(sc.model().characteristics().size(), 0);
        Map<String, String> row = sc.model().verification().get(0).inputs();
        sc.scoreInto(sc.characteristicNames().stream().map(row::get).toArray(), 0, ReasonBaseline.MAX, b);
        sample.add(b, 0);
        sample.add(b, 0);
        assertThatThrownBy(() -> Evaluator.evaluate("leads.csv", sample, DriftThresholds.defaults())).hasMessage(
                "leads.csv: evaluation needs both events and non-events, but target 'creditability' has 0 events and 2 "
                        + "non-events in 2 rows");
    }

    @Test
    void gatesCompareWithInclusiveBoundsAndNameUnknownGrades() {
        Evaluation test = outcome.evaluations().get(1);
        double auc = test.auc();
        GateOptions g = new GateOptions(OptionalDouble.of(auc), OptionalDouble.of(Math.nextUp(test.ks().ks())),
                OptionalDouble.empty(), OptionalDouble.empty(), Map.of("B", 0.0), Map.of());
        List<GateResult> r = Gates.check(g, test);
        assertThat(r).extracting(GateResult::gate).containsExactly("minAuc", "minKs", "minPrecisionAtGrade.B");
        assertThat(r).extracting(GateResult::passed).containsExactly(true, false, true);
        assertThat(Gates.table(r)).contains("minKs ", "FAIL");
        assertThat(new GateFailedException("test", r)).hasMessageStartingWith("1 of 3 go-live gates failed on the test rows:\n");
        GateOptions bad = new GateOptions(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Map.of("Z", 0.5), Map.of());
        assertThatThrownBy(() -> Gates.check(bad, test))
                .hasMessage("gates.minPrecisionAtGrade: grade 'Z' is not one of the model's grades [A, B, C, D, E]");
        assertThat(Gates.check(GateOptions.none(), test)).isEmpty();
    }

    @Test
    void gradeTableAndGainsAddUpToTheRows() {
        Evaluation test = outcome.evaluations().get(1);
        assertThat(test.grades().rows()).extracting(GradePerformance.Row::grade).containsExactly("A", "B", "C", "D", "E");
        assertThat(test.grades().rows().stream().mapToInt(GradePerformance.Row::count).sum()).isEqualTo(300);
        assertThat(test.gains().groups().stream().mapToInt(GainsTable.Group::rows).sum()).isEqualTo(300);
        assertThat(test.histogram().events().stream().mapToInt(Integer::intValue).sum()).isEqualTo(90);
        assertThat(test.histogram().nonEvents().stream().mapToInt(Integer::intValue).sum()).isEqualTo(210);
        // germancredit is a credit model trained with the default higherScoreMeans: event, so a higher
        // score means "bad": the top decile holds more bads than the bottom one.
        List<GainsTable.Group> groups = test.gains().groups();
        assertThat(groups.get(0).eventRate()).isGreaterThan(groups.get(groups.size() - 1).eventRate());
        assertThat(test.ksScore()).isNotNaN();
    }

    @Test
    void histogramBinsByHand() {
        // Scores 0, 5, 10 with 2 bins of width 5: [0, 5) holds 0; [5, 10] holds 5 and 10.
        ScoreHistogram h = ScoreHistogram.of(new double[] {0, 5, 10},
                dev.scorecard.core.data.BinaryTarget.of("y", "1", new byte[] {1, 0, 1}), 2);
        assertThat(h.edges()).containsExactly(0.0, 5.0, 10.0);
        assertThat(h.events()).containsExactly(1, 1);
        assertThat(h.nonEvents()).containsExactly(0, 1);
        ScoreHistogram one = ScoreHistogram.of(new double[] {3, 3},
                dev.scorecard.core.data.BinaryTarget.of("y", "1", new byte[] {1, 0}), 20);
        assertThat(one.edges()).containsExactly(3.0, 3.0);
        assertThat(one.events()).containsExactly(1);
    }

}
