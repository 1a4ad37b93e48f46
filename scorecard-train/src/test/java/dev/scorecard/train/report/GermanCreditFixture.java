package dev.scorecard.train.report;

import dev.scorecard.core.Scorecard;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.challenger.ChallengerFit;
import dev.scorecard.train.challenger.ChallengerKind;
import dev.scorecard.train.challenger.ChallengerOptions;
import dev.scorecard.train.challenger.ChallengerTrainer;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.eval.DriftThresholds;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.Evaluator;
import dev.scorecard.train.eval.GateOptions;
import dev.scorecard.train.eval.GateResult;
import dev.scorecard.train.eval.Gates;
import dev.scorecard.train.eval.ScoredSample;
import dev.scorecard.train.eval.StabilityReport;
import dev.scorecard.train.load.CsvLoader;
import dev.scorecard.train.monitor.MonitorResult;
import dev.scorecard.train.monitor.Performance;
import dev.scorecard.train.monitor.Period;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import dev.scorecard.train.split.Split;
import dev.scorecard.train.split.StratifiedSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A real scorecard trained on the shipped German credit data (a credit model: a higher score means
 * less likely {@code bad}) by {@link TrainWorkflow} with the default 0.7 stratified split of seed 42,
 * and the train and test evaluations, challenger and gates that {@code train} would report. Built
 * once per test run (training takes a second or two), shared read-only by the report tests.
 */
public final class GermanCreditFixture {
    static final Path DATA = Path.of("../datasets/germancredit/germancredit.csv");

    /** Gates the test rows pass: minAuc 0.70 (the test AUC is about 0.78), maxPsi 0.10. */
    static final GateOptions PASSING = new GateOptions(OptionalDouble.of(0.70), OptionalDouble.empty(),
            OptionalDouble.of(0.10), OptionalDouble.empty(), Map.of(), Map.of());
    /** Gates with an AUC no scorecard on this data reaches. */
    public static final GateOptions FAILING = new GateOptions(OptionalDouble.of(0.99), OptionalDouble.of(0.10),
            OptionalDouble.empty(), OptionalDouble.empty(), Map.of(), Map.of());

    final ScorecardModel model;
    final Scorecard scorecard;
    final TrainWorkflow.Outcome outcome;
    final Dataset full;
    final Dataset train;
    final Dataset test;
    final Evaluation trainEvaluation;
    final Evaluation testEvaluation;
    final ChallengerFit challenger;

    private static final class Holder {
        static final GermanCreditFixture INSTANCE = new GermanCreditFixture();
    }

    public static GermanCreditFixture get() {
        return Holder.INSTANCE;
    }

    private GermanCreditFixture() {
        ScorecardConfig config = ScorecardConfig.empty().withTarget(Optional.of("creditability"), Optional.empty())
                .withTraining(TrainingConfig.defaults().withScaling(
                        ScalingOptions.defaults().withHigherScoreMeans(ScoreDirection.NON_EVENT).withBaseOdds(50)));
        Path out;
        try {
            out = Files.createTempDirectory("report-fixture");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        outcome = TrainWorkflow.run(new TrainWorkflow.Request(DATA, config, Optional.empty(), Optional.empty(), out,
                Optional.empty(), 0.01, 2), new BinWorkflow.Listener() { });
        model = outcome.model();
        scorecard = outcome.scorecard();
        full = CsvLoader.load(DATA, BinWorkflow.loadOptions(config)).dataset();
        Split split = StratifiedSplitter.split(full.target(), config.training().split(), config.training().seed());
        train = split.trainOf(full);
        test = split.testOf(full);
        trainEvaluation = evaluate("train", train);
        testEvaluation = evaluate("test", test);
        challenger = ChallengerTrainer.fit(train, test, ChallengerOptions.defaults(ChallengerKind.GBM).withTrees(60), 2);
    }

    Evaluation evaluate(String name, Dataset rows) {
        return Evaluator.evaluate(name, ScoredSample.of(scorecard, rows), DriftThresholds.defaults());
    }

    /** @return what {@code train} reports, with the given gates checked on the test rows */
    public ReportInput trainInput(GateOptions gates) {
        List<GateResult> results = gates.any() ? Gates.check(gates, testEvaluation) : List.of();
        return new ReportInput("train", model, "germancredit.csv", Optional.empty(), model.provenance().rowsRead(),
                model.provenance().rowsRejected(), List.of(trainEvaluation, testEvaluation), outcome.binning(),
                outcome.selection(), Optional.of(challenger), results);
    }

    /** @return what {@code evaluate} reports on the test rows: one evaluation, no variables or selection */
    ReportInput evaluateInput() {
        return new ReportInput("evaluate", model, "germancredit-test.csv", Optional.empty(), test.rowCount(), 0,
                List.of(testEvaluation), List.of(), List.of(), Optional.empty(), List.of());
    }

    /**
     * Monitoring of a shifted population: the 40 % of rows the model finds riskiest (lowest scores),
     * which moves the score far from its training deciles (an alert), in two periods, a stable one
     * (the test rows) and the shifted one.
     */
    MonitorResult shiftedMonitor() {
        double[] scores = ScoredSample.of(scorecard, full).scores();
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double cut = sorted[(int) (0.4 * sorted.length)];
        int[] rows = java.util.stream.IntStream.range(0, scores.length).filter(i -> scores[i] < cut).toArray();
        Dataset shifted = full.select(rows);
        ScoredSample sample = ScoredSample.of(scorecard, shifted);
        StabilityReport overall = StabilityReport.of(sample, DriftThresholds.defaults());
        Evaluation now = evaluate("current", shifted);
        var trainMetrics = model.metrics().get(0);
        Performance performance = new Performance(now.rows(), now.events(), now.auc(), now.ks().ks(),
                (double) trainMetrics.events() / trainMetrics.rows(), trainMetrics.auc(), trainMetrics.ks());
        Performance stablePerformance = new Performance(testEvaluation.rows(), testEvaluation.events(),
                testEvaluation.auc(), testEvaluation.ks().ks(), performance.trainingEventRate(), trainMetrics.auc(),
                trainMetrics.ks());
        List<Period> periods = List.of(
                new Period("2026-10", test.rowCount(), testEvaluation.stability(), Optional.of(stablePerformance)),
                new Period("2026-11", shifted.rowCount(), overall, Optional.of(performance)));
        return new MonitorResult("leads_2026_11.csv", shifted.rowCount() + 3, 3, overall, Optional.of(performance),
                Optional.of("month"), Optional.empty(), periods);
    }
}
