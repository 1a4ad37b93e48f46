package dev.scorecard.train.pipeline;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.ScorecardException;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.VariableBreaks;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.model.json.ModelWriter;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.regression.LogisticFit;
import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.challenger.ChallengerFit;
import dev.scorecard.train.challenger.ChallengerOptions;
import dev.scorecard.train.challenger.ChallengerTrainer;
import dev.scorecard.train.config.EvaluationConfig;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.Evaluator;
import dev.scorecard.train.eval.GateResult;
import dev.scorecard.train.eval.Gates;
import dev.scorecard.train.eval.ScoredSample;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.load.ColumnReport;
import dev.scorecard.train.load.ColumnType;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.load.LoadResult;
import dev.scorecard.train.report.BinTables;
import dev.scorecard.train.report.BinsFile;
import dev.scorecard.train.report.ReportInput;
import dev.scorecard.train.report.ReportWriter;
import dev.scorecard.train.select.SelectionRow;
import dev.scorecard.train.trainer.CvResult;
import dev.scorecard.train.trainer.DataSource;
import dev.scorecard.train.trainer.NoVariableSurvivedException;
import dev.scorecard.train.trainer.ScorecardTrainer;
import dev.scorecard.train.trainer.TrainedScorecard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code scorecard train} does, without the command line: load, split, bin on the training
 * rows, select, fit, scale, grade, measure, build the verification cases and write every file, as
 * one output set ({@link OutputSet}): the folder holds the files of one run, never a mix.
 */
