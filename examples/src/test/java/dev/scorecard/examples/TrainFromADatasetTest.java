package dev.scorecard.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.Scorecard;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.model.json.ModelWriter;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.trainer.DataSource;
import dev.scorecard.train.trainer.ScorecardTrainer;
import dev.scorecard.train.trainer.TrainedScorecard;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trainer-from-a-dataset example against the hidden truth of its generator: the scorecard keeps
 * the two variables that drive conversion and drops the noise, orders the channels and the page
 * counts as the true model does, and discriminates on the held-out rows almost as well as the true
 * probabilities themselves.
 */
class TrainFromADatasetTest {
    private static final Dataset LEADS = TrainFromADataset.leads(20_000, 7);
    private static final TrainedScorecard TRAINED = TrainFromADataset.train(LEADS);

    @Test
    void keepsTheDriversAndDropsTheNoise() {
        assertThat(TRAINED.model().characteristics()).extracting(c -> c.name()).containsExactlyInAnyOrder("pages",
                "channel");
        assertThat(TRAINED.selection()).anyMatch(r -> r.variable().equals("noise") && !r.selected());
        assertThat(TrainFromADataset.report(TRAINED)).contains("removed noise: ", "a referral lead with 12 pages: score ");
    }

    @Test
    void ordersChannelsAndPagesAsTheTrueModelDoes() {
        Scorecard sc = TRAINED.scorecard();
        // True channel effects: display -1.2 < social -0.6 < search 0.4 < referral 1.0 (higher score = converts).
        double display = points(sc, 5, "display");
        double social = points(sc, 5, "social");
        double search = points(sc, 5, "search");
        double referral = points(sc, 5, "referral");
        assertThat(display).isLessThanOrEqualTo(social);
        assertThat(social).isLessThanOrEqualTo(search);
        assertThat(search).isLessThanOrEqualTo(referral);
        assertThat(referral - display).isGreaterThan(20); // 2.2 in log-odds is about 63 points at pdo 20
        double previous = Double.NEGATIVE_INFINITY;
        for (int pages = 0; pages <= 15; pages++) {
            double p = points(sc, pages, "search");
            assertThat(p).as("score at %d pages", pages).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
        assertThat(points(sc, 15, "search") - points(sc, 0, "search")).isGreaterThan(60);
    }

    @Test
    void heldOutAucIsCloseToTheTruesProbabilities() {
        Dataset test = TRAINED.test();
        NumericColumn pages = (NumericColumn) test.feature("pages").orElseThrow();
        CategoricalColumn channel = (CategoricalColumn) test.feature("channel").orElseThrow();
        int n = test.rowCount();
        double[] truth = new double[n];
        double[] score = new double[n];
        int[] y = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(pages.value(i))) {
                continue; // the true model needs the page count
            }
            truth[kept] = TrainFromADataset.trueLogOdds((int) pages.value(i), channel.code(i));
            score[kept] = points(TRAINED.scorecard(), (int) pages.value(i), channel.level(i));
            y[kept] = test.target().event(i);
            kept++;
        }
        double oracle = auc(Arrays.copyOf(truth, kept), Arrays.copyOf(y, kept));
        double ours = auc(Arrays.copyOf(score, kept), Arrays.copyOf(y, kept));
        assertThat(oracle).isBetween(0.70, 0.90);
        assertThat(ours).isBetween(oracle - 0.01, oracle + 0.005);
        SplitMetrics testMetrics = TRAINED.model().metrics().get(1);
        assertThat(testMetrics.split()).isEqualTo("test");
        assertThat(testMetrics.auc()).isBetween(oracle - 0.015, oracle + 0.01);
    }

    @Test
    void sameDataConfigAndSeedGiveTheSameModelBytesOnAnyThreadCount() {
        ScorecardConfig config = ScorecardConfig.empty().withTraining(TrainingConfig.defaults().withSplit(0.7, 42));
        DataSource source = DataSource.inMemory("generated-leads", LEADS);
        byte[] one = ModelWriter.toBytes(new ScorecardTrainer(config).fit(LEADS, source).model());
        byte[] two = ModelWriter.toBytes(new ScorecardTrainer(config).withThreads(2).fit(LEADS, source).model());
        assertThat(two).isEqualTo(one);
        assertThat(ModelWriter.toBytes(TRAINED.model())).isEqualTo(one);
        // The digest names the rows: another seed of the generator is another dataset.
        assertThat(DataSource.inMemory("x", TrainFromADataset.leads(20_000, 8)).dataSha256())
                .isNotEqualTo(source.dataSha256());
        assertThat(TRAINED.model().provenance().dataFile()).isEqualTo("generated-leads");
        assertThat(TRAINED.model().name()).isEqualTo("generated-leads");
    }

    private static double points(Scorecard sc, int pages, String channel) {
        return sc.score(Map.of("pages", pages, "channel", channel, "noise", 0.5)).score();
    }

    /** Mann–Whitney AUC with ties counted half, by sorting (events ranked against non-events). */
    private static double auc(double[] s, int[] y) {
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b]));
        double rankSum = 0;
        long events = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && s[order[j]] == s[order[i]]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (y[order[k]] == 1) {
                    rankSum += midRank;
                    events++;
                }
            }
            i = j;
        }
        long nonEvents = s.length - events;
        return (rankSum - events * (events + 1) / 2.0) / ((double) events * nonEvents);
    }
}
