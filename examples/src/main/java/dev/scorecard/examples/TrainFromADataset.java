package dev.scorecard.examples;

import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.trainer.DataSource;
import dev.scorecard.train.trainer.ScorecardTrainer;
import dev.scorecard.train.trainer.TrainedScorecard;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Training from Java with no file at all: build a {@link Dataset} in code, fit a scorecard with
 * {@link ScorecardTrainer}, read its metrics and points, and score a new lead. This is how the lead
 * side and a service fit a scorecard on data they already hold.
 *
 * <p>The leads are generated from a known logistic model, so the example can also say how close the
 * scorecard comes to the truth: {@code pages} and {@code channel} drive conversion, {@code noise}
 * does not.
 *
 * <p>Run from the repository root:
 * {@code java -cp "examples/target/classes:scorecard-cli/target/lib/*" dev.scorecard.examples.TrainFromADataset}
 */
public final class TrainFromADataset {
    static final List<String> CHANNELS = List.of("search", "social", "referral", "display");
    /** The true log-odds contribution of each channel, in {@link #CHANNELS} order. */
    static final double[] CHANNEL_EFFECT = {0.4, -0.6, 1.0, -1.2};
    static final double INTERCEPT = -2.0;
    static final double PAGES_EFFECT = 0.25;

    private TrainFromADataset() {
    }

    /** @param args optional number of leads (default 20,000) and seed (default 7) */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        System.out.print(report(train(leads(n, seed))));
    }

    /** @return {@code n} leads drawn from the known model; ~1 % of {@code pages} are missing */
    static Dataset leads(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] pages = new double[n];
        double[] noise = new double[n];
        int[] channel = new int[n];
        byte[] converted = new byte[n];
        for (int i = 0; i < n; i++) {
            int views = random.nextInt(0, 16);
            channel[i] = random.nextInt(CHANNELS.size());
            noise[i] = random.nextDouble();
            double logOdds = trueLogOdds(views, channel[i]);
            converted[i] = (byte) (random.nextDouble() < 1 / (1 + Math.exp(-logOdds)) ? 1 : 0);
            pages[i] = random.nextInt(100) == 0 ? Double.NaN : views;
        }
        List<Column> features = List.of(NumericColumn.of("pages", pages), CategoricalColumn.of("channel", channel, CHANNELS),
                NumericColumn.of("noise", noise));
        return new Dataset(features, List.of(), BinaryTarget.of("converted", "1", converted));
    }

    static double trueLogOdds(int pages, int channel) {
        return INTERCEPT + PAGES_EFFECT * pages + CHANNEL_EFFECT[channel];
    }

    /** Fits with the defaults: a 70/30 stratified split with seed 42, bins, selection, points, grades. */
    static TrainedScorecard train(Dataset leads) {
        ScorecardConfig config = ScorecardConfig.empty().withTraining(TrainingConfig.defaults().withSplit(0.7, 42));
        return new ScorecardTrainer(config).withThreads(2).fit(leads, DataSource.inMemory("generated-leads", leads));
    }

    static String report(TrainedScorecard trained) {
        StringBuilder out = new StringBuilder();
        out.append("characteristics: ").append(trained.model().characteristics().stream().map(c -> c.name()).toList())
                .append('\n');
        for (SplitMetrics m : trained.model().metrics()) {
            out.append(String.format(Locale.ROOT, "%-5s rows %6d  AUC %.4f  KS %.4f%n", m.split(), m.rows(), m.auc(),
                    m.ks()));
        }
        trained.selection().stream().filter(r -> !r.selected())
                .forEach(r -> out.append("removed ").append(r.variable()).append(": ").append(r.reason()).append('\n'));
        ScoreResult lead = trained.scorecard().score(Map.of("pages", 12, "channel", "referral", "noise", 0.5));
        out.append(String.format(Locale.ROOT, "a referral lead with 12 pages: score %.0f, grade %s, probability %.3f%n",
                lead.score(), lead.grade(), lead.probability()));
        return out.toString();
    }
}
