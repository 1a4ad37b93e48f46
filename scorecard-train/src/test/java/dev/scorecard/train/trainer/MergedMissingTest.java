package dev.scorecard.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.binning.MissingPolicy;
import dev.scorecard.core.binning.WoeEncoder;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.VerificationCase;
import dev.scorecard.core.model.json.ModelWriter;
import dev.scorecard.core.regression.LogisticFit;
import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.eval.CharacteristicDrift;
import dev.scorecard.train.eval.DriftThresholds;
import dev.scorecard.train.eval.ScoredSample;
import dev.scorecard.train.eval.StabilityReport;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code missing: merge-with-closest-woe}, training counts a characteristic's missing rows in the
 * regular bin with the closest WOE and fits the regression with those rows at that bin's WOE. Scoring
 * must do the same: a missing value gets the merged bin's points and WOE, with no {@code missing:}
 * warning, so that the scorer's linear predictor on every training row is the fitted one.
 *
 * <p>The data are generated: {@code pages} (0–15, log-odds rising 0.3 a page) is missing on 6 % of
 * the rows, which convert like 12 pages; {@code channel} (four levels) is missing on 6 %, converting
 * like {@code referral}, the best channel. Both are far from neutral (WOE 0), so a missing value
 * scored neutrally is visibly different.
 */
class MergedMissingTest {
    private static final String[] CHANNELS = {"search", "social", "referral", "display"};
    private static final double[] CHANNEL_EFFECT = {0.3, -0.6, 1.2, -1.0};

    private static TrainedScorecard trained;

    @BeforeAll
    static void train() {
        int n = 6000;
        SplittableRandom random = new SplittableRandom(11);
        double[] pages = new double[n];
        int[] channel = new int[n];
        byte[] converted = new byte[n];
        for (int i = 0; i < n; i++) {
            boolean pagesMissing = random.nextInt(100) < 6;
            boolean channelMissing = random.nextInt(100) < 6;
            int views = pagesMissing ? 12 : random.nextInt(0, 16);
            int ch = channelMissing ? 2 : random.nextInt(CHANNELS.length);
            double logOdds = -3.0 + 0.3 * views + CHANNEL_EFFECT[ch];
            converted[i] = (byte) (random.nextDouble() < 1 / (1 + Math.exp(-logOdds)) ? 1 : 0);
            pages[i] = pagesMissing ? Double.NaN : views;
            channel[i] = channelMissing ? CategoricalColumn.MISSING : ch;
        }
        List<Column> features = List.of(NumericColumn.of("pages", pages),
                CategoricalColumn.of("channel", channel, List.of(CHANNELS)));
        Dataset data = new Dataset(features, List.of(), BinaryTarget.of("converted", "1", converted));
        ScorecardConfig config = ScorecardConfig.empty()
                .withBinning(BinningOptions.defaults().withMissing(MissingPolicy.MERGE_WITH_CLOSEST_WOE), Map.of())
                .withTraining(TrainingConfig.defaults().withSplit(0.7, 42));
        trained = new ScorecardTrainer(config).withThreads(1).fit(data, DataSource.inMemory("merged-missing", data));
    }

    @Test
    void bothCharacteristicsAreInTheModelWithTheirMissingRowsMergedIntoARegularBin() {
        ScorecardModel model = trained.model();
        assertThat(model.characteristics()).extracting(Characteristic::name).containsExactlyInAnyOrder("pages", "channel");
        for (Characteristic c : model.characteristics()) {
            Binning b = binning(c.name());
            assertThat(c.bins()).as(c.name()).noneMatch(bin -> bin.kind() == BinKind.MISSING);
            assertThat(b.missingBin()).as(c.name()).isNotNegative();
            ModelBin merged = c.bins().get(b.missingBin());
            assertThat(merged.kind()).isEqualTo(BinKind.REGULAR);
            assertThat(merged.label()).endsWith(", Missing");
            assertThat(Math.abs(merged.woe())).as(c.name() + ": the merged bin is far from neutral").isGreaterThan(0.3);
        }
    }

    @Test
    void aMissingValueScoresThePointsAndWoeOfTheBinItWasMergedInto() {
        ScorecardModel model = trained.model();
        LogisticFit fit = trained.fit();
        Characteristic pages = characteristic("pages");
        Characteristic channel = characteristic("channel");
        ModelBin pagesMerged = pages.bins().get(binning("pages").missingBin());
        ModelBin channelMerged = channel.bins().get(binning("channel").missingBin());

        Map<String, Object> row = new HashMap<>();
        row.put("pages", null);
        row.put("channel", null);
        ScoreResult r = trained.scorecard().score(row);

        assertThat(r.warnings()).isEmpty();
        int kp = model.characteristics().indexOf(pages);
        int kc = model.characteristics().indexOf(channel);
        assertThat(r.points().get(kp)).isEqualTo(pagesMerged.points());
        assertThat(r.points().get(kc)).isEqualTo(channelMerged.points());
        assertThat(r.score()).isEqualTo(model.basePoints() + pagesMerged.points() + channelMerged.points());
        double[] woe = new double[model.characteristics().size()];
        woe[kp] = pagesMerged.woe();
        woe[kc] = channelMerged.woe();
        // The fit's coefficients are in model order (the trainer copies them so).
        assertThat(r.probability()).isCloseTo(fit.probability(woe), within(1e-12));
        assertThat(r.reasons()).noneMatch(s -> s.endsWith(": Missing"));
    }

