package dev.scorecard.cli.command;

import dev.scorecard.cli.option.BinningOverrides;
import dev.scorecard.cli.option.InputOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.load.ColumnReport;
import dev.scorecard.train.load.ColumnType;
import dev.scorecard.train.load.LoadReport;
import dev.scorecard.train.load.NonNumericCells;
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
        header = "Bin every variable: optimal bins with WOE and IV.",
        description = "Bin every variable of a CSV file: optimal bins with WOE and IV. Writes OUT/bins.json (editable; "
            + "feed it back with --bins), OUT/bins.csv and OUT/iv.csv.",
        footer = {"", "Examples:",
            "  scorecard bin --data datasets/germancredit/germancredit.csv \\",
            "      --target creditability --positive bad --out out/bins",
            "  scorecard bin --data leads.csv --target converted --config leads.yaml \\",
            "      --bins out/bins/bins.json --out out/bins2",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT},
        sortOptions = false)
public final class BinCommand implements Callable<Integer> {
    private static final int TEXT_SHOWN = 40;

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
            stdout.print(BinTables.summary(outcome.results(), config.training().selection().maxIv()));
            stdout.println();
            outcome.rejectsFile().ifPresent(f -> stdout.println("rejected rows: " + f));
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", outcome.written().stream().map(Path::toString)
                    .toList()), 6));
        }
        return 0;
    }

    /**
     * @return the load summary: rows, delimiter, encoding, rejects, per column what each missing token
     *     matched, and each column whose type a few cells that are not numbers decided
     */
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
        for (ColumnReport c : report.columns()) {
            c.nonNumeric().ifPresent(n -> sb.append(describe(c, n)).append(System.lineSeparator()));
        }
        for (String w : report.warnings()) {
            sb.append("warning: ").append(w).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /**
     * @return e.g. {@code   column 'age' is numeric: 1 of 999 non-missing cells is not a number, so its
     *     row is rejected: 'abc' (line 17)}
     */
    static String describe(ColumnReport c, NonNumericCells n) {
        StringBuilder sb = new StringBuilder("  column '").append(c.name()).append("' is ");
        String cells = n.cells() + " of " + n.nonMissing() + " non-missing cells"
                + (n.cells() == 1 ? " is not a number" : " are not numbers");
        if (c.type() == ColumnType.NUMERIC) {
            sb.append(c.typeForced() ? "numeric (forced): " : "numeric: ").append(cells)
                    .append(n.cells() == 1 ? ", so its row is rejected: " : ", so their rows are rejected: ");
        } else {
            sb.append("categorical: ").append(cells).append(", more than the ").append(n.allowed())
                    .append(" a numeric column may hold: ");
        }
        for (int i = 0; i < n.values().size(); i++) {
            NonNumericCells.Value v = n.values().get(i);
            sb.append(i > 0 ? ", " : "").append('\'').append(abbreviate(v.text())).append('\'').append(v.cells() == 1
                    ? " (line " + v.firstLine() + ")" : " (" + v.cells() + " cells, the first on line " + v.firstLine() + ")");
        }
        long more = n.distinctValues() - n.values().size();
        if (more > 0) {
            sb.append(", and ").append(more).append(more == 1 ? " other text" : " other texts");
        }
        return sb.toString();
    }

    /** A cell may be long or hold line breaks; the summary keeps to one line per column. */
    private static String abbreviate(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.codePointCount(0, oneLine.length()) <= TEXT_SHOWN ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, TEXT_SHOWN)) + "...";
    }
}
