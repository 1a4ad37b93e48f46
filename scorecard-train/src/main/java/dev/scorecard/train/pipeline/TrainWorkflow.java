package dev.scorecard.train.pipeline;

import dev.scorecard.train.challenger.ChallengerFit;
import dev.scorecard.train.challenger.ChallengerOptions;
import dev.scorecard.train.challenger.ChallengerTrainer;
import dev.scorecard.train.config.EvaluationConfig;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.Evaluator;
import dev.scorecard.train.eval.GateResult;
import dev.scorecard.train.eval.Gates;
import dev.scorecard.train.eval.ScoredSample;
import dev.scorecard.train.report.ReportInput;
import dev.scorecard.train.report.ReportWriter;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.ScorecardException;
import dev.scorecard.core.binning.Bin;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.binning.VariableBreaks;
import dev.scorecard.core.binning.WoeEncoder;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Column;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.Grade;
import dev.scorecard.core.model.GradeTable;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ModelWriter;
import dev.scorecard.core.model.Provenance;
import dev.scorecard.core.model.ScoreScale;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.core.model.VerificationCase;
import dev.scorecard.core.regression.IrlsFitter;
import dev.scorecard.core.regression.LogisticFit;
import dev.scorecard.core.scaling.CharacteristicPoints;
import dev.scorecard.core.scaling.PointsScaler;
import dev.scorecard.core.scaling.PointsTable;
import dev.scorecard.train.config.ConfigJson;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.eval.Metrics;
import dev.scorecard.train.load.ColumnReport;
import dev.scorecard.train.load.ColumnType;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.load.LoadResult;
import dev.scorecard.train.report.BinTables;
import dev.scorecard.train.report.BinsFile;
import dev.scorecard.train.select.ModelSelector;
import dev.scorecard.train.select.SelectionRow;
import dev.scorecard.train.select.VariableFilters;
import dev.scorecard.train.split.Split;
import dev.scorecard.train.split.StratifiedSplitter;
import dev.scorecard.train.split.TimeSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code scorecard train} does, without the command line: load, split, bin on the training
 * rows, select, fit, scale, grade, measure, build the verification cases and write every file.
 */
public final class TrainWorkflow {
    /** The model file. */
    public static final String MODEL_JSON = "model.json";
    /** The selection table. */
    public static final String SELECTION_CSV = "selection.csv";
    /** The coefficients table. */
    public static final String COEFFICIENTS_CSV = "coefficients.csv";
    /** The points table a person reads. */
    public static final String SCORECARD_CSV = "scorecard.csv";

    private TrainWorkflow() {
    }

    /**
     * @param data the training CSV
     * @param config the effective config (target set)
     * @param testFile a separate test file instead of a split
     * @param binsFile user bins
     * @param outDir the output folder
     * @param rejectsFile where rejected rows go
     * @param maxRejectShare the most rejected rows allowed
     * @param threads binning threads
     * @param createdWith the tool name and version for the model file
     */
    public record Request(Path data, ScorecardConfig config, Optional<Path> testFile, Optional<Path> binsFile,
            Path outDir, Optional<Path> rejectsFile, double maxRejectShare, int threads, String createdWith) {
        /** Validates the request. */
        public Request {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(outDir, "outDir");
            if (config.target().isEmpty()) {
                throw new IllegalArgumentException("no target column: pass --target COL or set 'target' in the config");
            }
        }
    }

