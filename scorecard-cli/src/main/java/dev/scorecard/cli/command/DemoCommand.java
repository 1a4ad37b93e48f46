package dev.scorecard.cli.command;

import dev.scorecard.train.config.EvaluationConfig;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.pipeline.EvaluateWorkflow;

import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.pipeline.ScoreWorkflow;
import dev.scorecard.train.pipeline.TrainWorkflow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scorecard demo}: the whole path on the shipped German credit data, with nothing to prepare:
 * set a fifth of the applicants aside, train on the rest, evaluate and score the set-aside fifth.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        header = "Train, evaluate and score the German credit data.",
        description = "Train, evaluate and score the shipped German credit data end to end, and print where the "
            + "outputs are. Every fifth applicant is set aside as new applications; the model is trained on "
            + "the others (with its own 70/30 split for the test metrics) and then evaluates and scores the "
            + "set-aside ones.",
        footer = {"", "Example:", "  scorecard demo --out out/demo",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT})
public final class DemoCommand implements Callable<Integer> {
    static final String DATASET = "/datasets/germancredit.csv";

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Path data = out.resolve("data");
        Files.createDirectories(data);
        Path train = data.resolve("germancredit-train.csv");
        Path applications = data.resolve("germancredit-new-applications.csv");
        split(train, applications);
        // The credit convention, with R scorecard's scale (600 points at 19:1 good:bad, 50 points to
        // double the odds): a higher score is a better applicant, grade A the best, and the reasons say
        // why a score is not higher.
        ScorecardConfig empty = ScorecardConfig.empty().withTarget(Optional.of("creditability"), Optional.of("bad"));
        ScorecardConfig config = empty.withTraining(empty.training().withScaling(empty.training().scaling()
                .withHigherScoreMeans(ScoreDirection.NON_EVENT).withBaseOdds(19).withPdo(50)));
        Path modelDir = out.resolve("model");
        TrainWorkflow.Request trainRequest = new TrainWorkflow.Request(train, config, Optional.empty(), Optional.empty(),
                modelDir, Optional.empty(), 0.01, Runtime.getRuntime().availableProcessors());
        Path evaluation = out.resolve("evaluation");
        EvaluateWorkflow.Request evaluateRequest = new EvaluateWorkflow.Request(modelDir.resolve(TrainWorkflow.MODEL_JSON),
                applications, Optional.empty(), evaluation, EvaluationConfig.defaults(), Optional.empty(), 0.01, false,
                Optional.empty(), StandardCharsets.UTF_8);
        Path scored = out.resolve("scored-applications.csv");
        ScoreWorkflow.Request scoreRequest = new ScoreWorkflow.Request(modelDir.resolve(TrainWorkflow.MODEL_JSON),
                applications, scored, List.of(), List.of("creditability"), 4, ReasonBaseline.MAX, ScoreWorkflow.Format.CSV,
                false, false, Optional.empty(), 0.01, false, Optional.empty(), StandardCharsets.UTF_8);
        // Evaluating and scoring read the new model from its folder, so the model folder is put in place
        // first, as a set of its own; the evaluation and the scores are then one set together.
        TrainWorkflow.Outcome trained = TrainWorkflow.run(trainRequest, new BinWorkflow.Listener() { });
        List<Path> members = new ArrayList<>(EvaluateWorkflow.members(evaluateRequest));
        members.addAll(ScoreWorkflow.members(scoreRequest));
        EvaluateWorkflow.Outcome e;
        ScoreWorkflow.Outcome s;
        try (OutputSet set = OutputSet.of(members)) {
            e = EvaluateWorkflow.run(evaluateRequest, rows -> { }, set);
            s = ScoreWorkflow.run(scoreRequest, rows -> { }, set);
            set.commit();
        }
        if (!output.quiet) {
            stdout.printf(Locale.ROOT, "German credit: 1000 applicants, %d for training, %d set aside as new applications%n%n",
                    trained.model().provenance().rowsRead(), s.rows());
            // inspect's first block: the model, its scaling and its metrics.
            InspectCommand.render(trained.model()).lines().takeWhile(l -> !l.isEmpty()).forEach(stdout::println);
            stdout.println();
            stdout.println("A higher score is a better applicant (the credit convention,");
            stdout.println("train's --higher-score-means non-event): grade A is the best,");
            stdout.println("and each applicant's reasons say why the score is not higher.");
            for (SplitMetrics m : trained.model().metrics()) {
                if (m.split().equals("test")) {
                    stdout.println();
                    stdout.println("On the held-out test rows the model ranks a random bad applicant above a random good one");
                    stdout.printf(Locale.ROOT, "%.0f %% of the time (AUC).%n", 100 * m.auc());
                }
            }
            stdout.println(ConsoleText.wrap(String.format(Locale.ROOT, "On the %d set-aside applications: AUC %.4f, KS %.4f,"
                    + " score PSI against training %.4f.", e.evaluation().rows(), e.evaluation().auc(), e.evaluation().ks().ks(),
                    e.evaluation().stability().scorePsi().value()), 0));
            stdout.println();
            stdout.println("Outputs:");
            output(stdout, modelDir.resolve("model.json"), "the model (inspect it: scorecard inspect --model "
                    + modelDir.resolve("model.json") + ")");
            output(stdout, modelDir.resolve("report.html"), "the training report: bins, selection, points, train/test performance");
            output(stdout, evaluation.resolve("report.html"), "the evaluation of the set-aside applications");
            output(stdout, modelDir.resolve("scorecard.csv"), "the points table");
            output(stdout, modelDir.resolve("bins.csv"), "bins with WOE and IV");
            output(stdout, modelDir.resolve("selection.csv"), "why each variable was kept or removed");
            output(stdout, scored, String.format(Locale.ROOT, "%d new applications scored: score, probability, grade, reasons",
                    s.scored()));
        }
        return 0;
    }

    /** One output line: the file, then what it is; on a line of its own, indented, when both are too long. */
    private static void output(PrintWriter stdout, Path file, String what) {
        String line = "  " + file + "  " + what;
        if (line.length() <= ConsoleText.WIDTH) {
            stdout.println(line);
        } else {
            stdout.println("  " + file);
            stdout.println(ConsoleText.wrap("    " + what, 4));
        }
    }

    /** Writes every fifth data row to the applications file and the rest to the training file. */
    private static void split(Path train, Path applications) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(DATASET)) {
            if (in == null) {
                throw new IllegalStateException("the demo dataset " + DATASET + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            try (OutputSet set = OutputSet.of(List.of(train, applications))) {
                write(set, train, applications, reader);
                set.commit();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static void write(OutputSet set, Path train, Path applications, BufferedReader reader) throws IOException {
        try (Writer t = new OutputStreamWriter(set.open(train), StandardCharsets.UTF_8);
                Writer a = new OutputStreamWriter(set.open(applications), StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            t.write(header + "\n");
            a.write(header + "\n");
            String line;
            int row = 0;
            while ((line = reader.readLine()) != null) {
                (row++ % 5 == 4 ? a : t).write(line + "\n");
            }
        }
    }
}
