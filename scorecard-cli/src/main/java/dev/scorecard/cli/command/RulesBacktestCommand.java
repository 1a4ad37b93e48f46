package dev.scorecard.cli.command;

import dev.scorecard.cli.option.LeadFilesOptions;
import dev.scorecard.cli.option.LeadInputOptions;
import dev.scorecard.cli.option.NightOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.crm.rules.RulesBacktest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard rules backtest}: replay the rule score night after night against later conversions. */
@Command(name = "backtest",
        mixinStandardHelpOptions = true,
        header = "Replay a rule set night after night and measure how it ranked later converters.",
        description = "Replay the rules (and with --compare a proposed rule set) each night from --from to --to in steps"
            + " of --every: every lead created by the night and not converted by it is scored as it stood then, and"
            + " measured against conversion within --horizon days after it: AUC, KS, conversion by grade and the best"
            + " grade's lift, per night and all nights pooled; and per rule whether it carries signal (the information"
            + " value and AUC of what it added, and the AUC lost without it). Writes DIR/backtest.csv,"
            + " backtest-grades.csv, backtest-rules.csv and backtest.html.",
        footer = {"", "Examples:",
            "  scorecard rules backtest --rules rules.yaml --leads leads.csv --events events.csv \\",
            "      --from 2026-09-01 --to 2026-11-01 --every 1d --horizon 14d --out out/backtest",
            "  scorecard rules backtest --rules rules.yaml --compare proposed.yaml --leads leads.csv \\",
            "      --events events.csv --from 2026-09-01 --to 2026-11-01 --every 7d --out out/backtest",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT_OR_MODEL},
        sortOptions = false)
public final class RulesBacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "FILE", description = "The rules (YAML).")
    Path rules;

    @Option(names = "--compare", paramLabel = "FILE", description = "A proposed rule set to replay beside --rules.")
    Path compare;

    @Mixin
    LeadFilesOptions files;

    @Mixin
    LeadInputOptions input;

    @Option(names = "--channels", paramLabel = "FILE",
            description = "The channel table (channels.csv from scorecard channels) for the start values.")
    Path channels;

    @Mixin
    NightOptions nights;

    @Option(names = "--every", paramLabel = "DAYS", defaultValue = "1d",
            description = "Days between nights (default ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        RulesBacktest.Request request = new RulesBacktest.Request(files.leads, files.events, rules,
                Optional.ofNullable(compare), Optional.ofNullable(channels), nights.from(),
                nights.to(), NightOptions.days("--every", every),
                nights.horizonDays(), out, input.format(), input.timezone != null,
                input.duplicatePolicy(), Optional.ofNullable(input.rejects), Optional.ofNullable(input.leadRejects),
                input.maxRejectShare);
        PathCollisions c = PathCollisions.of().input("--leads", files.leads).input("--events", files.events)
                .input("--rules", rules);
        if (compare != null) {
            c.input("--compare", compare);
        }
        if (channels != null) {
            c.input("--channels", channels);
        }
        c.output("--out", out.resolve(RulesBacktest.BACKTEST_CSV)).check();
        RulesBacktest.Outcome o;
        try (Progress progress = Progress.start(output.quiet)) {
            progress.counter("Reading events", " lines");
            o = RulesBacktest.run(request, progress::step);
        }
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            int count = o.nights().size() / o.overall().size();
            stdout.println(count + " nights from " + nights.from() + ", horizon " + nights.horizon);
            stdout.println(ConsoleText.wrap(FeaturesCommand.events(o.events()).replace("the as-of instant", "the last night"),
                    8));
            for (RulesBacktest.Night n : o.overall()) {
                stdout.println(String.format(Locale.ROOT, "%-8s %d lead-nights, %d converted (%.2f %%): AUC %s, KS %s, best"
                        + " grade lift %s", n.rules(), n.leads(), n.converters(), n.leads() == 0 ? 0.0
                        : 100.0 * n.converters() / n.leads(), metric(n.auc()), metric(n.ks()), n.topGradeLift() != n
                        .topGradeLift() ? "undefined" : String.format(Locale.ROOT, "%.2f", n.topGradeLift())));
            }
            for (int r = 0; r < o.overall().size(); r++) {
                java.util.List<String> idle = o.signal().get(r).stream().filter(e -> e.verdict().equals("never contributes")
                        || e.verdict().equals("not predictive")).map(e -> e.rule() + " (" + e.verdict() + ")").toList();
                if (!idle.isEmpty()) {
                    stdout.println(ConsoleText.wrapList(o.overall().get(r).rules() + ": no signal from "
                            + String.join(", ", idle), 8));
                }
            }
            if (!o.incompleteHorizon().isEmpty()) {
                stdout.println(ConsoleText.wrap("warning: from " + o.incompleteHorizon().get(0) + " on, the horizon reaches"
                        + " past the newest event or conversion in the data, so those conversions may be undercounted", 9));
            }
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }

    private static String metric(double v) {
        return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.4f", v);
    }
}
