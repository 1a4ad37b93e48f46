package dev.scorecard.cli.command;

import dev.scorecard.cli.option.OptionValue;
import dev.scorecard.cli.option.ModelOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.internal.ConfigNames;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.train.export.PmmlExport;
import dev.scorecard.train.export.PointsTables;
import dev.scorecard.train.export.SqlDialect;
import dev.scorecard.train.export.SqlExport;
import dev.scorecard.train.export.SqlOptions;
import dev.scorecard.train.io.AtomicOutput;
import dev.scorecard.train.load.Dash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard export}: write a model in another format. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        header = "Export a model as PMML 4.4, SQL, Markdown or CSV.",
        description = "Export a model: a PMML 4.4 Scorecard (score, reason codes, probability, grade) for a decision "
            + "engine, one SQL SELECT that scores a table exactly as the scorer does (score, probability, "
            + "grade, points per characteristic, reason codes), or the points table as Markdown (for a "
            + "model-risk document) or CSV.",
        footer = {"", "Examples:",
            "  scorecard export --model out/model/model.json --format pmml \\",
            "      --out scorecard.pmml",
            "  scorecard export --model out/model/model.json --format markdown \\",
            "      --out scorecard.md",
            "  scorecard export --model model.json --format csv --out points.csv",
            "  scorecard export --model model.json --format sql --table leads \\",
            "      --id lead_id --dialect postgres --out score.sql",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT_OR_MODEL},
        sortOptions = false)
public final class ExportCommand implements Callable<Integer> {
    /** Export formats, spelled as on the command line. */
    enum Format {
        PMML("pmml"), SQL("sql"), MARKDOWN("markdown"), CSV("csv");

        private final String configName;

        Format(String configName) {
            this.configName = configName;
        }

        String configName() {
            return configName;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FMT", description = "pmml, sql, markdown or csv.")
    String format;

    @Option(names = "--table", paramLabel = "NAME", defaultValue = "leads",
            description = "SQL: the input table (default ${DEFAULT-VALUE}); schema.table works.")
    String table;

    @Option(names = "--id", split = ",", paramLabel = "COL", description = "SQL: identifier columns passed through first.")
    List<String> id = List.of();

    @Option(names = "--dialect", paramLabel = "D", defaultValue = "ansi",
            description = "SQL: ansi (default; runs on PostgreSQL, DuckDB and H2), postgres, duckdb or h2 (ansi that also "
                    + "reads a stored NaN as missing), or sqlite (SQLite 3.35+ with its math functions).")
    String dialect;

    @Option(names = "--reasons", paramLabel = "N", defaultValue = "4",
            description = "PMML and SQL: reason codes per row (default ${DEFAULT-VALUE}).")
    int reasons;

    @Option(names = "--reason-baseline", paramLabel = "B", defaultValue = "max",
            description = "PMML and SQL: points lost are measured from each characteristic's max (default) or training mean points.")
    String reasonBaseline;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Output file (written atomically), or - for standard output.")
    Path out;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PathCollisions.of().input("--model", modelOptions.model).output("--out", out).check();
        Format f = ConfigNames.parse("--format", Format.values(), Format::configName, format);
        ReasonBaseline baseline = ConfigNames.parse("--reason-baseline", ReasonBaseline.values(), ReasonBaseline::configName,
                reasonBaseline);
        SqlOptions sql = f != Format.SQL ? null : OptionValue.checked("--reasons", "reasons", () -> new SqlOptions(table, id,
                ConfigNames.parse("--dialect", SqlDialect.values(), SqlDialect::configName, dialect), reasons, baseline));
        ScorecardModel m = Scorecard.load(modelOptions.model, !modelOptions.ignoreChecksum).model();
        try {
            if (Dash.is(out)) {
                // Every format is one file, so '-' means standard output as for score; the export alone goes there.
                PrintWriter stdout = spec.commandLine().getOut();
                if (f == Format.PMML) {
                    ByteArrayOutputStream pmml = new ByteArrayOutputStream();
                    PmmlExport.write(m, baseline, reasons, pmml);
                    stdout.write(pmml.toString(StandardCharsets.UTF_8));
                } else {
                    writeText(f, m, sql, stdout);
                }
                stdout.flush();
            } else if (f == Format.PMML) {
                AtomicOutput.write(out, o -> PmmlExport.write(m, baseline, reasons, o));
            } else {
                AtomicOutput.writeText(out, w -> writeText(f, m, sql, w));
            }
        } catch (IOException e) {
            throw new InputDataException(out.toString(), 0, null, "cannot write: " + e.getMessage());
        }
        if (!output.quiet) {
            // With the export on standard output, what the run says goes to standard error.
            PrintWriter say = Dash.is(out) ? spec.commandLine().getErr() : spec.commandLine().getOut();
            say.println("wrote " + (Dash.is(out) ? "standard output" : out));
            say.flush();
        }
        return 0;
    }

    private static void writeText(Format f, ScorecardModel m, SqlOptions sql, Writer w) throws IOException {
        switch (f) {
            case SQL -> SqlExport.write(m, sql, w);
            case MARKDOWN -> PointsTables.writeMarkdown(m, w);
            case CSV -> PointsTables.writeCsv(m, w);
            default -> throw new IllegalStateException(f.toString());
        }
    }
}
