package dev.scorecard.cli.command;

import dev.scorecard.cli.option.BinningOverrides;
import dev.scorecard.cli.option.InputOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.load.ColumnReport;
import dev.scorecard.train.load.LoadReport;
import dev.scorecard.train.pipeline.BinWorkflow;
import dev.scorecard.train.report.BinTables;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard bin}: optimal bins, WOE and IV for every variable of a CSV file. */
@Command(name = "bin",
        mixinStandardHelpOptions = true,
        description = {"Bin every variable of a CSV file: optimal bins with WOE and IV.",
            "Writes OUT/bins.json (editable; feed it back with --bins), OUT/bins.csv and OUT/iv.csv."},
        footer = {"", "Examples:",
            "  scorecard bin --data datasets/germancredit/germancredit.csv --target creditability --positive bad --out out/bins",
            "  scorecard bin --data leads.csv --target converted --config leads.yaml --bins out/bins/bins.json --out out/bins2",
            "", "Exit codes: 0 ok, 2 bad usage or input, 1 internal error."},
        sortOptions = false)
public final class BinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    BinningOverrides binning;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> written = new ArrayList<>(List.of(BinWorkflow.BINS_JSON, BinWorkflow.BINS_CSV, BinWorkflow.IV_CSV));
        if (input.rejects == null) {
            written.add(BinWorkflow.REJECTS_CSV);
        }
        PathCollisions.of().input("--data", input.data).input("--config", input.config).input("--bins", binning.bins)
                .folder("--out", out, written).output("--rejects", input.rejects).check();
        ScorecardConfig config = binning.apply(ConfigSupport.load(input));
        BinWorkflow.Request request = new BinWorkflow.Request(input.data, config, Optional.ofNullable(binning.bins), out,
                Optional.ofNullable(input.rejects), input.maxRejectShare, binning.threads());
        BinWorkflow.Outcome outcome;
        try (Progress progress = Progress.start(output.quiet)) {
            outcome = BinWorkflow.run(request, new ProgressListener(progress, stdout, output.quiet));
        }
        if (!output.quiet) {
            stdout.println();
            stdout.print(BinTables.summary(outcome.results()));
            stdout.println();
            outcome.rejectsFile().ifPresent(f -> stdout.println("rejected rows: " + f));
            stdout.println("wrote " + String.join(", ", outcome.written().stream().map(Path::toString).toList()));
        }
        return 0;
    }

    /** @return the load summary: rows, delimiter, encoding, rejects, and per column what each missing token matched */
    static String describe(LoadReport report) {
        StringBuilder sb = new StringBuilder();
        String delimiter = report.delimiter() == '\t' ? "tab" : "'" + report.delimiter() + "'";
        // The encoding is shown when it is not the default, also when a byte order mark chose it.
        String encoding = report.encoding().equals(StandardCharsets.UTF_8) ? "" : ", encoding " + report.encoding().name();
        sb.append(String.format(Locale.ROOT, "%s: %d rows, delimiter %s%s, %d rejected%n", report.file(),
                report.rowsRead(), delimiter, encoding, report.rowsRejected()));
        for (ColumnReport c : report.columns()) {
            if (c.missingTokenCounts().isEmpty()) {
                continue;
            }
            StringBuilder tokens = new StringBuilder();
            for (Map.Entry<String, Long> e : c.missingTokenCounts().entrySet()) {
                if (tokens.length() > 0) {
                    tokens.append(", ");
                }
                tokens.append(e.getKey().isEmpty() ? "(empty)" : "'" + e.getKey() + "'").append(' ').append(e.getValue());
            }
            sb.append(String.format(Locale.ROOT, "  missing in %s: %s%n", c.name(), tokens));
        }
        return sb.toString();
    }
}
