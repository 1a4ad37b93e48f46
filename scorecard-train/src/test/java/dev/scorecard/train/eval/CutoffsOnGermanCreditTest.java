package dev.scorecard.train.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.model.Rounding;
import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.load.CsvLoader;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import dev.scorecard.train.split.Split;
import dev.scorecard.train.split.StratifiedSplitter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cut-off table of a real scorecard (the shipped germancredit data, default 0.7 split of seed 42),
 * trained both ways round and with and without integer points. With a band per distinct score its
 * largest {@code ks} is the KS statistic of the score, bit for bit; the gap is symmetric, so the
 * direction does not change it.
 *
 * <p>The evaluation reports the KS of the event probability. With unrounded points the score ranks
 * rows exactly as the probability does, and the two are equal. With integer points (the default)
 * rows with different probabilities can share a score, which no cut-off can split, so the score's KS
 * can only be lower: on the test rows 0.4000 against 0.4063 (measured here).
 */
class CutoffsOnGermanCreditTest {
    private static final Path DATA = Path.of("../datasets/germancredit/germancredit.csv");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"EVENT, NONE", "NON_EVENT, NONE", "EVENT, INTEGER", "NON_EVENT, INTEGER"})
    void largestKsWithABandPerScoreIsTheKsOfTheScore(ScoreDirection direction, Rounding rounding) {
        ScorecardConfig config = ScorecardConfig.empty().withTarget(Optional.of("creditability"), Optional.of("bad"))
                .withTraining(TrainingConfig.defaults().withScaling(
                        ScalingOptions.defaults().withHigherScoreMeans(direction).withRounding(rounding)));
        TrainWorkflow.Outcome outcome = TrainWorkflow.run(new TrainWorkflow.Request(DATA, config, Optional.empty(),
                Optional.empty(), tmp, Optional.empty(), 0.01, 1), new BinWorkflow.Listener() { });
        Dataset full = CsvLoader.load(DATA, BinWorkflow.loadOptions(config)).dataset();
        Split split = StratifiedSplitter.split(full.target(), config.training().split(), config.training().seed());
        List<Dataset> rows = List.of(split.trainOf(full), split.testOf(full));
        for (int i = 0; i < 2; i++) {
            Evaluation e = outcome.evaluations().get(i);
            String where = direction + ", " + rounding + ", " + e.name();
            ScoredSample sample = ScoredSample.of(outcome.scorecard(), rows.get(i));
            assertThat(sample.size()).isEqualTo(e.rows());
            CutoffTable perScore = Cutoffs.table(sample.scores(), sample.target(), CutoffOptions.bands(sample.size()));
            double ks = perScore.ksBand().ks();
            assertThat(ks).as(where).isEqualTo(Metrics.ks(sample.eventScores(), sample.target()).ks());
            if (rounding == Rounding.NONE) {
                assertThat(ks).as(where).isEqualTo(e.ks().ks());
            } else {
                assertThat(ks).as(where).isLessThanOrEqualTo(e.ks().ks());
            }
            // Highest scores first whichever way the score points.
            assertThat(perScore.bands().get(0).maxScore()).as(where)
                    .isEqualTo(Arrays.stream(sample.scores()).max().orElseThrow());
            // The default ten bands are a coarser grid of the same cut-offs: never a larger gap.
            assertThat(e.cutoffs().options()).isEqualTo(CutoffOptions.defaults());
            assertThat(e.cutoffs().bands()).as(where).hasSizeBetween(2, 10);
            assertThat(e.cutoffs().ksBand().ks()).as(where).isLessThanOrEqualTo(ks);
        }
        if (rounding == Rounding.INTEGER) { // the measured case of the class comment
            ScoredSample test = ScoredSample.of(outcome.scorecard(), rows.get(1));
            double ks = Cutoffs.table(test.scores(), test.target(), CutoffOptions.bands(test.size())).ksBand().ks();
            assertThat(ks).isEqualTo(0.4);
            assertThat(outcome.evaluations().get(1).ks().ks()).isEqualTo(128.0 / 315);
        }
    }
}
