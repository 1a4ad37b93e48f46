package dev.scorecard.train.trainer;

import dev.scorecard.core.Scorecard;
import dev.scorecard.core.binning.Bin;
import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.binning.WoeEncoder;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.GradeTable;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.Provenance;
import dev.scorecard.core.model.ScoreScale;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.regression.CodedColumn;
import dev.scorecard.core.regression.IrlsFitter;
import dev.scorecard.core.regression.LogisticFit;
import dev.scorecard.core.scaling.CharacteristicPoints;
import dev.scorecard.core.scaling.PointsScaler;
import dev.scorecard.core.scaling.PointsTable;
import dev.scorecard.train.binning.BinningListener;
import dev.scorecard.train.binning.BinningProcess;
import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.config.ConfigJson;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.select.ModelSelector;
import dev.scorecard.train.select.SelectionRow;
import dev.scorecard.train.select.VariableFilters;
import dev.scorecard.train.split.Split;
import dev.scorecard.train.split.StratifiedSplitter;
import dev.scorecard.train.split.TimeSplitter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Fits a scorecard from data in memory: split the rows, bin every candidate on the training rows,
 * filter and select, fit the logistic regression on the WOE-coded design, scale to points, grade,
 * measure train and test, and choose the verification rows. No file is read or written; the same
 * dataset, config and seed give the same model on any thread count.
 *
 * <p>A trainer holds configuration only and is immutable, so one instance may fit many datasets, from
 * many threads. {@code with…} methods return a changed copy.
 *
 * <pre>{@code
 * ScorecardConfig config = ScorecardConfig.empty().withTraining(TrainingConfig.defaults().withSplit(0.7, 42));
 * TrainedScorecard trained = new ScorecardTrainer(config).fit(dataset);
 * double score = trained.scorecard().score(Map.of("age", 31, "channel", "search")).score();
 * }</pre>
 */
public final class ScorecardTrainer {
    private static final String DEFAULT_BINS_SOURCE = "bins file";

    private final ScorecardConfig config;
    private final BinsSpec userBins;
    private final String userBinsSource;
    private final int threads;
    private final BinningListener listener;

    /**
     * A trainer with no user bins, one binning thread and no progress listener.
     *
     * @param config binning, selection, regression, scaling, grades, split and seed; its target, when
     *     set, must be the dataset's
     */
    public ScorecardTrainer(ScorecardConfig config) {
        this(config, new BinsSpec(Map.of()), DEFAULT_BINS_SOURCE, 1, new BinningListener() { });
    }

