package dev.scorecard.cli.command;

import dev.scorecard.cli.option.CsvFileOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.routing.AllocateWorkflow;
import dev.scorecard.crm.routing.AllocationOptions;
import java.io.PrintWriter;
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

/** {@code scorecard allocate}: scored leads to agents, for the most expected conversions. */
@Command(name = "allocate",
        mixinStandardHelpOptions = true,
        header = "Assign leads to agents for the most expected conversions.",
        description = "Read the scored leads (lead_id, grade[, score100, skill, team, language, shift]), the agents"
            + " (agent_id, capacity[, team, skills, languages, shift]) and, with --history, past outcomes (agent_id,"
            + " grade, converted); estimate each agent's conversion rate per grade, shrunk toward its team's, and"
            + " assign the leads so that the expected conversions are the most they can be within the capacities,"
            + " the leads' requirements and a floor of top-grade leads per agent (--min-top-share), solved exactly"
            + " as a min-cost flow. The summary compares it with round robin and greedy best-first"
            + " (docs/allocation.md). --out DIR writes DIR/assignment.csv, unassigned.csv (every lead not assigned,"
            + " with its reason), agents.csv, summary.csv and the rejects files; --out FILE.csv writes the"
            + " assignment there and the others beside it (FILE.unassigned.csv, ...).",
        footer = {"", "Examples:",
            "  scorecard allocate --leads blended.csv --agents agents.csv \\",
            "      --history history.csv --out out/allocation",
            "  scorecard allocate --leads blended.csv --agents agents.csv \\",
            "      --history history.csv --min-top-share 0.05 --out assignment.csv",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT},
        sortOptions = false)
public final class AllocateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--leads", required = true, paramLabel = "FILE",
            description = "The scored leads: lead_id, grade[, score100, skill, team, language, shift], e.g."
                + " blended.csv;"
                + " score100 orders the leads within a grade.")
    Path leads;

    @Option(names = "--agents", required = true, paramLabel = "FILE",
            description = "The agents: agent_id, capacity[, team, skills, languages, shift] (lists separated by ;).")
    Path agents;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Past outcomes: agent_id, grade, converted (0/1); without it every rate is the same.")
    Path history;

    @Option(names = "--out", required = true, paramLabel = "DIR|FILE.csv",
            description = "Output folder, or the assignment file with the others beside it.")
    Path out;

    @Option(names = "--grades", split = ",", paramLabel = "GRADE", defaultValue = "A,B,C,D",
            description = "The grade names, best first; the first is the top grade (default ${DEFAULT-VALUE}).")
    List<String> grades;

    @Option(names = "--shrinkage", paramLabel = "K", defaultValue = "20",
            description = "Prior strength in leads of the team's rate in an agent's (default ${DEFAULT-VALUE}).")
    double shrinkage;

    @Option(names = "--min-top-share", paramLabel = "SHARE", defaultValue = "0",
            description = "Each agent gets at least this share of its capacity in top-grade leads, when there"
                + " are enough (default ${DEFAULT-VALUE}).")
    double minTopShare;

    @Mixin
    CsvFileOptions files;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        AllocationOptions options = new AllocationOptions(grades, shrinkage, minTopShare);
        InputFormat format = files.format(ZoneOffset.UTC);
        AllocateWorkflow.Request request = new AllocateWorkflow.Request(leads, agents, Optional.ofNullable(history),
                out, options, format, files.maxRejectShare);
        PathCollisions paths = PathCollisions.of().input("--leads", leads).input("--agents", agents)
                .input("--history", history);
        for (Path p : request.members()) {
            paths.writes("--out", out, p);
        }
        paths.check();
        AllocateWorkflow.Outcome o = AllocateWorkflow.run(request);
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(String.format(Locale.ROOT, "leads: %d read = %d assigned + %d unassigned + %d rejected",
                    o.leadsRead(), o.assigned(), o.unassigned(), o.leadsRejected()));
            if (o.unassigned() > 0) {
                stdout.println(String.format(Locale.ROOT, "  unassigned: %d with no eligible agent, %d with their"
                        + " eligible agents full", o.noEligibleAgent(), o.atCapacity()));
            }
            stdout.println(String.format(Locale.ROOT, "agents: %d, capacity %d%s", o.agents(), o.capacity(),
                    o.idleAgents() == 0 ? "" : String.format(Locale.ROOT, "; %d with capacity 0 take no leads",
                            o.idleAgents())));
            if (history != null) {
                stdout.println(String.format(Locale.ROOT, "history: %d rows read = %d used + %d rejected",
                        o.historyRead(), o.historyRead() - o.historyRejected(), o.historyRejected()));
            }
            if (o.floorRequired() > 0) {
                stdout.println(String.format(Locale.ROOT, "top-grade floor: %d of %d leads met", o.floorMet(),
                        o.floorRequired()));
            }
            stdout.println(String.format(Locale.ROOT, "expected conversions: %.2f assigned, %.2f greedy best-first,"
                    + " %.2f round robin", o.expected(), o.expectedGreedy(), o.expectedRoundRobin()));
            if (o.floorRequired() > 0) {
                // the baselines know no floor: compare them with the optimum without it
                stdout.println(String.format(Locale.ROOT, "  the floor costs %.2f (%.1f%%); without it %.2f,"
                        + " %+.1f%% over greedy best-first, %+.1f%% over round robin",
                        o.expectedWithoutFloor() - o.expected(), o.expectedWithoutFloor() > 0
                                ? 100 * (o.expectedWithoutFloor() - o.expected()) / o.expectedWithoutFloor() : 0,
                        o.expectedWithoutFloor(), gain(o.expectedWithoutFloor(), o.expectedGreedy()),
                        gain(o.expectedWithoutFloor(), o.expectedRoundRobin())));
            } else {
                stdout.println(String.format(Locale.ROOT, "  %+.1f%% over greedy best-first, %+.1f%% over round robin",
                        gain(o.expected(), o.expectedGreedy()), gain(o.expected(), o.expectedRoundRobin())));
            }
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }

    /** @return how much more the optimum expects than a baseline, in per cent of the baseline */
    private static double gain(double optimum, double baseline) {
        return baseline > 0 ? 100 * (optimum / baseline - 1) : 0;
    }
}
