package dev.scorecard.cli.command;

import dev.scorecard.cli.option.LeadFilesOptions;
import dev.scorecard.cli.option.LeadInputOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.crm.events.EventCounts;
import dev.scorecard.crm.features.FeaturesWorkflow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard features}: point-in-time lead features from an event log. */
@Command(name = "features",
        mixinStandardHelpOptions = true,
        header = "Compute lead features as of an instant from an event log.",
        description = "Compute one row per lead as it stood at the as-of instant (inclusive; events after it are invisible"
            + " and counted), from the leads file, an event log in any order and a YAML spec of features: counts, sums,"
            + " means and maxima in calendar-day windows, recency, days since creation, active days, distinct and top"
            + " property values, ratios and lead attributes (docs/features.md). Leads created after the as-of instant get"
            + " no row. The output feeds bin and train directly.",
        footer = {"", "Examples:",
            "  scorecard features --leads leads.csv --events events.csv \\",
            "      --spec features.yaml --as-of 2026-11-30 --out features.csv",
            "  scorecard features --leads leads.csv --events events.csv.gz \\",
            "      --spec features.yaml --as-of 2026-11-30T00:00 --timezone Asia/Shanghai \\",
            "      --out features.csv",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT_OR_MODEL},
        sortOptions = false)
public final class FeaturesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LeadFilesOptions files;

    @Mixin
    LeadInputOptions input;

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "The features spec (YAML).")
    Path specFile;

    @Option(names = "--as-of", required = true, paramLabel = "TIME",
            description = "The as-of instant: 2026-11-30 (the start of that day), 2026-11-30T18:00 (in --timezone) or"
                + " 2026-11-30T18:00:00+08:00.")
    String asOf;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The features CSV to write.")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        FeaturesWorkflow.Request request = new FeaturesWorkflow.Request(files.leads, files.events, specFile, asOf, out,
                input.format(), input.timezone != null, input.duplicatePolicy(), Optional.ofNullable(input.rejects),
                Optional.ofNullable(input.leadRejects), input.maxRejectShare);
        PathCollisions.of().input("--leads", files.leads).input("--events", files.events).input("--spec", specFile)
                .output("--out", out).output("--rejects", request.rejectsFile())
                .output("--lead-rejects", request.leadRejectsFile()).check();
        FeaturesWorkflow.Outcome o;
        try (Progress progress = Progress.start(output.quiet)) {
            progress.counter("Reading events", " lines");
            o = FeaturesWorkflow.run(request, progress::step);
        }
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("as of " + Instant.ofEpochMilli(o.asOf()).atZone(o.zone()).toOffsetDateTime() + " (" + o.zone()
                    + ")");
            stdout.println(leads(o.leadsRead(), o.rows(), o.leadsAfterAsOf(), o.leadsRejected()));
            stdout.println(ConsoleText.wrap(events(o.events()), 8));
            if (!o.unreadTypes().isEmpty()) {
                stdout.println(ConsoleText.wrapList("note: no feature reads the event types " + String.join(", ",
                        o.unreadTypes()), 6));
            }
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }

    static String leads(long read, long rows, long after, long rejected) {
        return String.format(Locale.ROOT, "leads: %d read = %d rows + %d created after the as-of instant + %d rejected",
                read, rows, after, rejected);
    }

    static String events(EventCounts c) {
        return String.format(Locale.ROOT, "events: %d read = %d used + %d after the as-of instant + %d duplicates + %d"
                + " rejected (%d for leads not in the leads file)", c.read(), c.used(), c.afterAsOf(), c.duplicates(),
                c.rejected(), c.unknownLeads());
    }
}
