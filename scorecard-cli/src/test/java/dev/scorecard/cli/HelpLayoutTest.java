package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 11, "Help and errors": the command list has one-line summaries that end, examples can be
 * pasted (a long one goes on with {@code \} lines, so nothing wraps it mid-option), and help uses the
 * terminal's width, checked in a pseudo-terminal.
 */
class HelpLayoutTest {
    private static final int WIDTH = 80;

    private static List<CommandLine> commands() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandLine> all = new ArrayList<>(root.getSubcommands().values());
        all.removeIf(c -> c.getCommandName().equals("help") || c.getCommandName().equals("generate-completion"));
        return all;
    }

    @Test
    void theCommandListHasOneLineSummariesThatEnd() {
        String list = CliRun.of("--help").out();
        for (CommandLine c : commands()) {
            String[] header = c.getCommandSpec().usageMessage().header();
            assertThat(header).as(c.getCommandName()).hasSize(1);
            assertThat(header[0]).as(c.getCommandName()).endsWith(".");
            String line = list.lines().filter(l -> l.startsWith("  " + c.getCommandName() + " ")).findFirst().orElseThrow();
            assertThat(line).as("the list's line of %s", c.getCommandName()).endsWith(header[0]).hasSizeLessThanOrEqualTo(WIDTH);
        }
    }

    @Test
    void examplesFitEightyColumnsAndContinueWithBackslashes() {
        for (CommandLine c : commands()) {
            String[] footer = c.getCommandSpec().usageMessage().footer();
            boolean continued = false;
            int examples = 0;
            for (String line : footer) {
                // An example starts with the command, or pipes into it (zcat … | scorecard …).
                boolean example = line.startsWith("  ") && line.contains("scorecard ") && !line.startsWith("      ");
                if (example || continued) {
                    assertThat(line.length()).as("%s example line '%s'", c.getCommandName(), line).isLessThanOrEqualTo(WIDTH);
                    examples += example ? 1 : 0;
                }
                if (continued) {
                    assertThat(line).as("a continuation is indented").startsWith("      ");
                }
                continued = (example || continued) && line.endsWith(" \\");
            }
            assertThat(examples).as("%s has examples", c.getCommandName()).isPositive();
            assertThat(continued).as("%s: the last example line does not end with \\", c.getCommandName()).isFalse();
            String help = CliRun.of(c.getCommandName(), "--help").out();
            assertThat(help.lines()).as("%s --help", c.getCommandName()).allMatch(l -> l.length() <= WIDTH);
        }
    }

    /**
     * Every footer line fits 78 columns and breaks where the text does: rendered 80 columns wide, the
     * help ends with the footer's lines exactly as written, none wrapped by picocli (the score, monitor
     * and train footers were cut mid-sentence at 80). The last block is the exit codes, one a line,
     * in increasing order.
     */
    @Test
    void footersAreNeverWrappedAndEndWithTheExitCodes() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandLine> all = new ArrayList<>(List.of(root));
        all.addAll(root.getSubcommands().values());
        for (CommandLine c : all) {
            String name = c.getCommandSpec().qualifiedName();
            List<String> footer = List.of(c.getCommandSpec().usageMessage().footer());
            assertThat(footer).as(name).allSatisfy(l -> assertThat(l.length()).as("%s footer line '%s'", name, l)
                    .isLessThanOrEqualTo(78));
            c.setUsageHelpAutoWidth(false);
            c.setUsageHelpWidth(WIDTH);
            List<String> help = c.getUsageMessage(CommandLine.Help.Ansi.OFF).lines().toList();
            assertThat(help.subList(Math.max(0, help.size() - footer.size()), help.size())).as("%s --help ends with its footer"
                    + " as written", name).containsExactlyElementsOf(footer);
            int heading = footer.lastIndexOf("Exit codes:");
            assertThat(heading).as("%s has an exit-code block", name).isPositive();
            List<String> codes = footer.subList(heading + 1, footer.size());
            assertThat(codes).as(name).isNotEmpty().allMatch(l -> l.matches("  [0-4] .+"));
            assertThat(codes.stream().map(l -> l.charAt(2)).toList()).as("%s codes in increasing order", name).isSorted()
                    .doesNotHaveDuplicates().startsWith('0', '1', '2');
        }
    }

    /**
     * A failed gate stands out on a terminal, in bold red, and only there: through a pipe (as in every
     * in-process test) the message is plain text.
     */
    @Test
    void aFailedGateIsRedOnATerminalOnly() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("gates");
        Path cfg = java.nio.file.Files.writeString(dir.resolve("g.yaml"), "gates: {minAuc: 0.99}\n");
        String[] args = {"train", "--data", TrainCommandTest.GERMAN, "--target", "creditability", "--config", cfg.toString(),
            "--out", dir.resolve("m").toString(), "-q"};
        CliRun piped = CliRun.of(args);
        assertThat(piped.exitCode()).isEqualTo(4);
        assertThat(piped.err()).startsWith("1 of 1 go-live gates failed on the test rows:").doesNotContain("\u001B[")
                .contains("FAIL");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder("'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + Main.class.getName());
        for (String a : args) {
            command.append(" '").append(a).append("'");
        }
        Process p = new ProcessBuilder("script", "-qec", command.toString(), "/dev/null").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(4);
        assertThat(out).contains("\u001B[1;31m1 of 1 go-live gates failed on the test rows:\u001B[0m")
                .contains("\u001B[1;31mFAIL\u001B[0m");
    }

    /**
     * Progress shows on a terminal only: bars for loading (in KB for a small file) and binning, a running
     * count for scoring, whose total is unknown until the file ends (it showed 0/9223372036854775807).
     */
    @Test
    void progressShowsOnATerminalOnly() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("progress");
        String model = dir.resolve("m").toString();
        String[] train = {"train", "--data", TrainCommandTest.GERMAN, "--target", "creditability", "--out", model};
        CliRun piped = CliRun.of(train);
        assertThat(piped.exitCode()).as(piped.err()).isZero();
        assertThat(piped.out() + piped.err()).doesNotContain("Loading", "Binning", "\r");

        String trained = underTerminal("train", "--data", TrainCommandTest.GERMAN, "--target", "creditability", "--out",
                dir.resolve("t").toString());
        assertThat(trained).contains("Loading", " KB ", "Binning", "%");
        String evaluated = underTerminal("evaluate", "--model", model + "/model.json", "--data", TrainCommandTest.GERMAN,
                "--out", dir.resolve("e").toString());
        assertThat(evaluated).contains("Scoring", " rows").doesNotContain(Long.toString(Long.MAX_VALUE));
    }

    /** @return what the command writes to a pseudo-terminal (stdout and stderr), after checking it exits 0 */
    private static String underTerminal(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder("'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + Main.class.getName());
        for (String a : args) {
            command.append(" '").append(a).append("'");
        }
        Process p = new ProcessBuilder("script", "-qec", command.toString(), "/dev/null").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** Under a 140-column pseudo-terminal the help is wider than 80 columns, and no wider than 140. */
    @Test
    void helpUsesTheTerminalWidth() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "stty cols 140; '" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + Main.class.getName() + " train --help";
        Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        // Colour codes are not columns: on a terminal picocli colours the options.
        int widest = out.replaceAll("\u001B\\[[0-9;]*m", "").replace("\r", "").lines().mapToInt(String::length).max()
                .orElse(0);
        assertThat(out).contains("\u001B[");
        assertThat(widest).isGreaterThan(WIDTH).isLessThanOrEqualTo(140);
    }
}
