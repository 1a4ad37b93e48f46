package dev.scorecard.cli.command;

import dev.scorecard.cli.option.LeadInputOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.cli.option.RequiredOptions;
import dev.scorecard.crm.rules.RulesWorkflow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard rules}: the rule score of every lead as of an instant. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        header = "Score leads 0-100 by point rules as of an instant.",
        description = "Score every lead as it stood at the as-of instant (inclusive; events after it are invisible and"
            + " counted) by a rules YAML: points per event type (or per property value) grouped into behaviour levels,"
            + " decaying by half-life or step windows, capped per type per day, per type, per level and in total, plus"
            + " conditions that add points, tags and an intent tier, on top of the channel score as the start value;"
            + " clamped to 0-100 with a 10-point score and a grade (docs/rules.md). Writes DIR/scores.csv, whose point"
            + " columns add up to score100, DIR/grades.csv, and with --explain DIR/explain.csv: every contribution to"
            + " the lead's score, summing to it exactly; with --previous DIR/movements.csv. Each lead also gets a"
            + " lifecycle stage (new, nurturing, sales-ready, following, won, repeat, dormant) by the rules' stage"
            + " rules. With --state DIR a nightly run reads only the lines appended to the events file since the"
            + " state's last night and gives exactly what a full read gives (docs/rules.md, Nightly runs).",
        footer = {"", "Examples:",
            "  scorecard rules --rules rules.yaml --leads leads.csv --events events.csv \\",
            "      --as-of 2026-11-30 --out out/rules",
            "  scorecard rules --rules rules.yaml --leads leads.csv --events events.csv \\",
            "      --channels out/channels/channels.csv --as-of 2026-11-30 \\",
            "      --explain L0000042 --out out/rules",
            "  scorecard rules --rules rules.yaml --leads leads.csv --events events.csv \\",
            "      --as-of 2026-12-01 --previous out/rules/scores.csv --out out/rules-1201",
            "  scorecard rules --rules rules.yaml --leads leads.csv --events events.csv \\",
            "      --as-of 2026-12-02 --state state/rules --out out/rules-1202",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT_OR_MODEL},
        sortOptions = false,
        subcommands = {RulesBacktestCommand.class, RulesFitCommand.class})
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "FILE", description = "The rules (YAML). Required.")
    Path rules;

    // Not required by picocli, which would then ask for them before 'rules backtest' too: checked in call().
    @Option(names = "--leads", paramLabel = "FILE",
            description = "The leads CSV: lead_id, created_at[, channel, sub_channel, converted, converted_at, ...]."
                + " Required.")
    Path leads;

    @Option(names = "--events", paramLabel = "FILE",
            description = "The events CSV: lead_id, event, timestamp[, value, ...properties], in any order. Required.")
    Path events;

    @Mixin
    LeadInputOptions input;

    @Option(names = "--channels", paramLabel = "FILE",
            description = "The channel table (channels.csv from scorecard channels): each lead starts at its channel's"
                + " score x 10 x the rules' channel weight. Default: every lead starts at 0.")
    Path channels;

    @Option(names = "--as-of", paramLabel = "TIME",
            description = "The as-of instant: 2026-11-30 (the start of that day), 2026-11-30T18:00 (in --timezone) or"
                + " 2026-11-30T18:00:00+08:00. Required.")
    String asOf;

    @Option(names = "--explain", paramLabel = "LEAD_ID",
            description = "Write every contribution to this lead's score to DIR/explain.csv (repeatable).")
    List<String> explain = new ArrayList<>();

    @Option(names = "--previous", paramLabel = "FILE",
            description = "The previous run's scores.csv: write DIR/movements.csv (leads from grade to grade) and count"
                + " the moves.")
    Path previous;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (created when absent). Required.")
    Path out;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Keep what the nights read in DIR (created when absent; one H2 file, locked while a run uses it)"
                + " and read only the lines appended to --events since the last night. The events file must grow by"
                + " appended lines (plain CSV, not .gz); when it cannot be trusted the night reads it all and says why.")
    Path state;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        RequiredOptions.of(spec).need("--rules", rules).need("--leads", leads).need("--events", events)
                .need("--as-of", asOf).need("--out", out).check();
        RulesWorkflow.Request request = new RulesWorkflow.Request(leads, events, rules,
                Optional.ofNullable(channels), asOf, out, input.format(), input.timezone != null, input.duplicatePolicy(),
                explain, Optional.ofNullable(previous), Optional.ofNullable(input.rejects),
                Optional.ofNullable(input.leadRejects), input.maxRejectShare, Optional.ofNullable(state));
        PathCollisions collisions = PathCollisions.of().input("--leads", leads).input("--events", events)
                .input("--rules", rules);
        if (channels != null) {
            collisions.input("--channels", channels);
        }
        if (previous != null) {
            collisions.input("--previous", previous);
        }
        collisions.output("--out", out.resolve(RulesWorkflow.SCORES_CSV)).output("--rejects", request.rejectsFile())
                .output("--lead-rejects", request.leadRejectsFile()).check();
        RulesWorkflow.Outcome o;
        try (Progress progress = Progress.start(output.quiet)) {
            progress.counter("Reading events", " lines");
            o = RulesWorkflow.run(request, progress::step);
        }
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("as of " + Instant.ofEpochMilli(o.asOf()).atZone(o.zone()).toOffsetDateTime() + " (" + o.zone()
                    + ")");
            stdout.println(String.format(Locale.ROOT, "leads: %d read = %d scored + %d created after the as-of instant + %d"
                    + " rejected", o.leadsRead(), o.scored(), o.leadsAfterAsOf(), o.leadsRejected()));
            stdout.println(ConsoleText.wrap(FeaturesCommand.events(o.events()), 8));
            o.state().ifPresent(s -> stdout.println(ConsoleText.wrap(s.full().map(why -> "state: read the whole log ("
                    + why + ")").orElse(String.format(Locale.ROOT, "state: read the %d line%s appended since the last night",
                            s.newLines(), s.newLines() == 1 ? "" : "s")), 8)));
            StringBuilder grades = new StringBuilder("grades:");
            for (int g = 0; g < o.grades().size(); g++) {
                grades.append(g == 0 ? " " : ", ").append(o.grades().get(g)).append(' ').append(o.gradeCounts()[g]);
            }
            stdout.println(grades);
            o.movements().ifPresent(m -> stdout.println(String.format(Locale.ROOT, "since the previous run: %d up a grade"
                    + " or more, %d down, %d the same, %d new", m[0], m[1], m[2], m[3])));
            if (o.withoutChannelScore() > 0) {
                stdout.println("note: " + o.withoutChannelScore() + " scored leads have a channel the table has no score"
                        + " (and no (unseen) row) for: they start at 0");
            }
            if (!o.unusedTypes().isEmpty()) {
                stdout.println(ConsoleText.wrapList("note: no line of the log has the event types " + String.join(", ",
                        o.unusedTypes()) + " that the rules score", 6));
            }
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }
}
