package dev.scorecard.cli.command;

import dev.scorecard.core.internal.ConfigNames;
import dev.scorecard.cli.option.ModelOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.cli.option.RowOptions;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.train.load.Dash;
import dev.scorecard.train.pipeline.ScoreWorkflow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard score}: score a lead file with a model, streaming, in input order. */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        header = "Score a CSV file: score, grade and reason codes per row.",
        description = "Score a CSV file with a model: score, probability, score10, grade, reason codes and warnings "
            + "per row. Streams the file (any size, constant memory) and keeps the input order. Rows that "
            + "cannot be scored go to the rejects file with their line and reason; the run fails when they "
            + "exceed --max-reject-share.",
        footer = {"", "Examples:",
            "  scorecard score --model out/model/model.json --data leads.csv --id lead_id \\",
            "      --out scored.csv",
            "  scorecard score --model model.json --data leads.csv.gz --format jsonl \\",
            "      --reasons 2 --out scored.jsonl",
            "  zcat leads.csv.gz | scorecard score --model model.json --data - --out - \\",
            "      --id lead_id > scored.csv",
            "", "Scores and rejects are written as one set when the run finishes:",
            "a run with no rejects removes an earlier rejects file,",
            "and a killed run leaves the previous files.",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT_OR_MODEL},
        sortOptions = false)
public final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file to score (.csv or .csv.gz), or - for standard input (gzip detected).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file, or - for standard output (then rejects go to --rejects, default "
                    + ScoreWorkflow.STDOUT_REJECTS + ").")
    Path out;

    @Option(names = "--id", split = ",", paramLabel = "COL", description = "Identifier columns copied first into the output.")
    List<String> id = List.of();

    @Option(names = "--keep", split = ",", paramLabel = "COL", description = "Other input columns copied last into the output.")
    List<String> keep = List.of();

    @Option(names = "--reasons", paramLabel = "N", defaultValue = "4", description = "Reason codes per row (default ${DEFAULT-VALUE}).")
    int reasons;

    @Option(names = "--reason-baseline", paramLabel = "B", defaultValue = "max",
            description = "Points lost are measured from each characteristic's max (default) or training mean points.")
    String reasonBaseline;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "csv", description = "csv (default) or jsonl.")
    String format;

    @Option(names = "--points", description = "Add points_<characteristic>: the points it scored.")
    boolean points;

    @Option(names = "--woe", description = "Add woe_<characteristic>: its bin's WOE, 0 if none.")
    boolean woe;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    RowOptions rows;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        // With the scores on standard output, what the run says goes to standard error.
        PrintWriter stdout = Dash.is(out) ? spec.commandLine().getErr() : spec.commandLine().getOut();
        PathCollisions paths = PathCollisions.of().input("--model", modelOptions.model).input("--data", data).output("--out", out);
        if (rows.rejects != null) {
            paths.output("--rejects", rows.rejects);
        } else {
            paths.writes("--out", out, ScoreWorkflow.defaultRejectsFile(out));
        }
        paths.check();
        ScoreWorkflow.Request request = new ScoreWorkflow.Request(modelOptions.model, data, out, id, keep, reasons,
                ConfigNames.parse("--reason-baseline", ReasonBaseline.values(), ReasonBaseline::configName, reasonBaseline),
                ConfigNames.parse("--format", ScoreWorkflow.Format.values(), ScoreWorkflow.Format::configName, format),
                points, woe,
                Optional.ofNullable(rows.rejects), rows.maxRejectShare, modelOptions.ignoreChecksum,
                rows.delimiter(), rows.encoding(), rows.dialect.forModel());
        ScoreWorkflow.Outcome o;
        try (Progress progress = Progress.start(output.quiet)) {
            progress.counter("Scoring", " rows");
            o = ScoreWorkflow.run(request, progress::step);
        }
        if (!output.quiet) {
            stdout.printf("%d rows: %d scored, %d rejected%n", o.rows(), o.scored(), o.rejected());
            o.rejectsFile().ifPresent(f -> stdout.println("rejected rows: " + f));
            stdout.println("wrote " + (Dash.is(out) ? "standard output" : out));
        }
        return 0;
    }
}