public final class TrainWorkflow {
    /** The model file. */
    public static final String MODEL_JSON = "model.json";
    /** The selection table. */
    public static final String SELECTION_CSV = "selection.csv";
    /** What {@code --cv} tried and chose, written only with CV on. */
    public static final String CV_CSV = "cv.csv";
    /** The coefficients table. */
    public static final String COEFFICIENTS_CSV = "coefficients.csv";
    /** The points table a person reads. */
    public static final String SCORECARD_CSV = "scorecard.csv";
    /** Where rows of a separate test file ({@code --test}) that cannot be used go. */
    public static final String TEST_REJECTS_CSV = "test.rejects.csv";

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
     */
    public record Request(Path data, ScorecardConfig config, Optional<Path> testFile, Optional<Path> binsFile,
            Path outDir, Optional<Path> rejectsFile, double maxRejectShare, int threads) {
        /** Validates the request. */
        public Request {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(outDir, "outDir");
            if (config.target().isEmpty()) {
                throw new IllegalArgumentException("no target column: pass --target COL or set 'target' in the config");
            }
            RejectsCheck.requireShare(maxRejectShare);
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
     * @param cv what cross-validation tried and chose, when it was on
     */
    public record Outcome(ScorecardModel model, Scorecard scorecard, List<VariableResult> binning,
            List<SelectionRow> selection, LogisticFit fit, List<Path> written, Optional<Path> rejectsFile,
            List<Evaluation> evaluations, Optional<ChallengerFit> challenger, List<GateResult> gates,
            Optional<CvResult> cv) {
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
        return Outputs.commitAfter(members(request), set -> run(request, listener, set));
    }

    /**
     * @return every file a run of {@code request} may write: the model, its tables and reports, and
     *     the rejects files; those a run does not write are removed when it commits
     */
    public static List<Path> members(Request request) {
        Path out = request.outDir();
        List<Path> members = new ArrayList<>(ReportWriter.paths(out, List.of(MODEL_JSON, BinWorkflow.BINS_JSON,
                BinWorkflow.BINS_CSV, BinWorkflow.IV_CSV, SELECTION_CSV, CV_CSV, COEFFICIENTS_CSV, SCORECARD_CSV)));
        members.addAll(ReportWriter.paths(out, ReportWriter.evaluationFiles()));
        members.add(rejectsPath(request));
        members.add(out.resolve(TEST_REJECTS_CSV));
        return members;
    }

    /**
     * Trains into a set the caller commits, with other outputs of its own (as {@code demo} does).
     *
     * @param set an open set holding {@link #members(Request)}
     * @return the model and what was written
     * @throws InputDataException for bad input or a fit that cannot be made
     */
    public static Outcome run(Request request, BinWorkflow.Listener listener, OutputSet set) {
        ScorecardConfig c = request.config();
        TrainingConfig t = c.training();
        CsvLoadOptions loadOptions = BinWorkflow.loadOptions(c);
        if (t.timeColumn().isPresent()) {
            Set<String> ids = new LinkedHashSet<>(loadOptions.id());
            ids.add(t.timeColumn().get());
            loadOptions = loadOptions.withId(ids);
        }
        BinsSpec user = request.binsFile().map(BinsFile::read).orElse(new BinsSpec(Map.of()));
        DataLoading.Loaded step = DataLoading.load(request.data(), loadOptions, request.outDir(), set,
                rejectsPath(request), request.maxRejectShare(), listener);
        LoadResult loaded = step.result();
        DataSource source = new DataSource(request.data().getFileName().toString(), sha256(request.data()),
                loaded.report().rowsRead(), loaded.report().rowsRejected());
        ScorecardTrainer trainer = new ScorecardTrainer(c)
                .withUserBins(user, request.binsFile().map(Path::toString).orElse("bins file"))
                .withThreads(request.threads())
                .withListener(listener);
        TrainedScorecard trained;
        try {
            trained = request.testFile().isPresent()
                    ? trainer.fit(loaded.dataset(), loadTest(request, loadOptions, loaded, set),
                            request.testFile().get().toString(), source)
                    : trainer.fit(loaded.dataset(), source);
        } catch (NoVariableSurvivedException e) {
            // Leave the evidence behind: the tables say why each variable went. They are this run's
            // whole output set, so no earlier model is left beside them as if it were this run's.
            Path selectionFile = Outputs.write(set, request.outDir().resolve(SELECTION_CSV),
                    w -> TrainTables.writeSelection(e.selection(), w));
            Outputs.write(set, request.outDir().resolve(BinWorkflow.IV_CSV), w -> BinTables.writeIv(e.binning(), w));
            Outputs.commit(set);
            throw new ScorecardException("no variable survived selection; " + selectionFile
                    + " says why each was removed (lower selection.minIv, or check the target and the data)");
        }
        ScorecardModel model = trained.model();
        List<VariableResult> binned = trained.binning();
        List<SelectionRow> selection = trained.selection();
        LogisticFit fit = trained.fit();

        Path out = request.outDir();
        List<Path> written = new ArrayList<>();
        Map<String, VariableBreaks> breaks = new LinkedHashMap<>();
        for (VariableResult r : binned) {
            r.binning().ifPresent(b -> breaks.put(r.variable(), b.breaks()));
        }
        written.add(Outputs.writeBytes(set, out.resolve(MODEL_JSON), o -> ModelWriter.write(model, o)));
        written.add(Outputs.write(set, out.resolve(BinWorkflow.BINS_JSON), w -> BinsFile.write(breaks, w)));
        written.add(Outputs.write(set, out.resolve(BinWorkflow.BINS_CSV), w -> BinTables.writeBins(binned, c::binningFor, w)));
        written.add(Outputs.write(set, out.resolve(BinWorkflow.IV_CSV), w -> BinTables.writeIv(binned, w)));
        written.add(Outputs.write(set, out.resolve(SELECTION_CSV), w -> TrainTables.writeSelection(selection, w)));
        if (trained.cv().isPresent()) {
            written.add(Outputs.write(set, out.resolve(CV_CSV), w -> TrainTables.writeCv(trained.cv().get(), w)));
        }
        written.add(Outputs.write(set, out.resolve(COEFFICIENTS_CSV), w -> TrainTables.writeCoefficients(fit, w)));
        written.add(Outputs.write(set, out.resolve(SCORECARD_CSV), w -> TrainTables.writeScorecard(model, w)));
        Scorecard scorecard = trained.scorecard();
        EvaluationConfig ec = c.evaluation();
        List<Evaluation> evaluations = new ArrayList<>();
        evaluations.add(Evaluator.evaluate("train", ScoredSample.of(scorecard, trained.train()), ec.drift(),
                ec.cutoffs()));
        if (trained.testUsable()) {
            evaluations.add(Evaluator.evaluate("test", ScoredSample.of(scorecard, trained.test()), ec.drift(),
                    ec.cutoffs()));
        }
        Optional<ChallengerFit> challenger = Optional.empty();
        if (ec.challenger().isPresent() && trained.testUsable()) {
            ChallengerOptions co = ChallengerOptions.defaults(ec.challenger().get()).withSeed(t.seed());
            challenger = Optional.of(ChallengerTrainer.fit(trained.train(), trained.test(), co, request.threads()));
        }
        List<GateResult> gates = Gates.check(ec.gates(), evaluations.get(evaluations.size() - 1));
        ReportInput report = new ReportInput("train", model, request.data().getFileName().toString(),
                request.testFile().map(f -> f.getFileName().toString()), loaded.report().rowsRead(),
                loaded.report().rowsRejected(), evaluations, binned, selection, challenger, gates, trained.cv());
        written.addAll(ReportWriter.writeEvaluation(report, out, set));
        return new Outcome(model, scorecard, binned, selection, fit, written, step.rejectsFile(), evaluations, challenger,
                gates, trained.cv());
    }

    private static Path rejectsPath(Request request) {
        return request.rejectsFile().orElse(request.outDir().resolve(BinWorkflow.REJECTS_CSV));
    }

    private static Dataset loadTest(Request request, CsvLoadOptions trainOptions, LoadResult trainLoad, OutputSet set) {
        // The test file is read with the training file's types, so a column cannot change kind.
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (ColumnReport r : trainLoad.report().columns()) {
            if (r.role().equals("feature")) {
                types.put(r.name(), r.type());
            }
        }
        CsvLoadOptions o = trainOptions.withTypes(types).withPositive(trainLoad.dataset().target().eventLabel());
        Path testFile = request.testFile().orElseThrow();
        DataLoading.Loaded step = DataLoading.load(testFile, o, request.outDir(), set,
                request.outDir().resolve(TEST_REJECTS_CSV), request.maxRejectShare(), new BinWorkflow.Listener() { });
        return step.result().dataset();
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
