package dev.scorecard.cli.command;

import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.cli.option.RequiredOptions;
import dev.scorecard.cli.option.RowOptions;
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

/** {@code scorecard blend}: one 0-100 score per lead from the channel, rule and model scores, by configured weights. */
@Command(name = "blend",
        mixinStandardHelpOptions = true,
        header = "Blend channel, rule and model scores into one 0-100.",
        description = "Blend each lead's parts into one score from 0 to 100 by the weights of a blend YAML"
            + " (docs/blend.md): the channel score (channels.csv of scorecard channels, 0-10, times 10), the rule score"
            + " (scores.csv of scorecard rules, 0-100) and a model's score (the output of scorecard score --id lead_id,"
            + " its points mapped linearly from the YAML's from/to onto 0-100 and clamped). A lead without a part has"
            + " the others' weights renormalised, or the part's fill. Writes DIR/blended.csv: score100, the 10-point"
            + " score and grade, the fit and engagement subtotals, each part's value and contribution (they add up to"
            + " score100 exactly) and the biggest contributors as reasons; DIR/grades.csv; rejected rows of each"
            + " file to DIR/lead-rejects.csv, DIR/rules-rejects.csv and DIR/model-rejects.csv.",
        footer = {"", "Examples:",
            "  scorecard blend --config blend.yaml --leads leads.csv \\",
            "      --rules-scores out/rules/scores.csv --out out/blend",
            "  scorecard blend --config blend.yaml --leads leads.csv \\",
            "      --channels out/channels/channels.csv \\",
            "      --rules-scores out/rules/scores.csv \\",
            "      --model-scores out/scored.csv --out out/blend",
            "", "Fit the weights on outcomes: scorecard blend fit --help.",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT},
        sortOptions = false,
        subcommands = {BlendFitCommand.class})
public final class BlendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // Not required by picocli, which would then ask for them before 'blend fit' too: checked in call().
    @Option(names = "--config", paramLabel = "FILE.yaml",
            description = "The blend: parts with their weights, fills and (for the model) column and from/to; score10,"
                + " grades and reasons as in a rules file. Required.")
    Path config;

    @Option(names = "--leads", paramLabel = "FILE",
            description = "The leads file: lead_id, created_at[, channel, sub_channel, ...]; one row per lead blended."
                + " Required.")
    Path leads;

    @Option(names = "--channels", paramLabel = "FILE",
            description = "The channel table (channels.csv from scorecard channels), for parts.channel.")
    Path channels;

    @Option(names = "--rules-scores", paramLabel = "FILE",
            description = "The rule scores (scores.csv from scorecard rules), for parts.rules.")
    Path rulesScores;

    @Option(names = "--model-scores", paramLabel = "FILE",
            description = "A model's scores (from scorecard score --id lead_id, with --points for reasons), for"
                + " parts.model.")
    Path modelScores;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (created when absent). Required.")
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
        RequiredOptions.of(spec).need("--config", config).need("--leads", leads).need("--out", out).check();
        PathCollisions collisions = PathCollisions.of().input("--config", config).input("--leads", leads)
                .input("--channels", channels).input("--rules-scores", rulesScores).input("--model-scores", modelScores);
        collisions.folder("--out", out, List.of(BlendWorkflow.BLENDED_CSV, BlendWorkflow.GRADES_CSV,
                BlendWorkflow.LEAD_REJECTS_CSV, BlendWorkflow.RULES_REJECTS_CSV, BlendWorkflow.MODEL_REJECTS_CSV)).check();
        InputFormat format = new InputFormat(Optional.ofNullable(delimiter).map(RowOptions::parseDelimiter),
                encoding == null ? StandardCharsets.UTF_8 : RowOptions.parseEncoding(encoding), CsvDialect.DEFAULT,
                ZoneOffset.UTC);
        BlendWorkflow.Outcome o = BlendWorkflow.run(new BlendWorkflow.Request(leads, config, Optional.ofNullable(channels),
                Optional.ofNullable(rulesScores), Optional.ofNullable(modelScores), out, format, maxRejectShare));
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(String.format(Locale.ROOT, "leads: %d read = %d blended + %d without any part + %d rejected",
                    o.leadsRead(), o.blended(), o.withoutParts(), o.leadsRejected()));
            for (BlendWorkflow.PartOutcome p : o.parts()) {
                stdout.println(String.format(Locale.ROOT, "  %-8s %-10s weight %5.1f %%: %d leads have it, %d filled%s",
                        p.part(), p.side(), 100 * p.weightShare(), p.leadsWith(), p.leadsFilled(), p.part().equals("channel")
                                ? "" : String.format(Locale.ROOT, "; %d rows read, %d rejected", p.rowsRead(),
                                        p.rowsRejected())));
            }
            StringBuilder grades = new StringBuilder("grades:");
            for (int g = 0; g < o.grades().size(); g++) {
                grades.append(g == 0 ? " " : ", ").append(o.grades().get(g)).append(' ').append(o.gradeCounts()[g]);
            }
            stdout.println(grades);
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }
}
