package dev.scorecard.train.pipeline;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.ScorecardException;
import dev.scorecard.train.config.EvaluationConfig;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.Evaluator;
import dev.scorecard.train.eval.GateResult;
import dev.scorecard.train.eval.Gates;
import dev.scorecard.train.eval.ScoredSample;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.report.ReportInput;
import dev.scorecard.train.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * What {@code scorecard evaluate} does: stream a labelled CSV through a model, evaluate it (SPEC §8),
 * check the go-live gates, and write the report (HTML, JSON and CSV tables). Rows that cannot be
 * scored or whose target is missing or a third value go to the rejects file with line and reason.
 */
public final class EvaluateWorkflow {
    /** The rejects file's name in the output folder, unless one is given. */
    public static final String REJECTS_CSV = "rejects.csv";

    /**
     * @param model the model file
     * @param data the labelled CSV
     * @param target the target column (default: the model's)
     * @param outDir where the report goes (created when absent)
     * @param evaluation gates and drift thresholds
     * @param rejectsFile where rejected rows go (default {@code OUT/rejects.csv})
     * @param maxRejectShare the run fails when more rows than this share are rejected
     * @param ignoreChecksum load a model whose checksum does not match
     * @param delimiter the input delimiter, or empty to detect it
     * @param encoding the input's encoding when it has no byte order mark
     * @param labels the file's own target values, when they differ from the model's
     * @param dialect {@code --no-header}, {@code --names}, {@code --trim}; what they leave open, as the model was trained
     */
    public record Request(Path model, Path data, Optional<String> target, Path outDir, EvaluationConfig evaluation,
            Optional<Path> rejectsFile, double maxRejectShare, boolean ignoreChecksum, Optional<Character> delimiter,
            Charset encoding, TargetLabels labels, InputDialect dialect) {
        /** Checks nothing is null and the reject share is a share. */
        public Request {
            Objects.requireNonNull(dialect, "dialect");
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(encoding, "encoding");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(evaluation, "evaluation");
            RejectsCheck.requireShare(maxRejectShare);
        }

        /** A request that reads the target with the model's own labels. */
        public Request(Path model, Path data, Optional<String> target, Path outDir, EvaluationConfig evaluation,
                Optional<Path> rejectsFile, double maxRejectShare, boolean ignoreChecksum, Optional<Character> delimiter,
                Charset encoding) {
            this(model, data, target, outDir, evaluation, rejectsFile, maxRejectShare, ignoreChecksum, delimiter, encoding,
                    TargetLabels.ofModel());
        }

        /** A request that reads the file as the model's training file was read (header, trimming). */
        public Request(Path model, Path data, Optional<String> target, Path outDir, EvaluationConfig evaluation,
                Optional<Path> rejectsFile, double maxRejectShare, boolean ignoreChecksum, Optional<Character> delimiter,
                Charset encoding, TargetLabels labels) {
            this(model, data, target, outDir, evaluation, rejectsFile, maxRejectShare, ignoreChecksum, delimiter, encoding,
                    labels, InputDialect.AS_TRAINED);
        }
    }

    /**
     * @param evaluation the evaluation of the scored rows
     * @param gates the gates checked; empty when none are set
     * @param rowsRead data rows read
     * @param rejected rows rejected
     * @param written the report files
     * @param rejectsFile the rejects file, when rows were rejected
     */
    public record Outcome(Evaluation evaluation, List<GateResult> gates, long rowsRead, long rejected, List<Path> written,
            Optional<Path> rejectsFile) {
        /** Copies the lists. */
        public Outcome {
            gates = List.copyOf(gates);
            written = List.copyOf(written);
        }

        /** @return true when every gate passed, or none is set */
        public boolean gatesPassed() {
            return gates.stream().allMatch(GateResult::passed);
        }
    }

    private EvaluateWorkflow() {
    }

    /**
     * @param request what to evaluate
     * @param progress told the number of rows read so far, every 16,384 rows
     * @return the evaluation and what was written
     */
    public static Outcome run(Request request, LongConsumer progress) {
        return Outputs.commitAfter(members(request), set -> run(request, progress, set));
    }

    /** @return the files a run of {@code request} writes: the reports and the rejects file */
    public static List<Path> members(Request request) {
        return Outputs.reportsAndRejects(request.outDir(), ReportWriter.evaluationFiles(), rejectsPath(request));
    }

    private static Path rejectsPath(Request request) {
        return request.rejectsFile().orElse(request.outDir().resolve(REJECTS_CSV));
    }

    /**
     * Runs into a set the caller commits, with other outputs of its own (as {@code demo} does).
     *
     * @param set an open set holding {@link #members(Request)}
     * @return what was found and written
     */
    public static Outcome run(Request request, LongConsumer progress, OutputSet set) {
        Path rejectsPath = rejectsPath(request);
        Scorecard scorecard = Scorecard.load(ModelFolder.tidied(request.model()), !request.ignoreChecksum());
        String targetColumn = request.target().orElse(scorecard.model().target());
        TargetText target = TargetText.of(targetColumn, scorecard.model(), request.labels());
        ScoredSample sample = new ScoredSample(scorecard.model());
        long rejected;
        Optional<Path> rejectsFile;
        long rows;
        String advice;
        try (ScoringPass pass = ScoringPass.open(scorecard, request.data(), request.delimiter(), request.encoding(), request.dialect(),
                // Named as the user asked for it: by --target, or not at all.
                List.of(new ScoringPass.TextColumn(targetColumn, request.target().isPresent() ? "--target"
                        : "the model's target")), 0, ReasonBaseline.MAX, progress, set,
                rejectsPath)) {
            while (pass.next()) {
                int event = target.read(pass.text(0));
                if (event < 0) {
                    pass.reject(target.problem());
                } else {
                    sample.add(pass.result(), event);
                }
            }
            rows = pass.rows();
            rejected = pass.rejected();
            rejectsFile = pass.rejectsFile();
            advice = pass.encodingAdvice();
        } catch (IOException e) {
            throw new InputDataException(request.data().toString(), 0, null, "cannot read: " + e.getMessage());
        }
        RejectsCheck.settle(set, request.data().toString(), rejectsFile, rejected, rows, sample.size(),
                request.maxRejectShare(), "evaluated", advice);
        String name = request.data().getFileName().toString();
        Evaluation evaluation;
        try {
            evaluation = Evaluator.evaluate(name, sample, request.evaluation().drift(),
                    request.evaluation().cutoffs());
        } catch (IllegalArgumentException e) {
            throw new ScorecardException(e.getMessage()); // names the file and the target's counts
        }
        List<GateResult> gates = Gates.check(request.evaluation().gates(), evaluation);
        ReportInput input = new ReportInput("evaluate", scorecard.model(), name, Optional.empty(), rows, rejected,
                List.of(evaluation), List.of(), List.of(), Optional.empty(), gates);
        List<Path> written = ReportWriter.writeEvaluation(input, request.outDir(), set);
        return new Outcome(evaluation, gates, rows, rejected, written, rejectsFile);
    }
}
