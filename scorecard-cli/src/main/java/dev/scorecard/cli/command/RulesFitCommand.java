package dev.scorecard.cli.command;

import dev.scorecard.cli.option.LeadFilesOptions;
import dev.scorecard.cli.option.LeadInputOptions;
import dev.scorecard.cli.option.NightOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.crm.rules.RulesFit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard rules fit}: propose points per event type from outcomes. */
@Command(name = "fit",
        mixinStandardHelpOptions = true,
        header = "Propose points per behaviour from outcomes, as an editable rules file with each rule's evidence.",
        description = "Replay each night from --from to --to in steps of --every, as the backtest does, and fit a logistic"
            + " regression of conversion within --horizon days on each event type's decayed count (the decay of --rules)"
            + " and the lead's age in bands. Each type gets points from its coefficient (0 within noise, |z| under the"
            + " Bonferroni bound for the types and bands at a family-wise 5 %, or when it only stands in for others:"
            + " redundant), the age bands become conditions on registeredDays, and"
            + " the rest of --rules (levels, decay, channel weight, 10-point bounds, grades) is kept. Writes"
            + " DIR/fitted-rules.yaml and DIR/fit.csv (per type: IV, AUC, coefficient alone and in the fit, standard"
            + " error, z, points, verdict). Backtest the proposal on later nights with rules backtest --compare.",
        footer = {"", "Examples:",
            "  scorecard rules fit --rules rules.yaml --leads leads.csv --events events.csv \\",
            "      --from 2025-09-01 --to 2026-04-26 --every 7d --horizon 14d --out out/fit",
            "  scorecard rules backtest --rules rules.yaml --compare out/fit/fitted-rules.yaml \\",
            "      --leads leads.csv --events events.csv --from 2026-05-03 --to 2026-11-01 --every 7d --out out/bt",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT_OR_MODEL},
        sortOptions = false)
public final class RulesFitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "FILE",
            description = "The base rules (YAML): their event types, levels, decay and grades are kept.")
    Path rules;

    @Mixin
    LeadFilesOptions files;

    @Mixin
    LeadInputOptions input;

    @Mixin
    NightOptions nights;

    @Option(names = "--every", paramLabel = "DAYS", defaultValue = "7d",
            description = "Days between nights (default ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--pdo", paramLabel = "POINTS",
            description = "Points that double the odds (default: the scale that puts the 99th percentile of the"
                + " lead-nights' fitted log-odds at 100).")
    Double pdo;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        RulesFit.Request request = new RulesFit.Request(files.leads, files.events, rules,
                nights.from(), nights.to(),
                NightOptions.days("--every", every), nights.horizonDays(),
                pdo == null ? OptionalDouble.empty() : OptionalDouble.of(pdo), out, input.format(), input.timezone != null,
                input.duplicatePolicy(), Optional.ofNullable(input.rejects), Optional.ofNullable(input.leadRejects),
                input.maxRejectShare);
        PathCollisions.of().input("--leads", files.leads).input("--events", files.events).input("--rules", rules)
                .output("--out", out.resolve(RulesFit.RULES_YAML)).check();
        RulesFit.Outcome o;
        try (Progress progress = Progress.start(output.quiet)) {
            progress.counter("Reading events", " lines");
            o = RulesFit.run(request, progress::step);
        }
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(String.format(Locale.ROOT, "%d lead-nights, %d converted within %s (%.2f %%)", o.rows(),
                    o.converters(), nights.horizon, 100.0 * o.converters() / o.rows()));
            stdout.println(ConsoleText.wrap(FeaturesCommand.events(o.events()).replace("the as-of instant", "the last night"),
                    8));
            stdout.println(String.format(Locale.ROOT, "  %-20s %8s %7s %7s %9s %9s  %s", "event", "IV", "AUC", "alone",
                    "in fit", "points", "verdict"));
            for (RulesFit.Evidence e : o.evidence()) {
                stdout.println(String.format(Locale.ROOT, "  %-20s %8s %7s %7s %9s %9s  %s", e.type(), number(e.iv(), 3),
                        number(e.auc(), 3), number(e.alone(), 3), number(e.coefficient(), 3),
                        String.format(Locale.ROOT, "%.2f", e.cents() / 100.0), e.verdict()));
            }
            stdout.println(String.format(Locale.ROOT, "within noise: |z| below %.2f (Bonferroni, family-wise 5 %%)%s",
                    o.threshold(), o.penalised() ? "; something separated the outcomes, so the fits used an L2 penalty"
                    : ""));
            for (RulesFit.AgeBand a : o.ages()) {
                stdout.println(String.format(Locale.ROOT, "  %-20s %8s %7s %7s %9s %9s  %s", "age " + a.fromDays() + "-"
                        + a.toDays() + "d", "", "", "", number(a.coefficient(), 3), String.format(Locale.ROOT, "%.2f",
                        a.cents() / 100.0), a.cents() == 0 ? "no signal" : "condition"));
            }
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