    /**
     * The model file names the merged bin ({@code missingBin}); the file loads, its checksum and
     * verification rows hold, and its all-missing verification row expects the merged bins' points.
     */
    @Test
    void theModelFileNamesTheMergedBinAndItsVerificationRowsReplay() {
        ScorecardModel model = trained.model();
        for (Characteristic c : model.characteristics()) {
            assertThat(c.missingBin()).as(c.name()).hasValue(binning(c.name()).missingBin());
            assertThat(c.missingValueBin()).isEqualTo(binning(c.name()).missingBin());
        }
        byte[] file = ModelWriter.toBytes(model);
        Scorecard loaded = Scorecard.load(new ByteArrayInputStream(file));
        assertThat(loaded.model()).isEqualTo(model);
        VerificationCase allMissing = model.verification().stream()
                .filter(v -> v.inputs().values().stream().allMatch(java.util.Objects::isNull)).findFirst().orElseThrow();
        List<Double> merged = model.characteristics().stream().map(c -> c.bins().get(c.missingValueBin()).points()).toList();
        assertThat(allMissing.points()).isEqualTo(merged);
        assertThat(allMissing.reasons()).noneMatch(s -> s.endsWith(": Missing"));
    }

    /** The linear predictor the scorer uses on every training row is the one fitted: intercept + Σ β·WOE. */
    @Test
    void theScorerReproducesTheFittedProbabilityOnEveryTrainingRow() {
        ScorecardModel model = trained.model();
        Dataset train = trained.train();
        List<Characteristic> cs = model.characteristics();
        double[][] woe = new double[cs.size()][];
        for (int k = 0; k < cs.size(); k++) {
            woe[k] = WoeEncoder.woe(binning(cs.get(k).name()), train.feature(cs.get(k).name()).orElseThrow());
        }
        double[] scores = new double[train.rowCount()];
        double[] probabilities = new double[train.rowCount()];
        trained.scorecard().scoreBatch(train.features(), scores, probabilities);
        int missingRows = 0;
        int differ = 0;
        for (int i = 0; i < train.rowCount(); i++) {
            double[] x = new double[cs.size()];
            boolean missing = false;
            for (int k = 0; k < cs.size(); k++) {
                x[k] = woe[k][i];
                missing |= train.feature(cs.get(k).name()).orElseThrow().isMissing(i);
            }
            missingRows += missing ? 1 : 0;
            if (Math.abs(probabilities[i] - trained.fit().probability(x)) > 1e-12) {
                differ++;
            }
        }
        assertThat(missingRows).as("training rows with a missing value").isGreaterThan(300);
        assertThat(differ).as("training rows whose scored probability is not the fitted one").isZero();
    }

    /**
     * Monitoring on the training rows: the missing rows are counted in the merged bin, where the
     * training shares have them (so the CSI over the bins is 0), and still counted as missing now; the
     * training missing share is unknown (NaN), the bin's share also counting other values.
     */
    @Test
    void monitoringCountsTheMissingRowsInTheMergedBinAndAsMissing() {
        Dataset train = trained.train();
        StabilityReport r = StabilityReport.of(ScoredSample.of(trained.scorecard(), train), DriftThresholds.defaults());
        for (CharacteristicDrift d : r.characteristics()) {
            Column col = train.feature(d.name()).orElseThrow();
            long missing = 0;
            for (int i = 0; i < col.size(); i++) {
                missing += col.isMissing(i) ? 1 : 0;
            }
            assertThat(d.missingShare()).as(d.name()).isEqualTo((double) missing / train.rowCount());
            assertThat(d.baselineMissingShare()).as(d.name()).isNaN();
            assertThat(d.csi().value()).as(d.name()).isCloseTo(0, within(1e-12));
            assertThat(d.currentCounts().stream().mapToLong(Long::longValue).sum()).isEqualTo(train.rowCount());
        }
    }

    private static Characteristic characteristic(String name) {
        return trained.model().characteristics().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static Binning binning(String name) {
        return trained.binning().stream().filter(r -> r.variable().equals(name)).findFirst()
                .flatMap(VariableResult::binning).orElseThrow();
    }
}
