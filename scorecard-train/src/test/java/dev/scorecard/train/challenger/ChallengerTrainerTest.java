package dev.scorecard.train.challenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.load.CsvLoader;
import dev.scorecard.train.split.Split;
import dev.scorecard.train.split.StratifiedSplitter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The challenger models on the shipped data and on hand-built edge cases, with the 0.7 stratified
 * split of seed 42 that {@code scorecard train} uses by default.
 *
 * <p>The AUC bounds are sanity bands that catch a broken encoding or a model that learns nothing, not
 * reference values. German credit: published tree ensembles reach about 0.75 to 0.80 test AUC, and
 * 300 test rows make the estimate vary by a few hundredths, hence 0.70 to 0.90. Bank marketing
 * without {@code duration}: boosted trees reach about 0.80 (Moro, Cortez and Rita 2014 report 0.80 for
 * their best model on the related {@code bank-additional} data, which has more features); we measured
 * 0.804 ({@code gbm}) and 0.794 ({@code rf}) and 0.931 with the leaky {@code duration} kept, so the bar
 * is 0.78. A bar of 0.85 holds only with {@code duration}, which a real model must not use.
 */
class ChallengerTrainerTest {
    private static final Path GERMAN = Path.of("../datasets/germancredit/germancredit.csv");
    private static final Path BANK = Path.of("../datasets/bank-marketing/bank-full.csv.gz");

    /** The bank data is loaded once, by the first test that needs it (a second or so). */
    private static final class Bank {
        static final Dataset[] PARTS = split(CsvLoader.load(BANK, CsvLoadOptions.defaults("y").withPositive("yes")
                .withExclude(Set.of("duration")).withMissingValues(List.of("", "unknown"))).dataset());
    }

    private static Dataset[] split(Dataset full) {
        Split s = StratifiedSplitter.split(full.target(), 0.7, 42);
        return new Dataset[] {s.trainOf(full), s.testOf(full)};
    }

