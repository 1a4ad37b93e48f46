package dev.scorecard.cli.command;

import dev.scorecard.cli.option.LeadFilesOptions;
import dev.scorecard.cli.option.LeadInputOptions;
import dev.scorecard.cli.option.NightOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.crm.features.SnapshotsWorkflow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard snapshots}: leak-free training rows, features at day D and conversion within H days. */
@Command(name = "snapshots",
        mixinStandardHelpOptions = true,
        header = "Build leak-free training snapshots from an event log.",
        description = "Build training rows 'features as of day D -> converted within H days after D' for every D from"
            + " --from to --to in steps of --every: each row's features see only the events at or before the start of"
            + " its day D (in the zone), and leads that were not yet created or had already converted at D are left out"
            + " (and, with --max-lead-age, the leads older than that at D)."
            + " The snapshot_date column lets train split out of time (--time-column snapshot_date --oot-from DATE).",
        footer = {"", "Examples:",
            "  scorecard snapshots --leads leads.csv --events events.csv \\",
            "      --spec features.yaml --from 2026-01-05 --to 2026-10-26 --every 7d \\",
            "      --horizon 14d --out snapshots.csv",
            "  scorecard snapshots --leads leads.csv --events events.csv \\",
            "      --spec features.yaml --from 2025-03-03 --to 2026-11-09 --every 7d \\",
            "      --horizon 14d --max-lead-age 30d --out snapshots.csv",
            "  scorecard train --data snapshots.csv --target target \\",
            "      --id lead_id,snapshot_date --time-column snapshot_date \\",
            "      --oot-from 2026-09-01 --out out/lead-model",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT_OR_MODEL},
        sortOptions = false)
public final class SnapshotsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LeadFilesOptions files;

    @Mixin
    LeadInputOptions input;

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "The features spec (YAML).")
    Path specFile;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "The first snapshot date (yyyy-MM-dd).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "The last snapshot date (yyyy-MM-dd).")
    String to;

    @Option(names = "--every", paramLabel = "DAYS", defaultValue = "7d",
            description = "Days between snapshot dates, e.g. 7d (default ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--horizon", paramLabel = "DAYS", defaultValue = "14d",
            description = "The target: converted within this many days after the snapshot date (default ${DEFAULT-VALUE}).")
    String horizon;

    @Option(names = "--max-lead-age", paramLabel = "DAYS",
            description = "Keep in each date's snapshot only the leads at most this many days old (created on or after"
                + " day D minus DAYS, lead_age_days <= DAYS), the fresh leads sales works, e.g. 30d. Default: every lead.")
    String maxLeadAge;

    @Option(names = "--target-name", paramLabel = "COL", defaultValue = "target",
            description = "Name of the target column (default ${DEFAULT-VALUE}).")
    String targetName;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The snapshots CSV to write.")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        SnapshotsWorkflow.Request request = new SnapshotsWorkflow.Request(files.leads, files.events, specFile,
                date("--from", from), date("--to", to), days("--every", every), days("--horizon", horizon),
                maxLeadAge == null ? OptionalInt.empty() : OptionalInt.of(days("--max-lead-age", maxLeadAge)), targetName, out,
                input.format(), input.timezone != null, input.duplicatePolicy(), Optional.ofNullable(input.rejects),
                Optional.ofNullable(input.leadRejects), input.maxRejectShare);
        PathCollisions.of().input("--leads", files.leads).input("--events", files.events).input("--spec", specFile)
                .output("--out", out).check();
        SnapshotsWorkflow.Outcome o;
        try (Progress progress = Progress.start(output.quiet)) {
            progress.counter("Reading events", " lines");
            o = SnapshotsWorkflow.run(request, progress::step);
        }
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "%d snapshot dates from %s to %s: %d rows, %d with %s = 1 (%.2f %%)%n", o.dates().size(),
                    o.dates().get(0), o.dates().get(o.dates().size() - 1), o.rows(), o.events(), targetName,
                    o.rows() == 0 ? 0.0 : 100.0 * o.events() / o.rows());
            stdout.printf(Locale.ROOT, "leads: %d read = %d kept + %d rejected%s%n", o.leadsRead(),
                    o.leadsRead() - o.leadsRejected(), o.leadsRejected(), o.leadsWithoutTime() == 0 ? ""
                            : "; " + o.leadsWithoutTime() + " converted without converted_at are in no snapshot");
            if (maxLeadAge != null) {
                stdout.printf(Locale.ROOT, "--max-lead-age %s: %d rows of older leads left out%n", maxLeadAge, o.tooOld());
            }
            stdout.println(ConsoleText.wrap(FeaturesCommand.events(o.counts()).replace("the as-of instant",
                    "the last date"), 8));
            o.incompleteFrom().ifPresent(d -> stdout.println(ConsoleText.wrap("warning: from " + d + " on, the horizon reaches"
                    + " past the newest event or conversion in the data, so those targets may be incomplete", 9)));
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }

    private static LocalDate date(String option, String text) {
        return NightOptions.date(option, text);
    }

    private static int days(String option, String text) {
        return NightOptions.days(option, text);
    }
}