    /**
     * @param model the fitted model
     * @param scorecard a scorer over it
     * @param binning every candidate's binning result
     * @param selection one row per candidate
     * @param fit the final regression
     * @param written the files written
     * @param rejectsFile the rejects file, when rows were rejected
     * @param evaluations the training rows' evaluation, then the test rows' when they hold both classes
     * @param challenger the challenger's results, when one was asked for and the test rows allow it
     * @param gates the go-live gates checked on the last evaluation; empty when none are set
     */
    public record Outcome(ScorecardModel model, Scorecard scorecard, List<VariableResult> binning,
            List<SelectionRow> selection, LogisticFit fit, List<Path> written, Optional<Path> rejectsFile,
            List<Evaluation> evaluations, Optional<ChallengerFit> challenger, List<GateResult> gates) {
        /** Copies the lists. */
        public Outcome {
            binning = List.copyOf(binning);
            selection = List.copyOf(selection);
            written = List.copyOf(written);
            evaluations = List.copyOf(evaluations);
            gates = List.copyOf(gates);
        }

        /** @return true when every gate passed, or none is set */
        public boolean gatesPassed() {
            return gates.stream().allMatch(GateResult::passed);
        }
    }

    /**
     * @return the model and what was written
     * @throws InputDataException for bad input or a fit that cannot be made
     */
    public static Outcome run(Request request, BinWorkflow.Listener listener) {
        ScorecardConfig c = request.config();
        TrainingConfig t = c.training();
        CsvLoadOptions loadOptions = BinWorkflow.loadOptions(c);
        if (t.timeColumn().isPresent()) {
            Set<String> ids = new LinkedHashSet<>(loadOptions.id());
            ids.add(t.timeColumn().get());
            loadOptions = loadOptions.withId(ids);
        }
        BinsSpec user = request.binsFile().map(BinsFile::read).orElse(new BinsSpec(Map.of()));
        DataLoading.Loaded step = DataLoading.load(request.data(), loadOptions, request.outDir(), request.rejectsFile(),
                BinWorkflow.REJECTS_CSV, request.maxRejectShare(), listener);
        LoadResult loaded = step.result();
        Dataset full = loaded.dataset();

        Dataset train;
        Dataset test;
        String splitText;
        if (request.testFile().isPresent()) {
            train = full;
            test = loadTest(request, loadOptions, loaded);
            splitText = "test file " + request.testFile().get();
        } else if (t.timeColumn().isPresent()) {
            Column time = full.ids().stream().filter(col -> col.name().equals(t.timeColumn().get())).findFirst().orElseThrow();
            Split s = TimeSplitter.split(time, t.ootFrom().orElseThrow());
            train = s.trainOf(full);
            test = s.testOf(full);
            splitText = "out of time: " + t.timeColumn().get() + " >= " + t.ootFrom().get();
        } else {
            Split s = StratifiedSplitter.split(full.target(), t.split(), t.seed());
            train = s.trainOf(full);
            test = s.testOf(full);
            splitText = "random stratified " + DoubleFormat.format(t.split());
        }

        listener.binningStarted(train.features().size());
        List<VariableResult> binned = new BinningProcess(c, user, request.threads())
                .fit(train, request.binsFile().map(Path::toString).orElse("bins file"), listener::variableBinned);
        Map<String, Binning> binnings = new LinkedHashMap<>();
        Map<String, Double> ivOf = new HashMap<>();
        for (VariableResult r : binned) {
            r.binning().ifPresent(b -> binnings.put(r.variable(), b));
            ivOf.put(r.variable(), r.iv());
        }
        Map<String, double[]> woeCache = new ConcurrentHashMap<>();
        java.util.function.Function<String, double[]> woeOf = v -> woeCache.computeIfAbsent(v,
                k -> WoeEncoder.woe(binnings.get(k), train.feature(k).orElseThrow()));

        VariableFilters.Filtered filtered = VariableFilters.apply(binned, woeOf, t.selection());
        byte[] y = new byte[train.rowCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (byte) train.target().event(i);
        }
        ModelSelector.Result chosen = new ModelSelector(t.selection(), new IrlsFitter(t.regression()))
                .select(filtered.kept(), ivOf, woeOf, y);
        List<SelectionRow> selection = selectionRows(filtered.rows(), chosen);
        if (chosen.variables().isEmpty()) {
            // Leave the evidence behind: the tables say why each variable went.
            Path selectionFile = Outputs.write(request.outDir().resolve(SELECTION_CSV),
                    w -> TrainTables.writeSelection(selection, w));
            Outputs.write(request.outDir().resolve(BinWorkflow.IV_CSV), w -> BinTables.writeIv(binned, w));
            throw new ScorecardException("no variable survived selection; " + selectionFile
                    + " says why each was removed (lower selection.minIv, or check the target and the data)");
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
            characteristics.add(new Characteristic(vars.get(k), b.type(), beta[k], bins, points.neutralPoints()));
            binShares.add(new Baseline.BinShares(vars.get(k), shares));
        }

        String name = t.name().orElse(baseName(request.data()));
        List<String> missingValues = loadOptions.missingValues();
        List<dev.scorecard.core.regression.Coefficient> coefficients = new ArrayList<>();
        coefficients.add(fit.intercept());
        coefficients.addAll(fit.coefficients());
        Provenance provenance = new Provenance(request.data().getFileName().toString(), sha256(request.data()),
                loaded.report().rowsRead(), loaded.report().rowsRejected(), train.rowCount(), test.rowCount(), splitText,
                t.seed(), ConfigJson.canonical(c));
        // A first model without the score-derived parts scores the training rows; those scores then
        // give the grades, the 10-point scale and the baseline.
        GradeTable provisionalGrades = new GradeTable(List.of(new Grade("all", Double.NEGATIVE_INFINITY)));
        ScoreScale provisionalScale = new ScoreScale(new double[] {0}, new double[] {1});
        Baseline provisionalBaseline = new Baseline(List.of(), List.of(1.0), binShares);
        ScorecardModel provisional = new ScorecardModel(name, request.createdWith(), c.target().orElseThrow(),
                full.target().eventLabel(), t.scaling(), points.basePoints(), fit.intercept().estimate(), missingValues,
                t.unseen(), characteristics, coefficients, provisionalGrades, provisionalScale, provisionalBaseline,
                List.of(), provenance, List.of());
        Scorecard scorer = Scorecard.of(provisional);
        double[] trainScores = new double[train.rowCount()];
        double[] trainProb = new double[train.rowCount()];
        scorer.scoreBatch(train.features(), trainScores, trainProb);
        double[] testScores = new double[test.rowCount()];
        double[] testProb = new double[test.rowCount()];
        scorer.scoreBatch(test.features(), testScores, testProb);

        GradeTable grades = grades(t, trainScores);
        ScoreScale scale = ScoreScale.of(trainScores);
        Baseline baseline = baseline(trainScores, binShares);
        List<SplitMetrics> metrics = new ArrayList<>();
        metrics.add(metrics("train", trainProb, train));
        if (test.rowCount() > 0 && test.target().eventCount() > 0 && test.target().nonEventCount() > 0) {
            metrics.add(metrics("test", testProb, test));
        }
        ScorecardModel unverified = new ScorecardModel(name, request.createdWith(), provisional.target(),
                provisional.event(), t.scaling(), points.basePoints(), fit.intercept().estimate(), missingValues,
                t.unseen(), characteristics, coefficients, grades, scale, baseline, metrics, provenance, List.of());
        List<VerificationCase> cases = verificationCases(Scorecard.of(unverified), train, characteristics, binnings,
                t.unseen());
        ScorecardModel model = new ScorecardModel(name, request.createdWith(), provisional.target(), provisional.event(),
                t.scaling(), points.basePoints(), fit.intercept().estimate(), missingValues, t.unseen(), characteristics,
                coefficients, grades, scale, baseline, metrics, provenance, cases);

        Path out = request.outDir();
        List<Path> written = new ArrayList<>();
        Map<String, VariableBreaks> breaks = new LinkedHashMap<>();
        binnings.forEach((k, b) -> breaks.put(k, b.breaks()));
        written.add(Outputs.writeBytes(out.resolve(MODEL_JSON), o -> ModelWriter.write(model, o)));
        written.add(Outputs.write(out.resolve(BinWorkflow.BINS_JSON), w -> BinsFile.write(breaks, w)));
        written.add(Outputs.write(out.resolve(BinWorkflow.BINS_CSV), w -> BinTables.writeBins(binned, c::binningFor, w)));
        written.add(Outputs.write(out.resolve(BinWorkflow.IV_CSV), w -> BinTables.writeIv(binned, w)));
        written.add(Outputs.write(out.resolve(SELECTION_CSV), w -> TrainTables.writeSelection(selection, w)));
        written.add(Outputs.write(out.resolve(COEFFICIENTS_CSV), w -> TrainTables.writeCoefficients(fit, w)));
        written.add(Outputs.write(out.resolve(SCORECARD_CSV), w -> TrainTables.writeScorecard(model, w)));
        Scorecard scorecard = Scorecard.of(model);
        EvaluationConfig ec = c.evaluation();
        List<Evaluation> evaluations = new ArrayList<>();
        evaluations.add(Evaluator.evaluate("train", ScoredSample.of(scorecard, train), ec.drift()));
        boolean testUsable = test.rowCount() > 0 && test.target().eventCount() > 0 && test.target().nonEventCount() > 0;
        if (testUsable) {
            evaluations.add(Evaluator.evaluate("test", ScoredSample.of(scorecard, test), ec.drift()));
        }
        Optional<ChallengerFit> challenger = Optional.empty();
        if (ec.challenger().isPresent() && testUsable) {
            ChallengerOptions co = ChallengerOptions.defaults(ec.challenger().get()).withSeed(t.seed());
            challenger = Optional.of(ChallengerTrainer.fit(train, test, co, request.threads()));
        }
        List<GateResult> gates = Gates.check(ec.gates(), evaluations.get(evaluations.size() - 1));
        ReportInput report = new ReportInput("train", model, request.data().getFileName().toString(),
                request.testFile().map(f -> f.getFileName().toString()), loaded.report().rowsRead(),
                loaded.report().rowsRejected(), evaluations, binned, selection, challenger, gates);
        written.addAll(ReportWriter.writeEvaluation(report, out));
        return new Outcome(model, scorecard, binned, selection, fit, written, step.rejectsFile(), evaluations, challenger,
                gates);
    }

