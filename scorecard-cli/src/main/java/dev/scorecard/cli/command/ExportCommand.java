package dev.scorecard.cli.command;

import dev.scorecard.cli.option.ModelOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.internal.ConfigNames;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.train.export.PointsTables;
import dev.scorecard.train.io.AtomicOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard export}: write a model in another format. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Export a model: the points table as Markdown (for a model-risk document) or CSV."},
        footer = {"", "Examples:",
            "  scorecard export --model out/model/model.json --format markdown --out scorecard.md",
            "  scorecard export --model model.json --format csv --out points.csv",
            "", "Exit codes: 0 ok, 2 bad usage or a refused model, 1 internal error."},
        sortOptions = false)
public final class ExportCommand implements Callable<Integer> {
    /** Export formats, spelled as on the command line. */
    enum Format {
        MARKDOWN("markdown"), CSV("csv");

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

    @Option(names = "--format", required = true, paramLabel = "FMT", description = "markdown or csv.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (written atomically).")
    Path out;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Format f = ConfigNames.parse("format", Format.values(), Format::configName, format);
        ScorecardModel m = Scorecard.load(modelOptions.model, !modelOptions.ignoreChecksum).model();
        try {
            AtomicOutput.writeText(out, w -> {
                switch (f) {
                    case MARKDOWN -> PointsTables.writeMarkdown(m, w);
                    case CSV -> PointsTables.writeCsv(m, w);
                    default -> throw new IllegalStateException(f.toString());
                }
            });
        } catch (IOException e) {
            throw new InputDataException(out.toString(), 0, null, "cannot write: " + e.getMessage());
        }
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("wrote " + out);
        }
        return 0;
    }
}
