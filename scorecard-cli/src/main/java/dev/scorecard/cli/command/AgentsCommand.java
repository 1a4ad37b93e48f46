package dev.scorecard.cli.command;

import dev.scorecard.cli.option.CsvFileOptions;
import dev.scorecard.cli.option.NightOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.crm.routing.AgentsWorkflow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard agents}: each agent's conversions against what its leads predict. */
@Command(name = "agents",
        mixinStandardHelpOptions = true,
        header = "Agents judged by conversions against their leads' odds.",
        description = "Read the outcomes (lead_id, agent_id, grade, assigned_at, converted[, contacted][, expected])"
            + " and compare each agent's conversions O with what its leads would have given an average agent, E"
            + " (the lead's expected probability, or its grade's rate over all agents): O/E with an interval, z, a"
            + " Bonferroni-adjusted p, and a verdict (above, below, within noise, too few leads), ranked; per grade"
            + " and per month; and a page with the funnel by agent (docs/agents.md). Writes DIR/agents.csv,"
            + " by-grade.csv, by-month.csv, summary.csv, agents.html and rejected rows to outcomes-rejects.csv.",
        footer = {"", "Examples:",
            "  scorecard agents --outcomes outcomes.csv --out out/agents",
            "  scorecard agents --outcomes outcomes.csv --agents agents.csv \\",
            "      --alpha 0.01 --timezone Asia/Shanghai --out out/agents",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT},
        sortOptions = false)
public final class AgentsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--outcomes", required = true, paramLabel = "FILE",
            description = "Lead outcomes: lead_id, agent_id, grade, assigned_at, converted[, contacted][, expected].")
    Path outcomes;

    @Option(names = "--agents", paramLabel = "FILE",
            description = "The agents file of allocate: lists agents without outcomes, rejects unknown ones.")
    Path agents;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Option(names = "--grades", split = ",", paramLabel = "GRADE", defaultValue = "A,B,C,D",
            description = "The grade names, best first (default ${DEFAULT-VALUE}).")
    List<String> grades;

    @Option(names = "--alpha", paramLabel = "RATE", defaultValue = "0.05",
            description = "Chance of calling any agent above or below by luck alone (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-expected", paramLabel = "N", defaultValue = "5",
            description = "Judge only agents whose leads expect at least N conversions (default ${DEFAULT-VALUE}).")
    double minExpected;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of times without an offset and of the months (default ${DEFAULT-VALUE}).")
    String timezone;

    @Mixin
    CsvFileOptions files;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PathCollisions.of().input("--outcomes", outcomes).input("--agents", agents)
                .folder("--out", out, List.of(AgentsWorkflow.AGENTS_CSV, AgentsWorkflow.BY_GRADE_CSV,
                        AgentsWorkflow.BY_MONTH_CSV, AgentsWorkflow.SUMMARY_CSV, AgentsWorkflow.AGENTS_HTML,
                        AgentsWorkflow.REJECTS_CSV)).check();
        ZoneId zone = NightOptions.zone("--timezone", timezone);
        AgentsWorkflow.Outcome o = AgentsWorkflow.run(new AgentsWorkflow.Request(outcomes, Optional.ofNullable(agents),
                out, grades, alpha, minExpected, files.format(zone), files.maxRejectShare));
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(String.format(Locale.ROOT, "rows: %d read = %d used + %d rejected", o.rowsRead(),
                    o.rowsUsed(), o.rowsRejected()));
            stdout.println(String.format(Locale.ROOT, "agents: %d; %d judged (Bonferroni at alpha %s, z* %.3f):"
                    + " %d above, %d below, %d within noise; %d with too few leads%s", o.agents().size(), o.judged(),
                    alpha, o.criticalZ(), o.count(AgentsWorkflow.ABOVE), o.count(AgentsWorkflow.BELOW),
                    o.count(AgentsWorkflow.WITHIN_NOISE), o.count(AgentsWorkflow.TOO_FEW),
                    o.count(AgentsWorkflow.NO_LEADS) == 0 ? "" : ", " + o.count(AgentsWorkflow.NO_LEADS)
                            + " without leads"));
            stdout.println(String.format(Locale.ROOT, "  %-4s %-12s %6s %5s %8s %6s  %s", "rank", "agent", "leads", "O",
                    "E", "O/E", "verdict"));
            for (AgentsWorkflow.AgentRow r : o.agents().subList(0, Math.min(10, o.agents().size()))) {
                stdout.println(String.format(Locale.ROOT, "  %-4d %-12s %6d %5d %8.2f %6s  %s", r.rank(), r.agent(),
                        r.leads(), r.observed(), r.expected(), Double.isNaN(r.ratio()) ? ""
                                : String.format(Locale.ROOT, "%.2f", r.ratio()), r.verdict()));
            }
            if (o.agents().size() > 10) {
                stdout.println("  ... " + (o.agents().size() - 10) + " more in agents.csv");
            }
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }
}
