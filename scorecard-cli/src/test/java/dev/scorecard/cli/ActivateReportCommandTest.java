package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.cli.command.ActivateReportCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code scorecard activate report} as a user runs it. Until {@code activate} exists the command is
 * not registered in {@code ScorecardCommand}; it is run on its own here, with Main's mapping of
 * errors to one line and exit codes (2 for bad input or usage).
 */
class ActivateReportCommandTest {
    private static final String PLANS = """
            plans:
              - name: nurture
                goals:
                  - {name: trial-booked, event: trial_booked, within: 5d}
            """;

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ActivateReportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExitCodeExceptionMapper(Main::exitCode);
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("error: " + ex.getMessage());
            return Main.exitCode(ex);
        });
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private String[] args(String plans) throws IOException {
        Files.writeString(dir.resolve("plans.yaml"), plans);
        Files.writeString(dir.resolve("leads.csv"), """
                lead_id,created_at,converted,converted_at
                L1,2026-01-01T00:00:00Z,0,
                L2,2026-01-01T00:00:00Z,0,
                """);
        Files.writeString(dir.resolve("events.csv"), """
                lead_id,event,timestamp
                L1,trial_booked,2026-01-12T00:00:00Z
                L2,trial_booked,2026-01-20T00:00:00Z
                """);
        Files.writeString(dir.resolve("entries.csv"), """
                lead_id,plan,group,bucket,entered_at,grade,score100
                L1,nurture,treated,12,2026-01-10T00:00:00Z,A,55
                L2,nurture,control,3,2026-01-10T00:00:00Z,A,60
                """);
        return new String[] {"--entries", dir.resolve("entries.csv").toString(), "--plans",
            dir.resolve("plans.yaml").toString(), "--leads", dir.resolve("leads.csv").toString(), "--events",
            dir.resolve("events.csv").toString(), "--as-of", "2026-03-01", "--out", dir.resolve("out").toString()};
    }

    @Test
    void measuresThePlansAndPrintsTheSummaryAndTheWarning() throws IOException {
        Run r = run(args(PLANS));
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        // Lines wrap at 100 columns. L1 (treated) books on 01-12, within 5 days; L2 (control) on 01-20, too late: 1 of 1 against 0 of 1.
        // The temporary folder's name varies in length, so the list of files written may wrap anywhere.
        assertThat(r.out().replaceAll(",\n +", ", ")).isEqualTo("as of 2026-03-01T00:00:00Z: 2 entries read, 0 rejected\n"
                + "events: 2 read = 2 used + 0 after the as-of instant + 0 duplicates + 0 rejected (0 for leads not in\n"
                + "        the leads file)\n"
                + "nurture / trial-booked (trial_booked within 5d): treated 1 of 1 (100.00 %), control 0 of 1 (0.00 %):\n"
                + "    +100.00 points (95 % CI -12.21 to +100.00); pending 0 treated, 0 control\n"
                + "warning: nurture / trial-booked: only 1 control entry is decided, under --min-control 100: too few\n"
                + "         to tell\n"
                + "wrote " + dir.resolve("out/uplift.csv") + ", " + dir.resolve("out/uplift.html") + "\n");
        assertThat(dir.resolve("out/uplift.csv")).exists();
        assertThat(dir.resolve("out/uplift.html")).exists();
    }

    @Test
    void aMisspeltGoalKeyIsExitTwoWithItsLine() throws IOException {
        Run r = run(args(PLANS.replace("within: 5d", "withn: 5d")));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + dir.resolve("plans.yaml") + ", line 4: key 'plans[1].goals[1].withn':"
                + " unknown key; did you mean 'within'?; expected one of name, event, within\n");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("out/uplift.csv")).doesNotExist();
    }

    @Test
    void aMissingOptionOrABadValueIsExitTwo() throws IOException {
        String[] all = args(PLANS);
        assertThat(run(java.util.Arrays.copyOf(all, all.length - 2)).exitCode()).as("without --out").isEqualTo(2);
        List<String> bad = new ArrayList<>(List.of(all));
        bad.addAll(List.of("--min-effect", "1.5"));
        Run r = run(bad.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --min-effect: 1.5 is out of range; expected a share from 0 to below 1 (0.01"
                + " for one point)\n");
        List<String> asOf = new ArrayList<>(List.of(all));
        asOf.set(asOf.indexOf("--as-of") + 1, "soon");
        assertThat(run(asOf.toArray(String[]::new)).err()).isEqualTo("error: --as-of: 'soon' is not a time; write"
                + " 2026-11-30 (the start of that day), 2026-11-30T18:00 or 2026-11-30T18:00:00+08:00\n");
    }

    /** As OptionsDocumentedTest does for the registered commands: every option in --help and in the docs page. */
    @Test
    void everyOptionIsInTheHelpAndInDocsActivationReport() throws IOException {
        String docs = Files.readString(Path.of("../docs/activation-report.md"));
        String help = run("--help").out();
        List<String> missing = new ArrayList<>();
        for (OptionSpec o : new CommandLine(new ActivateReportCommand()).getCommandSpec().options()) {
            String option = o.longestName();
            if (option.equals("--help") || option.equals("--version")) {
                continue;
            }
            if (!help.contains(option)) {
                missing.add(option + " (--help)");
            }
            if (!docs.matches("(?s).*" + java.util.regex.Pattern.quote(option) + "(?![a-z-]).*")) {
                missing.add(option + " (docs/activation-report.md)");
            }
        }
        assertThat(missing).isEmpty();
    }
}
