package dev.scorecard.cli.command;

import dev.scorecard.core.internal.ConfigNames;
import dev.scorecard.cli.option.OptionValue;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.cli.option.ScalingOverrides;
import dev.scorecard.train.challenger.ChallengerKind;
import dev.scorecard.train.config.CvOptions;
import dev.scorecard.train.eval.GateFailedException;
import dev.scorecard.train.eval.Gates;

import dev.scorecard.cli.option.BinningOverrides;
import dev.scorecard.cli.option.CutoffChoice;
import dev.scorecard.cli.option.InputOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import dev.scorecard.train.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard train}: bin, select, fit and scale a scorecard, and write the model file. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        header = "Train a points-based scorecard and write the model.",
        description = "Train a points-based scorecard: bin every variable, select, fit a logistic regression on WOE, "
            + "scale to points, grade, and write OUT/model.json with bins.json, bins.csv, iv.csv, "
            + "selection.csv, coefficients.csv and scorecard.csv, and the reports (report.html, report.json, "
            + "gains.csv, cutoffs.csv, ...). Prints train and test KS and AUC.",
        footer = {"", "Examples:",
            "  scorecard train --data datasets/germancredit/germancredit.csv \\",
            "      --target creditability --positive bad --higher-score-means non-event \\",
            "      --base-odds 19 --pdo 50 --out out/model",
            "  scorecard train --data leads.csv --target converted --split 0.8 --seed 7 \\",
            "      --out out/leads",
            "  scorecard train --data leads.csv --target converted --time-column month \\",
            "      --oot-from 2026-06 --out out/oot",
            "  scorecard train --data leads.csv --target converted --config gates.yaml \\",
            "      --challenger gbm --out out/leads",
            "  scorecard train --data leads.csv --target converted --cv 5 --out out/leads",
            "  scorecard train --data leads.csv --target converted --cutoff-width 20 \\",
            "      --out out/leads",
            "", "Go-live gates come from the config, e.g.",
            "  gates: {minAuc: 0.70, minKs: 0.30, maxPsi: 0.10,",
            "          minPrecisionAtGrade: {B: 0.4}}",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT,
            ExitCodes.GATE_FAILED},
        sortOptions = false)
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @ArgGroup(exclusive = true)
    SplitChoice split;

    /** How the hold-out rows are chosen: one of a random split, a test file, or out-of-time. */
    static final class SplitChoice {
        @ArgGroup(exclusive = false)
        RandomSplit random;

        @Option(names = "--test", paramLabel = "FILE", description = "A separate hold-out CSV with the same columns.")
        Path test;

        @ArgGroup(exclusive = false)
        TimeSplit time;
    }

    /** A random stratified split. */
    static final class RandomSplit {
        @Option(names = "--split", paramLabel = "SHARE", description = "Training share of a random stratified split (default 0.7).")
        Double share;

        @Option(names = "--seed", paramLabel = "N", description = "Random seed (default 42).")
        Long seed;
    }

    /** An out-of-time split. */
    static final class TimeSplit {
        @Option(names = "--time-column", required = true, paramLabel = "COL", description = "Time column for an out-of-time split.")
        String column;

        @Option(names = "--oot-from", required = true, paramLabel = "DATE",
                description = "Rows on or after this date (yyyy-MM-dd, yyyy-MM, or a number) are the test set.")
        String from;
    }

    @Mixin
    BinningOverrides binning;

    @Mixin
    ScalingOverrides scaling;

    @Option(names = "--challenger", paramLabel = "KIND",
            description = "Also fit a Smile challenger on the same split and raw features, gbm or rf, and report its AUC "
                    + "beside the scorecard's.")
    String challenger;

    @Option(names = "--cv", paramLabel = "K",
            description = "Choose minBinShare, l2 and maxCorrelation by K-fold cross-validation of the training rows "
                    + "(seeded by --seed; the test rows take no part); what was tried goes to cv.csv and the report. "
                    + "The candidates come from the config's cv section.")
    Integer cv;

    @ArgGroup(exclusive = true)
    CutoffChoice cutoffs;

    @Option(names = "--name", paramLabel = "NAME", description = "Model name (default: the data file's name).")
    String name;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Path test = split == null ? null : split.test;
        PathCollisions.of().input("--data", input.data).input("--test", test).input("--config", input.config)
                .input("--bins", binning.bins).folder("--out", out, written(input.rejects == null, test != null))
                .output("--rejects", input.rejects).check();
        ScorecardConfig config = scaling.apply(binning.apply(ConfigSupport.load(input)));
        TrainingConfig t = config.training();
        if (split != null && split.random != null) {
            TrainingConfig before = t;
            t = OptionValue.checked("--split", "split", () -> before.withSplit(split.random.share != null
                    ? split.random.share : before.split(), split.random.seed != null ? split.random.seed : before.seed()));
        }
        if (split != null && split.time != null) {
            t = t.withOutOfTime(split.time.column, split.time.from);
        }
        if (name != null) {
            if (name.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--name: the model needs a name; got '"
                        + name + "'");
            }
            t = t.withName(name);
        }
        if (cv != null) {
            CvOptions options = t.cv();
            t = t.withCv(OptionValue.checked("--cv", "folds", () -> options.withFolds(cv)));
        }
        config = config.withTraining(t);
        if (challenger != null) {
            config = config.withEvaluation(config.evaluation().withChallenger(Optional.of(ConfigNames.parse("--challenger",
                    ChallengerKind.values(), ChallengerKind::configName, challenger))));
        }
        config = config.withEvaluation(CutoffChoice.apply(cutoffs, config.evaluation()));
        TrainWorkflow.Request request = new TrainWorkflow.Request(input.data, config,
                Optional.ofNullable(split == null ? null : split.test), Optional.ofNullable(binning.bins), out,
                Optional.ofNullable(input.rejects), input.maxRejectShare, binning.threads());
        TrainWorkflow.Outcome outcome;
        try (Progress progress = Progress.start(output.quiet)) {
            outcome = TrainWorkflow.run(request, new ProgressListener(progress, stdout, output.quiet));
        }
        if (!output.quiet) {
            stdout.print(TrainSummary.render(outcome, config.training().selection().maxIv()));
            if (!outcome.gates().isEmpty() && outcome.gatesPassed()) {
                stdout.print("go-live gates passed on the " + outcome.evaluations().get(outcome.evaluations().size() - 1).name()
                        + " rows:\n" + Gates.table(outcome.gates()));
            }
        }
        stdout.flush();
        if (!outcome.gatesPassed()) {
            throw new GateFailedException(outcome.evaluations().get(outcome.evaluations().size() - 1).name(), outcome.gates());
        }
        return 0;
    }

    /** @return the files train writes into --out */
    private static List<String> written(boolean defaultRejects, boolean testFile) {
        List<String> names = new ArrayList<>(List.of(TrainWorkflow.MODEL_JSON, BinWorkflow.BINS_JSON, BinWorkflow.BINS_CSV,
                BinWorkflow.IV_CSV, TrainWorkflow.SELECTION_CSV, TrainWorkflow.CV_CSV, TrainWorkflow.COEFFICIENTS_CSV, TrainWorkflow.SCORECARD_CSV));
        names.addAll(ReportWriter.evaluationFiles());
        if (defaultRejects) {
            names.add(BinWorkflow.REJECTS_CSV);
        }
        if (testFile) {
            names.add(TrainWorkflow.TEST_REJECTS_CSV);
        }
        return names;
    }
}
