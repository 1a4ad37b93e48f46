package dev.scorecard.cli.command;

import dev.scorecard.cli.option.NightOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.cli.option.RowOptions;
import dev.scorecard.crm.blend.BlendFit;
import dev.scorecard.crm.blend.BlendWorkflow;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.train.load.CsvDialect;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard blend fit}: the blend's weights fitted on outcomes. */
@Command(name = "fit",
        mixinStandardHelpOptions = true,
        header = "Fit the blend's weights on outcomes, with Platt calibration and AUC per part.",
        description = "Fit a logistic regression of conversion within --horizon after --as-of on each part's value"
            + " (0-100, as scorecard blend reads it, over 100; 0 when absent) and a missing-indicator per part that some"
            + " leads lack, over the leads created by --as-of and not converted by then (docs/blend.md). A part with a"
            + " negative coefficient is dropped and the rest refitted. The parts' coefficients, normalised to sum to 1,"
            + " are the weights of DIR/blend.yaml: a copy of --config with its parts rewritten (fill: renormalise), for"
            + " scorecard blend --config DIR/blend.yaml. Writes DIR/fit.csv (per term coefficient, standard error, z,"
            + " p-value, weight, AUC; the Platt scaling of score100), DIR/calibration.csv (observed and predicted rates"
            + " by 10-point band) and DIR/performance.csv (AUC per part and of the blend). With --test FROM, leads"
            + " created from FROM on are not fitted, only measured.",
        footer = {"", "Examples:",
            "  scorecard blend fit --config blend.yaml --leads leads.csv \\",
            "      --channels out/channels/channels.csv \\",
            "      --rules-scores out/rules/scores.csv \\",
            "      --model-scores out/scored.csv --as-of 2026-06-01 \\",
            "      --horizon 14d --test 2026-04-01 --out out/blend-fit",
            "  scorecard blend --config out/blend-fit/blend.yaml --leads leads.csv \\",
            "      --channels out/channels/channels.csv \\",
            "      --rules-scores out/rules/scores.csv \\",
            "      --model-scores out/scored.csv --out out/blend",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT},
        sortOptions = false)
public final class BlendFitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE.yaml",
            description = "The blend whose parts are fitted; its other keys are copied into DIR/blend.yaml.")
    Path config;

    @Option(names = "--leads", required = true, paramLabel = "FILE",
            description = "The leads file with outcomes: lead_id, created_at, converted, converted_at[, channel, ...].")
    Path leads;

    @Option(names = "--channels", paramLabel = "FILE",
            description = "The channel table as of --as-of (channels.csv from scorecard channels), for parts.channel.")
    Path channels;

    @Option(names = "--rules-scores", paramLabel = "FILE",
            description = "The rule scores as of --as-of (scores.csv from scorecard rules), for parts.rules.")
    Path rulesScores;

    @Option(names = "--model-scores", paramLabel = "FILE",
            description = "A model's scores as of --as-of (from scorecard score --id lead_id), for parts.model.")
    Path modelScores;

    @Option(names = "--as-of", required = true, paramLabel = "TIME",
            description = "When the scores were taken: 2026-06-01 (the start of that day, UTC) or"
                + " 2026-06-01T00:00:00+08:00.")
    String asOf;

    @Option(names = "--horizon", paramLabel = "DAYS", defaultValue = "14d",
            description = "A conversion within this many days after --as-of counts (default ${DEFAULT-VALUE}).")
    String horizon;

    @Option(names = "--test", paramLabel = "FROM",
            description = "Fit on the leads created before FROM; measure on those created from FROM to --as-of.")
    String test;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "The leads file's delimiter. Default: detected.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "The leads file's encoding when it has no byte order mark (default UTF-8).")
    String encoding;

    @Option(names = "--max-reject-share", paramLabel = "SHARE", defaultValue = "0.01",
            description = "Fail when more than this share of any file's rows is rejected (default ${DEFAULT-VALUE}).")
    double maxRejectShare;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PathCollisions.of().input("--config", config).input("--leads", leads).input("--channels", channels)
                .input("--rules-scores", rulesScores).input("--model-scores", modelScores)
                .folder("--out", out, List.of(BlendFit.BLEND_YAML, BlendFit.FIT_CSV, BlendFit.CALIBRATION_CSV,
                        BlendFit.PERFORMANCE_CSV, BlendWorkflow.LEAD_REJECTS_CSV, BlendWorkflow.RULES_REJECTS_CSV,
                        BlendWorkflow.MODEL_REJECTS_CSV)).check();
        InputFormat format = new InputFormat(Optional.ofNullable(delimiter).map(RowOptions::parseDelimiter),
                encoding == null ? StandardCharsets.UTF_8 : RowOptions.parseEncoding(encoding), CsvDialect.DEFAULT,
                ZoneOffset.UTC);
        BlendFit.Outcome o = BlendFit.run(new BlendFit.Request(leads, config, Optional.ofNullable(channels),
                Optional.ofNullable(rulesScores), Optional.ofNullable(modelScores), asOf,
                NightOptions.days("--horizon", horizon), Optional.ofNullable(test), out, format, maxRejectShare));
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(ConsoleText.wrap(String.format(Locale.ROOT, "leads: %d read = %d fitted + %d tested + %d"
                    + " created after --as-of + %d converted by then + %d without any part + %d rejected", o.leadsRead(),
                    o.fitLeads(), o.testLeads(), o.createdAfter(), o.convertedBefore(), o.withoutParts(),
                    o.leadsRejected()), 8));
            stdout.println(String.format(Locale.ROOT, "fit: %d leads, %d converted within %s (%.2f %%)%s", o.fitLeads(),
                    o.fitConverters(), horizon, 100.0 * o.fitConverters() / o.fitLeads(), test == null ? ""
                            : String.format(Locale.ROOT, "; test: %d leads, %d converted", o.testLeads(),
                                    o.testConverters())));
            stdout.println(String.format(Locale.ROOT, "  %-14s %11s %9s %8s %9s %7s %6s", "term", "coefficient",
                    "std error", "z", "p-value", "weight", "AUC"));
            for (BlendFit.Term t : o.terms()) {
                stdout.println(String.format(Locale.ROOT, "  %-14s %11s %9s %8s %9s %7s %6s%s", t.name(),
                        number("%.3f", t.coefficient()), number("%.3f", t.standardError()), number("%.2f", t.z()),
                        number("%.2g", t.pValue()), number("%.4f", t.weight()), number("%.3f", t.auc()),
                        t.note().isEmpty() ? "" : "  " + t.note()).stripTrailing());
            }
            stdout.println(String.format(Locale.ROOT, "calibration (Platt): P = 1 / (1 + exp(-(%.4f + %.5f x score100)))",
                    o.platt()[0], o.platt()[1]));
            List<String> names = o.performance().get(0).parts();
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-5s", "AUC"));
            for (String n : names) {
                head.append(String.format(Locale.ROOT, " %8s", n));
            }
            stdout.println(head.append(String.format(Locale.ROOT, " %8s", "blend")));
            for (BlendFit.Performance p : o.performance()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-5s", p.set()));
                for (double v : p.auc()) {
                    line.append(String.format(Locale.ROOT, " %8s", number("%.4f", v)));
                }
                stdout.println(line);
            }
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }

    private static String number(String format, double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }
}