    private static Dataset loadTest(Request request, CsvLoadOptions trainOptions, LoadResult trainLoad) {
        // The test file is read with the training file's types, so a column cannot change kind.
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (ColumnReport r : trainLoad.report().columns()) {
            if (r.role().equals("feature")) {
                types.put(r.name(), r.type());
            }
        }
        CsvLoadOptions o = trainOptions.withTypes(types).withPositive(trainLoad.dataset().target().eventLabel());
        Path testFile = request.testFile().orElseThrow();
        DataLoading.Loaded step = DataLoading.load(testFile, o, request.outDir(), Optional.empty(), "test.rejects.csv",
                request.maxRejectShare(), new BinWorkflow.Listener() { });
        return step.result().dataset();
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

    private static GradeTable grades(TrainingConfig t, double[] trainScores) {
        if (t.gradeCutoffs().isEmpty()) {
            double[] shares = t.gradeShares().stream().mapToDouble(Double::doubleValue).toArray();
            return GradeTable.fromQuantiles(trainScores, t.gradeNames(), shares);
        }
        List<Grade> grades = new ArrayList<>();
        for (int g = 0; g < t.gradeCutoffs().size(); g++) {
            grades.add(new Grade(t.gradeNames().get(g), t.gradeCutoffs().get(g)));
        }
        grades.add(new Grade(t.gradeNames().get(t.gradeNames().size() - 1), Double.NEGATIVE_INFINITY));
        return new GradeTable(grades);
    }

    /** Ten baseline-decile bins of the training score; tied edges collapse, so there may be fewer. */
    static Baseline baseline(double[] trainScores, List<Baseline.BinShares> binShares) {
        double[] sorted = trainScores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        TreeSet<Double> edges = new TreeSet<>();
        for (int d = 1; d < 10; d++) {
            double e = sorted[Math.min(n - 1, (int) ((long) d * n / 10))];
            if (e > sorted[0]) {
                edges.add(e);
            }
        }
        List<Double> edgeList = new ArrayList<>(edges);
        long[] counts = new long[edgeList.size() + 1];
        for (double s : sorted) {
            int bin = 0;
            while (bin < edgeList.size() && s >= edgeList.get(bin)) {
                bin++;
            }
            counts[bin]++;
        }
        List<Double> shares = new ArrayList<>();
        for (long count : counts) {
            shares.add((double) count / n);
        }
        return new Baseline(edgeList, shares, binShares);
    }

    private static SplitMetrics metrics(String split, double[] probabilities, Dataset d) {
        double auc = Metrics.auc(probabilities, d.target());
        double ks = Metrics.ks(probabilities, d.target()).ks();
        return new SplitMetrics(split, d.rowCount(), d.target().eventCount(), auc, ks, Metrics.gini(auc));
    }

    /**
     * Training rows chosen so that every bin of every characteristic is hit (first row in file order
     * for each bin not yet covered), plus an all-missing row and, unless unseen levels are refused, a
     * row with a level never seen in each categorical characteristic.
     */
    private static List<VerificationCase> verificationCases(Scorecard scorer, Dataset train,
            List<Characteristic> characteristics, Map<String, Binning> binnings, UnseenPolicy unseen) {
        List<int[]> binsPerChar = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (Characteristic ch : characteristics) {
            Column col = train.feature(ch.name()).orElseThrow();
            columns.add(col);
            binsPerChar.add(WoeEncoder.bins(binnings.get(ch.name()), col));
        }
        TreeSet<Integer> rows = new TreeSet<>();
        for (int k = 0; k < characteristics.size(); k++) {
            int[] bins = binsPerChar.get(k);
            boolean[] covered = new boolean[characteristics.get(k).bins().size()];
            for (int r : rows) {
                if (bins[r] >= 0) {
                    covered[bins[r]] = true;
                }
            }
            for (int i = 0; i < bins.length; i++) {
                if (bins[i] >= 0 && !covered[bins[i]]) {
                    covered[bins[i]] = true;
                    rows.add(i);
                }
            }
        }
        List<Map<String, String>> inputs = new ArrayList<>();
        for (int r : rows) {
            Map<String, String> in = new LinkedHashMap<>();
            for (int k = 0; k < columns.size(); k++) {
                in.put(characteristics.get(k).name(), text(columns.get(k), r));
            }
            inputs.add(in);
        }
        Map<String, String> allMissing = new LinkedHashMap<>();
        characteristics.forEach(ch -> allMissing.put(ch.name(), null));
        inputs.add(allMissing);
        if (unseen != UnseenPolicy.REJECT && !inputs.isEmpty()) {
            Map<String, String> withUnseen = new LinkedHashMap<>(inputs.get(0));
            boolean any = false;
            for (Characteristic ch : characteristics) {
                if (ch.type() == dev.scorecard.core.binning.VariableType.CATEGORICAL) {
                    withUnseen.put(ch.name(), "never seen in training");
                    any = true;
                }
            }
            if (any) {
                inputs.add(withUnseen);
            }
        }
        List<VerificationCase> cases = new ArrayList<>();
        for (Map<String, String> in : inputs) {
            ScoreResult r = scorer.score(in);
            cases.add(new VerificationCase(in, r.points(), r.score(), r.probability(), r.grade(), r.reasons()));
        }
        return cases;
    }

    private static String text(Column col, int row) {
        if (col instanceof NumericColumn n) {
            double v = n.value(row);
            return Double.isNaN(v) ? null : DoubleFormat.format(v);
        }
        return ((CategoricalColumn) col).level(row);
    }

    private static String baseName(Path data) {
        String f = data.getFileName().toString();
        for (String ext : new String[] {".csv.gz", ".gz", ".csv"}) {
            if (f.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
                return f.substring(0, f.length() - ext.length());
            }
        }
        return f;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
