package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 11, acceptance 2: a test fails when an option of any command is missing from the docs or from
 * its {@code --help}. The docs are {@code docs/*.md} and the README, where each option is written
 * as {@code --name} (in a usage block, a table or the text).
 */
class OptionsDocumentedTest {
    @Test
    void everyOptionOfEveryCommandIsInItsHelpAndTheDocs() throws IOException {
        StringBuilder docs = new StringBuilder(Files.readString(Path.of("../README.md")));
        try (Stream<Path> s = Files.list(Path.of("../docs"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                docs.append(Files.readString(p));
            }
        }
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> missing = new ArrayList<>();
        for (CommandLine c : root.getSubcommands().values()) {
            String name = c.getCommandName();
            if (name.equals("help") || name.equals("generate-completion")) {
                continue;
            }
            String help = CliRun.of(name, "--help").out();
            for (OptionSpec o : c.getCommandSpec().options()) {
                String option = o.longestName();
                if (option.equals("--help") || option.equals("--version")) {
                    continue;
                }
                if (!help.contains(option)) {
                    missing.add(name + " " + option + " (--help)");
                }
                if (!docs.toString().matches("(?s).*" + java.util.regex.Pattern.quote(option) + "(?![a-z-]).*")) {
                    missing.add(name + " " + option + " (docs)");
                }
            }
        }
        assertThat(missing).as("options missing from their help or from docs/ and the README").isEmpty();
    }
}
