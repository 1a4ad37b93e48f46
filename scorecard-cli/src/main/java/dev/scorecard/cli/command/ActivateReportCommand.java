package dev.scorecard.cli.command;

import dev.scorecard.cli.option.LeadFilesOptions;
import dev.scorecard.cli.option.LeadInputOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.crm.activate.UpliftRow;
import dev.scorecard.crm.activate.UpliftWorkflow;
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

/** {@code scorecard activate report}: what the activation plans changed, treated entries against the control. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        header = "Measure each plan's goals: treated entries against the held-out control, with 95 %% intervals.",
        description = "Reads the entries that scorecard activate wrote (--entries) and each plan's goals (--plans). An"
            + " entry reaches a goal when its lead has the goal's event (or, for event: converted, its converted_at)"
            + " after entered_at and at most 'within' later; an entry whose deadline is after --as-of is pending and"
            + " left out of the rates. Per plan and goal, over all entries and per grade at entry: the treated and"
            + " control rates, their difference with Newcombe's 95 %% hybrid score interval, the relative uplift, and a"
            + " warning when the control group is too small to tell. Writes DIR/uplift.csv and uplift.html.",
        footer = {"", "Examples:",
            "  scorecard activate report --entries out/activate/entries.csv --plans plans.yaml \\",
            "      --leads leads.csv --events events.csv --as-of 2026-12-01 --out out/uplift",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT},
        sortOptions = false)
public final class ActivateReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--entries", required = true, paramLabel = "FILE",
            description = "The entries CSV from scorecard activate: lead_id, plan, group, bucket, entered_at, grade,"
                + " score100.")
    Path entries;

    @Option(names = "--plans", required = true, paramLabel = "FILE",
            description = "The plans YAML; only each plan's name and goals are read here.")
    Path plans;

    @Mixin
    LeadFilesOptions files;

    @Option(names = "--as-of", required = true, paramLabel = "TIME",
            description = "Events after it are invisible; an entry whose deadline is after it is pending.")
    String asOf;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Mixin
    LeadInputOptions input;

    @Option(names = "--entry-rejects", paramLabel = "FILE",
            description = "Where rejected rows of the entries file go, with line and reason. Default:"
                + " DIR/entry-rejects.csv.")
    Path entryRejects;

    @Option(names = "--min-control", paramLabel = "N", defaultValue = "100",
            description = "Warn when fewer control entries than this are decided (default ${DEFAULT-VALUE}).")
    long minControl;

    @Option(names = "--min-effect", paramLabel = "SHARE", defaultValue = "0.01",
            description = "The smallest difference worth telling from none: warn when the 95 %% interval is wider than"
                + " it and than the difference on each side (default ${DEFAULT-VALUE}, one point).")
    double minEffect;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        UpliftWorkflow.Request request = new UpliftWorkflow.Request(entries, plans, files.leads, files.events, asOf, out,
                input.format(), input.duplicatePolicy(), Optional.ofNullable(input.rejects),
                Optional.ofNullable(input.leadRejects), Optional.ofNullable(entryRejects), input.maxRejectShare,
                minControl, minEffect);
        PathCollisions.of().input("--entries", entries).input("--plans", plans).input("--leads", files.leads)
                .input("--events", files.events).output("--out", out.resolve(UpliftWorkflow.UPLIFT_CSV)).check();
        UpliftWorkflow.Outcome o;
        try (Progress progress = Progress.start(output.quiet)) {
            progress.counter("Reading events", " lines");
            o = UpliftWorkflow.run(request, progress::step);
        }
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("as of " + Instant.ofEpochMilli(o.asOf()) + ": " + o.entriesRead() + " entries read, "
                    + o.entriesRejected() + " rejected");
            stdout.println(ConsoleText.wrap(FeaturesCommand.events(o.events()), 8));
            for (UpliftRow r : o.overall()) {
                stdout.println(ConsoleText.wrap(line(r), 4));
            }
            for (UpliftRow r : o.overall()) {
                r.warning().ifPresent(w -> stdout.println(ConsoleText.wrap("warning: " + r.plan() + " / " + r.goal() + ": "
                        + w, 9)));
            }
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }

    private static String line(UpliftRow r) {
        String head = r.plan() + " / " + r.goal() + " (" + r.event() + " within " + r.within() + "): treated "
                + rate(r.treatedSuccesses(), r.treatedN()) + ", control " + rate(r.controlSuccesses(), r.controlN());
        String difference = Double.isNaN(r.difference()) ? "no difference yet" : String.format(Locale.ROOT,
                "%+.2f points (95 %% CI %+.2f to %+.2f)", 100 * r.difference(), 100 * r.lower(), 100 * r.upper());
        String relative = Double.isNaN(r.relativeUplift()) ? "" : String.format(Locale.ROOT, ", relative %+.1f %%",
                100 * r.relativeUplift());
        return head + ": " + difference + relative + "; pending " + r.treatedPending() + " treated, " + r.controlPending()
                + " control";
    }

    private static String rate(long x, long n) {
        return n == 0 ? "0 of 0" : String.format(Locale.ROOT, "%d of %d (%.2f %%)", x, n, 100.0 * x / n);
    }
}