    @ParameterizedTest
    @EnumSource(ChallengerKind.class)
    void germanCreditFitsWithinTheBandAndRepeatsExactly(ChallengerKind kind) {
        Dataset[] parts = split(CsvLoader.load(GERMAN, CsvLoadOptions.defaults("creditability").withPositive("bad"))
                .dataset());
        ChallengerOptions options = ChallengerOptions.defaults(kind);

        long start = System.nanoTime();
        ChallengerFit first = ChallengerTrainer.fit(parts[0], parts[1], options);
        double seconds = (System.nanoTime() - start) / 1e9;
        // Another thread count and another pool: Smile's trees land on other threads, same result.
        ChallengerFit second = ChallengerTrainer.fit(parts[0], parts[1], options, 1);
        ChallengerFit otherSeed = ChallengerTrainer.fit(parts[0], parts[1], options.withSeed(7));
        System.out.printf(Locale.ROOT, "germancredit %s: train AUC %.4f, test AUC %.4f, test KS %.4f, %.2f s"
                + " (seed 7: test AUC %.4f)%n", kind.configName(), first.trainAuc(), first.testAuc(), first.testKs().ks(),
                seconds, otherSeed.testAuc());

        assertThat(first.kind()).isEqualTo(kind);
        assertThat(first.options()).isEqualTo(options);
        assertThat(first.features()).hasSize(20).startsWith("status_of_existing_checking_account");
        assertThat(first.testProbabilities()).hasSize(parts[1].rowCount());
        assertThat(first.testAuc()).isBetween(0.70, 0.90);
        assertThat(second.testAuc()).isEqualTo(first.testAuc());
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed.testProbabilities()).isNotEqualTo(first.testProbabilities());
    }

    @ParameterizedTest
    @EnumSource(ChallengerKind.class)
    void bankMarketingWithoutDurationFitsInSeconds(ChallengerKind kind) {
        Dataset[] parts = Bank.PARTS;

        long start = System.nanoTime();
        ChallengerFit fit = ChallengerTrainer.fit(parts[0], parts[1], ChallengerOptions.defaults(kind));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "bank-full %s: %d train rows, train AUC %.4f, test AUC %.4f, test KS %.4f,"
                + " %.2f s on %d processors%n", kind.configName(), parts[0].rowCount(), fit.trainAuc(), fit.testAuc(),
                fit.testKs().ks(), seconds, Runtime.getRuntime().availableProcessors());

        assertThat(fit.features()).hasSize(15).doesNotContain("duration");
        assertThat(fit.testAuc()).isGreaterThan(0.78);
    }

    /**
     * 40 training rows where a missing {@code x} and level {@code a} mark events. The test rows hold
     * a missing {@code x}, a level no training row holds and one the training file never had.
     */
    @ParameterizedTest
    @EnumSource(ChallengerKind.class)
    void missingValuesAndUnseenLevelsAreScored(ChallengerKind kind) {
        int n = 40;
        double[] x = new double[n];
        int[] c = new int[n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (i % 2);
            x[i] = y[i] == 1 && i < 30 ? Double.NaN : i;
            c[i] = y[i] == 1 && i % 4 != 1 ? 0 : 1; // events mostly "a", non-events all "b"
        }
        // "q" is in the training column's dictionary but no training row holds it.
        List<String> levels = List.of("a", "b", "q");
        Dataset train = new Dataset(List.of(NumericColumn.of("x", x), CategoricalColumn.of("c", c, levels)), List.of(),
                BinaryTarget.of("y", "1", y));
        // Rows: missing x and "a"; x = 4 and "b"; x = 4 and unseen "z"; x = 4 and "q"; x = 4 and missing c.
        Dataset test = new Dataset(List.of(NumericColumn.of("x", new double[] {Double.NaN, 4, 4, 4, 4}),
                CategoricalColumn.of("c", new int[] {0, 1, 3, 2, CategoricalColumn.MISSING}, List.of("a", "b", "q", "z"))),
                List.of(), BinaryTarget.of("y", "1", new byte[] {1, 0, 0, 0, 1}));
        ChallengerOptions options = ChallengerOptions.defaults(kind).withTrees(20).withNodeSize(2).withShrinkage(0.3);

        ChallengerFit fit = ChallengerTrainer.fit(train, test, options);
        double[] p = fit.testProbabilities();

        assertThat(fit.features()).containsExactly("x", "c");
        assertThat(Arrays.stream(p).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(Arrays.stream(p).max().orElseThrow()).isLessThanOrEqualTo(1.0);
        assertThat(p[0]).as("missing x and level a look like an event").isGreaterThan(p[1]);
        // Neither "z" nor "q" was held by a training row: both take the "other levels" branch everywhere.
        assertThat(p[2]).isEqualTo(p[3]);
    }

    @Test
    void oneClassInTrainingIsRefused() {
        Dataset train = new Dataset(List.of(NumericColumn.of("x", new double[] {1, 2, 3})), List.of(),
                BinaryTarget.of("bad", "1", new byte[] {0, 0, 0}));

        assertThatThrownBy(() -> ChallengerTrainer.fit(train, train, ChallengerOptions.defaults(ChallengerKind.RF)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("challenger rf needs both events and non-events in the training rows, but target 'bad' has"
                        + " 0 events and 3 non-events");
    }

    @Test
    void noFeatureIsRefused() {
        List<Column> none = List.of();
        Dataset train = new Dataset(none, List.of(), BinaryTarget.of("bad", "1", new byte[] {0, 1}));

        assertThatThrownBy(() -> ChallengerTrainer.fit(train, train, ChallengerOptions.defaults(ChallengerKind.GBM)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("challenger gbm needs at least one feature, but the training rows have none");
    }

    @Test
    void threadsMustBePositive() {
        Dataset train = new Dataset(List.of(NumericColumn.of("x", new double[] {1, 2})), List.of(),
                BinaryTarget.of("bad", "1", new byte[] {0, 1}));

        assertThatThrownBy(() -> ChallengerTrainer.fit(train, train, ChallengerOptions.defaults(ChallengerKind.GBM), 0))
                .hasMessage("threads: 0 is out of range; expected at least 1");
    }
}
