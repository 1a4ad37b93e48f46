package dev.scorecard.cli.command;

import dev.scorecard.cli.option.CutoffChoice;
import dev.scorecard.cli.option.ModelOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.cli.option.RowOptions;
import dev.scorecard.cli.option.TargetLabelOptions;
import dev.scorecard.train.config.ConfigReader;
import dev.scorecard.train.config.EvaluationConfig;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.GateFailedException;
import dev.scorecard.train.eval.Gates;
import dev.scorecard.train.pipeline.EvaluateWorkflow;
import dev.scorecard.train.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard evaluate}: evaluate a model on a labelled file and write the report. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        header = "Evaluate a model on labelled data, with go-live gates.",
        description = "Evaluate a model on a labelled CSV: AUC, KS, Gini, ROC, gains and lift, the cut-off table, the "
            + "grade table, calibration, score PSI and CSI against the training baseline, and the go-live "
            + "gates of --config. Writes OUT/report.html (one self-contained file), report.json and CSV tables "
            + "(gains.csv, cutoffs.csv, ...).",
        footer = {"", "Examples:",
            "  scorecard evaluate --model out/model/model.json --data holdout.csv \\",
            "      --out out/eval",
            "  scorecard evaluate --model model.json --data leads_2026_10.csv \\",
            "      --target converted --config gates.yaml --out eval",
            "  scorecard evaluate --model model.json --data holdout.csv --cutoff-bands 20 \\",
            "      --out eval",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT_OR_MODEL,
            ExitCodes.GATE_FAILED},
        sortOptions = false)
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled CSV file (.csv or .csv.gz).")
    Path data;

    @Option(names = "--target", paramLabel = "COL", description = "The target column. Default: the model's.")
    String target;

    @Mixin
    TargetLabelOptions labels;

    @Option(names = "--config", paramLabel = "FILE.yaml",
            description = "Config file whose 'gates', 'drift' and 'cutoffs' apply.")
    Path config;

    @ArgGroup(exclusive = true)
    CutoffChoice cutoffs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    RowOptions rows;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> written = new ArrayList<>(ReportWriter.evaluationFiles());
        if (rows.rejects == null) {
            written.add(EvaluateWorkflow.REJECTS_CSV);
        }
        PathCollisions.of().input("--model", modelOptions.model).input("--data", data).input("--config", config)
                .folder("--out", out, written).output("--rejects", rows.rejects).check();
        EvaluationConfig ec = CutoffChoice.apply(cutoffs,
                config != null ? ConfigReader.read(config).evaluation() : EvaluationConfig.defaults());
        EvaluateWorkflow.Request request = new EvaluateWorkflow.Request(modelOptions.model, data, Optional.ofNullable(target), out, ec,
                Optional.ofNullable(rows.rejects), rows.maxRejectShare, modelOptions.ignoreChecksum, rows.delimiter(),
                rows.encoding(), labels.labels(), rows.dialect.forModel());
        EvaluateWorkflow.Outcome o;
        try (Progress progress = Progress.start(output.quiet)) {
            progress.counter("Scoring", " rows");
            o = EvaluateWorkflow.run(request, progress::step);
        }
        if (!output.quiet) {
            Evaluation e = o.evaluation();
            stdout.printf(Locale.ROOT, "%d rows: %d evaluated, %d rejected%n", o.rowsRead(), e.rows(), o.rejected());
            stdout.printf(Locale.ROOT, "events %d (%.2f %%)  AUC %.4f  KS %.4f  Gini %.4f  score PSI %.4f (%s)%n", e.events(),
                    100 * e.eventRate(), e.auc(), e.ks().ks(), e.gini(), e.stability().scorePsi().value(),
                    e.stability().scoreLevel().name().toLowerCase(Locale.ROOT));
            o.rejectsFile().ifPresent(f -> stdout.println("rejected rows: " + f));
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString).toList()), 6));
            if (!o.gates().isEmpty() && o.gatesPassed()) {
                stdout.print("go-live gates passed:\n" + Gates.table(o.gates()));
            }
        }
        stdout.flush();
        if (!o.gatesPassed()) {
            throw new GateFailedException(o.evaluation().name(), o.gates());
        }
        return 0;
    }
}
