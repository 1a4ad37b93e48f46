package dev.scorecard.cli.command;

import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.cli.option.RequiredOptions;
import dev.scorecard.cli.option.RowOptions;
import dev.scorecard.crm.activate.ActivateWorkflow;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.train.load.CsvDialect;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scorecard activate}: one night of the activation plans: who enters, which steps go out. */
@Command(name = "activate",
        mixinStandardHelpOptions = true,
        header = "Run one night of the activation plans and journeys.",
        description = "Run one night of the activation plans of a plans YAML (docs/activation.md): journeys under way"
            + " move on (responses tag or stop them, steps whose wait is over are sent or skipped, finished journeys"
            + " end and may enter another plan), then each plan, most important first, takes the free leads of its"
            + " audience within its limits, holding out a control group by a stable hash of (lead, plan). The state"
            + " (journeys, entries, grades, messages) is one embedded database file in --state: a night is decided"
            + " once; running it again resumes it and writes the same outputs. Writes DIR/entries.csv (every entry so"
            + " far, for activate report), DIR/activations.csv (tonight's steps), DIR/not-entered.csv,"
            + " DIR/journeys.csv, DIR/messages.jsonl and DIR/summary.csv; plans with a webhook post their messages"
            + " (docs/delivery.md) and DIR/delivery.csv and DIR/dead-letters.jsonl report it.",
        footer = {"", "Examples:",
            "  scorecard activate --plans plans.yaml --leads leads.csv \\",
            "      --scores out/blend/blended.csv --scores out/rules/scores.csv \\",
            "      --events events.csv --as-of 2026-12-01 --state state/activate \\",
            "      --out out/activate-1201",
            "", "Goals, treated against control: scorecard activate report --help.",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT},
        sortOptions = false,
        subcommands = {ActivateReportCommand.class})
public final class ActivateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--plans", paramLabel = "FILE.yaml",
            description = "The plans: audiences, priorities, control shares, limits, quiet hours, journeys. Required.")
    Path plans;

    @Option(names = "--leads", paramLabel = "FILE",
            description = "The leads file: lead_id, created_at[, converted_at, timezone, ...]. Required.")
    Path leads;

    @Option(names = "--scores", paramLabel = "FILE",
            description = "A scores file keyed by lead_id (blended.csv, a rules scores.csv, features.csv); repeat it."
                + " The first one's leads are the candidates; conditions read every file's columns. Required.")
    List<Path> scores = new ArrayList<>();

    @Option(names = "--events", paramLabel = "FILE",
            description = "The events file, for the journeys' responses. Required when the plans read responses.")
    Path events;

    @Option(names = "--dnd", paramLabel = "FILE",
            description = "Do-not-disturb list: lead_id[, until]; those leads are never contacted.")
    Path dnd;

    @Option(names = "--as-of", paramLabel = "TIME",
            description = "The night: 2026-12-01 (the start of that day), 2026-12-01T09:00 (in --timezone) or with an"
                + " offset. Required.")
    String asOf;

    @Option(names = "--state", paramLabel = "DIR",
            description = "The state folder (journeys and entries between nights). Required.")
    Path state;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (created when absent). Required.")
    Path out;

    @Option(names = "--timezone", paramLabel = "ZONE",
            description = "Zone of local times, days and quiet hours. Default: the plans' timezone, else UTC.")
    String timezone;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "The leads and events files' delimiter."
            + " Default: detected.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "The inputs' encoding when they have no byte order mark (default UTF-8).")
    String encoding;

    @Option(names = "--max-reject-share", paramLabel = "SHARE", defaultValue = "0.01",
            description = "Fail when more than this share of any file's rows is rejected (default ${DEFAULT-VALUE}).")
    double maxRejectShare;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        RequiredOptions.of(spec).need("--plans", plans).need("--leads", leads).need("--scores", scores)
                .need("--as-of", asOf).need("--state", state).need("--out", out).check();
        PathCollisions collisions = PathCollisions.of().input("--plans", plans).input("--leads", leads)
                .input("--events", events).input("--dnd", dnd);
        for (Path s : scores) {
            collisions.input("--scores", s);
        }
        collisions.folder("--out", out, List.of(ActivateWorkflow.ENTRIES_CSV, ActivateWorkflow.ACTIVATIONS_CSV,
                ActivateWorkflow.NOT_ENTERED_CSV, ActivateWorkflow.JOURNEYS_CSV, ActivateWorkflow.MESSAGES_JSONL,
                ActivateWorkflow.SUMMARY_CSV, ActivateWorkflow.DELIVERY_CSV, "dead-letters.jsonl")).check();
        ZoneId zone = ZoneOffset.UTC;
        if (timezone != null) {
            try {
                zone = ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw new ParameterException(spec.commandLine(), "--timezone: '" + timezone
                        + "' is not a time zone (e.g. Asia/Shanghai, Europe/Berlin, UTC, +08:00)");
            }
        }
        InputFormat format = new InputFormat(Optional.ofNullable(delimiter).map(RowOptions::parseDelimiter),
                encoding == null ? StandardCharsets.UTF_8 : RowOptions.parseEncoding(encoding), CsvDialect.DEFAULT, zone);
        ActivateWorkflow.Outcome o = ActivateWorkflow.run(new ActivateWorkflow.Request(plans, leads, scores,
                Optional.ofNullable(events), Optional.ofNullable(dnd), asOf, out, state, format, timezone != null,
                maxRejectShare));
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            if (o.resumed()) {
                stdout.println("this night was decided by an earlier run: its outputs are written again, nothing new"
                        + " is decided");
            }
            for (ActivateWorkflow.PlanOutcome p : o.plans()) {
                stdout.println(String.format(Locale.ROOT, "%s: audience %d%s = %d treated + %d control + %d already in +"
                        + " %d in another plan + %d not entered%s", p.plan(), p.audience(),
                        p.forced() > 0 ? " + " + p.forced() + " from journeys ending" : "", p.treated(), p.control(),
                        p.alreadyIn(), p.taken(), sum(p.notEntered()), reasons(p.notEntered())));
                stdout.println(String.format(Locale.ROOT, "  steps: %d sent, %d skipped%s; journeys ended: %d%s",
                        p.sent(), sum(p.skipped()), reasons(p.skipped()), sum(p.ended()), reasons(p.ended())));
            }
            if (o.delivery().pendingBefore() > 0) {
                stdout.println(String.format(Locale.ROOT, "webhooks: %d to deliver = %d sent + %d dead letters (%d retries)",
                        o.delivery().pendingBefore(), o.delivery().sent(), o.delivery().dead(), o.delivery().retries()));
            }
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }

    private static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String reasons(Map<String, Long> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> {
            if (v > 0) {
                b.append(b.length() == 0 ? " (" : ", ").append(k).append(' ').append(v);
            }
        });
        return b.length() == 0 ? "" : b.append(')').toString();
    }
}