    private ScorecardTrainer(ScorecardConfig config, BinsSpec userBins, String userBinsSource, int threads,
            BinningListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.userBins = Objects.requireNonNull(userBins, "userBins");
        this.userBinsSource = Objects.requireNonNull(userBinsSource, "userBinsSource");
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " is out of range; expected at least 1");
        }
        this.threads = threads;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * @param bins breaks that override automatic binning for the variables they name
     * @param source what to call them in error messages, e.g. the bins file's name
     * @return a copy that applies these user bins
     */
    public ScorecardTrainer withUserBins(BinsSpec bins, String source) {
        return new ScorecardTrainer(config, bins, source, threads, listener);
    }

    /** @return a copy that bins variables on this many threads (the result does not depend on it) */
    public ScorecardTrainer withThreads(int threads) {
        return new ScorecardTrainer(config, userBins, userBinsSource, threads, listener);
    }

    /** @return a copy that reports binning progress to this listener */
    public ScorecardTrainer withListener(BinningListener listener) {
        return new ScorecardTrainer(config, userBins, userBinsSource, threads, listener);
    }

    /**
     * Splits the rows as the config says and fits; the provenance names the data "dataset".
     *
     * @see #fit(Dataset, DataSource)
     */
    public TrainedScorecard fit(Dataset data) {
        return fit(data, DataSource.inMemory("dataset", data));
    }

    /**
     * Splits the rows as the config says (out of time when {@code training.timeColumn} is set, the
     * time column being one of the dataset's ids; otherwise random, stratified by the target, with
     * {@code training.seed}) and fits on the training part.
     *
     * @param data every row: features, ids and the target
     * @param source where the rows came from, for the model's provenance
     * @return the model and how it was fitted
     * @throws dev.scorecard.core.InputDataException when the time column cannot split the rows
     * @throws NoVariableSurvivedException when selection removes every candidate
     * @throws dev.scorecard.core.FitException when the regression cannot be fitted
     */
    public TrainedScorecard fit(Dataset data, DataSource source) {
        TrainingConfig t = config.training();
        if (t.timeColumn().isPresent()) {
            String name = t.timeColumn().get();
            Column time = data.ids().stream().filter(col -> col.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("time column '" + name + "' is not an id column of the data"));
            Split s = TimeSplitter.split(time, t.ootFrom().orElseThrow());
            return fitSplit(s.trainOf(data), s.testOf(data), "out of time: " + name + " >= " + t.ootFrom().get(), source);
        }
        Split s = StratifiedSplitter.split(data.target(), t.split(), t.seed());
        return fitSplit(s.trainOf(data), s.testOf(data), "random stratified " + DoubleFormat.format(t.split()), source);
    }

    /**
     * Fits on every row of {@code train} and measures on {@code test}, e.g. rows from a separate file.
     *
     * @param train the rows to fit on
     * @param test the rows to measure on, with the same columns
     * @param testName what to call the test rows in the provenance, e.g. the test file
     * @param source where the training rows came from
     * @return the model and how it was fitted
     */
    public TrainedScorecard fit(Dataset train, Dataset test, String testName, DataSource source) {
        return fitSplit(train, test, "test file " + testName, source);
    }

    private TrainedScorecard fitSplit(Dataset train, Dataset test, String splitText, DataSource source) {
        if (config.target().isPresent() && !config.target().get().equals(train.target().name())) {
            throw new IllegalArgumentException("the config's target '" + config.target().get()
                    + "' is not the dataset's, '" + train.target().name() + "'");
        }
        if (!config.training().cv().enabled()) {
            return fitOnce(train, test, splitText, source, Optional.empty());
        }
        CvResult cv = CrossValidation.run(this, config, train, source, listener::crossValidated);
        ScorecardConfig tuned = CrossValidation.apply(config, cv.minBinShare(), cv.l2(), cv.maxCorrelation());
        return new ScorecardTrainer(tuned, userBins, userBinsSource, threads, listener)
                .fitOnce(train, test, splitText, source, Optional.of(cv));
    }

    /**
     * One cross-validation fit: the same trainer with another config, silent, on a fold's rows. The
     * fold model is only measured, so its provenance names the whole training source rather than
     * hashing every fold's rows again.
     */
    TrainedScorecard fitFold(ScorecardConfig foldConfig, Dataset foldTrain, Dataset foldTest, DataSource source) {
        return new ScorecardTrainer(foldConfig, userBins, userBinsSource, threads, new BinningListener() { })
                .fitOnce(foldTrain, foldTest, "cross-validation fold", source, Optional.empty());
    }

    private TrainedScorecard fitOnce(Dataset train, Dataset test, String splitText, DataSource source,
            Optional<CvResult> cv) {
        TrainingConfig t = config.training();
        listener.binningStarted(train.features().size());
        List<VariableResult> binned = new BinningProcess(config, userBins, threads)
                .fit(train, userBinsSource, listener::variableBinned);
        Map<String, Binning> binnings = new LinkedHashMap<>();
        Map<String, Double> ivOf = new HashMap<>();
        for (VariableResult r : binned) {
            r.binning().ifPresent(b -> binnings.put(r.variable(), b));
            ivOf.put(r.variable(), r.iv());
        }
        // Bin codes and a table, not doubles: one byte a training row per candidate the filters look at.
        Map<String, CodedColumn> woeCache = new ConcurrentHashMap<>();
        Function<String, CodedColumn> woeOf = v -> woeCache.computeIfAbsent(v,
                k -> WoeEncoder.coded(binnings.get(k), train.feature(k).orElseThrow()));

        VariableFilters.Filtered filtered = VariableFilters.apply(binned, woeOf, t.selection());
        byte[] y = new byte[train.rowCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (byte) train.target().event(i);
        }
        ModelSelector.Result chosen = new ModelSelector(t.selection(), new IrlsFitter(t.regression()))
                .select(filtered.kept(), ivOf, woeOf, y);
        List<SelectionRow> selection = selectionRows(filtered.rows(), chosen);
        if (chosen.variables().isEmpty()) {
            throw new NoVariableSurvivedException(binned, selection);
        }
        LogisticFit fit = chosen.fit();
        List<String> vars = chosen.variables();

        double[] beta = new double[vars.size()];
        List<double[]> woes = new ArrayList<>();
        for (int k = 0; k < vars.size(); k++) {
            beta[k] = fit.coefficients().get(k).estimate();
            woes.add(binnings.get(vars.get(k)).bins().stream().mapToDouble(Bin::woe).toArray());
        }
        PointsTable points = new PointsScaler(t.scaling()).scale(fit.intercept().estimate(), vars, beta, woes);
        List<Characteristic> characteristics = new ArrayList<>();
        List<Baseline.BinShares> binShares = new ArrayList<>();
        for (int k = 0; k < vars.size(); k++) {
            Binning b = binnings.get(vars.get(k));
            CharacteristicPoints cp = points.characteristics().get(k);
            List<ModelBin> bins = new ArrayList<>();
            List<Double> shares = new ArrayList<>();
            for (int j = 0; j < b.bins().size(); j++) {
                Bin bin = b.bins().get(j);
                bins.add(new ModelBin(bin.label(), bin.kind(), bin.lower(), bin.upper(), bin.categories(),
                        bin.specialValues(), bin.woe(), cp.pointsOf(j), bin.count(), bin.eventRate()));
                shares.add(bin.share());
            }
            // Missing values merged into a regular bin (merge-with-closest-woe) were fitted at its WOE:
            // the model names that bin so that scoring codes them as the fit did.
            boolean merged = b.missingBin() >= 0 && b.bins().get(b.missingBin()).kind() != BinKind.MISSING;
            characteristics.add(new Characteristic(vars.get(k), b.type(), beta[k], bins, points.neutralPoints(),
                    merged ? OptionalInt.of(b.missingBin()) : OptionalInt.empty()));
            binShares.add(new Baseline.BinShares(vars.get(k), shares));
        }

        List<Coefficient> coefficients = new ArrayList<>();
        coefficients.add(fit.intercept());
        coefficients.addAll(fit.coefficients());
        Provenance provenance = new Provenance(source.dataFile(), source.dataSha256(), source.rowsRead(),
                source.rowsRejected(), train.rowCount(), test.rowCount(), splitText, t.seed(), ConfigJson.canonical(config));
        // The model is built once, with placeholders for what only its own training scores can give:
        // the grades, the 10-point scale, the score baseline and the metrics.
        ScorecardModel points0 = new ScorecardModel(t.name().orElse(source.baseName()), TrainerVersion.createdWith(),
                config.target().orElse(train.target().name()), train.target().eventLabel(),
                train.target().nonEventLabel(), t.scaling(),
                points.basePoints(), fit.intercept().estimate(), missingValues(), t.unseen(), characteristics,
                coefficients, new GradeTable(List.of(new Grade("all", Double.NEGATIVE_INFINITY))),
                new ScoreScale(new double[] {0}, new double[] {1}), new Baseline(List.of(), List.of(1.0), binShares),
                List.of(), provenance, List.of());
        Scorecard scorer = Scorecard.of(points0);
        double[] trainScores = new double[train.rowCount()];
        double[] trainProb = new double[train.rowCount()];
        scorer.scoreBatch(train.features(), trainScores, trainProb);
        double[] testScores = new double[test.rowCount()];
        double[] testProb = new double[test.rowCount()];
        scorer.scoreBatch(test.features(), testScores, testProb);

        List<SplitMetrics> metrics = new ArrayList<>();
        metrics.add(TrainingScores.metrics("train", trainProb, train));
        if (TrainingScores.measurable(test)) {
            metrics.add(TrainingScores.metrics("test", testProb, test));
        }
        ScorecardModel scored = points0.withScoreDerived(TrainingScores.grades(t, trainScores),
                ScoreScale.of(trainScores),
                TrainingScores.baseline(trainScores, binShares).withCandidates(candidates(binned, vars)), metrics);
        ScorecardModel model = scored.withVerification(
                VerificationRows.of(Scorecard.of(scored), characteristics, t.unseen()));
        return new TrainedScorecard(model, Scorecard.of(model), binned, selection, fit, train, test, cv);
    }

    /**
     * The baseline of every candidate that was binned but is not in the model, in column order, so
     * that monitoring can see the population move under variables the model dropped. Columns dropped
     * before binning (ids, constants) have no bins and are not among them.
     */
    static List<Baseline.Candidate> candidates(List<VariableResult> binned, List<String> characteristics) {
        Set<String> used = Set.copyOf(characteristics);
        List<Baseline.Candidate> out = new ArrayList<>();
        for (VariableResult r : binned) {
            if (r.binning().isEmpty() || used.contains(r.variable())) {
                continue;
            }
            Binning b = r.binning().get();
            List<Double> cuts = new ArrayList<>();
            for (double c : b.cuts()) {
                cuts.add(c);
            }
            List<List<String>> categories = new ArrayList<>();
            List<List<Double>> specialValues = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Double> shares = new ArrayList<>();
            for (Bin bin : b.bins()) {
                switch (bin.kind()) {
                    case REGULAR, ELSE -> {
                        if (b.type() == VariableType.CATEGORICAL) {
                            categories.add(bin.categories());
                        }
                    }
                    case SPECIAL -> specialValues.add(bin.specialValues());
                    case MISSING -> { }
                    default -> throw new IllegalStateException(bin.kind().toString());
                }
                labels.add(bin.label());
                shares.add(bin.share());
            }
            out.add(new Baseline.Candidate(r.variable(), b.type(), cuts, categories, b.elseBin(), specialValues,
                    b.missingBin(), labels, shares));
        }
        return out;
    }

    /** The missing tokens the model stores, so that scoring reads cells as training did. */
    private List<String> missingValues() {
        return List.copyOf(new LinkedHashSet<>(config.missingValues().orElse(CsvLoadOptions.DEFAULT_MISSING_VALUES)));
    }

    private static List<SelectionRow> selectionRows(List<SelectionRow> filterRows, ModelSelector.Result chosen) {
        Set<String> removedLater = new TreeSet<>();
        chosen.removed().forEach(r -> removedLater.add(r.variable()));
        List<SelectionRow> rows = new ArrayList<>();
        for (SelectionRow r : filterRows) {
            if (r.selected() && !removedLater.contains(r.variable())) {
                rows.add(r);
            }
        }
        rows.addAll(chosen.removed());
        for (SelectionRow r : filterRows) {
            if (!r.selected()) {
                rows.add(r);
            }
        }
        return rows;
    }
}
