package dev.scorecard.cli;

import dev.scorecard.cli.command.ActivateCommand;
import dev.scorecard.cli.command.AgentsCommand;
import dev.scorecard.cli.command.AllocateCommand;
import dev.scorecard.cli.command.BinCommand;
import dev.scorecard.cli.command.BlendCommand;
import dev.scorecard.cli.command.ChannelsCommand;
import dev.scorecard.cli.command.DemoCommand;
import dev.scorecard.cli.command.EvaluateCommand;
import dev.scorecard.cli.command.ExitCodes;
import dev.scorecard.cli.command.ExportCommand;
import dev.scorecard.cli.command.FeaturesCommand;
import dev.scorecard.cli.command.GenerateCrmCommand;
import dev.scorecard.cli.command.InspectCommand;
import dev.scorecard.cli.command.MonitorCommand;
import dev.scorecard.cli.command.RfmCommand;
import dev.scorecard.cli.command.RulesCommand;
import dev.scorecard.cli.command.ScoreCommand;
import dev.scorecard.cli.command.SnapshotsCommand;
import dev.scorecard.cli.command.TrainCommand;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;

/** The top-level {@code scorecard} command: lists the subcommands. */
@Command(name = "scorecard",
        mixinStandardHelpOptions = true,
        versionProvider = ScorecardCommand.Version.class,
        description = "Points-based scorecards: bin, train, evaluate, score and monitor.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {DemoCommand.class, BinCommand.class, TrainCommand.class, EvaluateCommand.class, ScoreCommand.class,
            MonitorCommand.class, ExportCommand.class, InspectCommand.class, GenerateCrmCommand.class,
            FeaturesCommand.class, SnapshotsCommand.class, ChannelsCommand.class, RulesCommand.class, BlendCommand.class,
            ActivateCommand.class, RfmCommand.class, AllocateCommand.class, AgentsCommand.class,
            HelpCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"", "Run 'scorecard help COMMAND' for a command's options.",
            "Shell completion (bash, zsh): source <(scorecard generate-completion)",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT_OR_MODEL,
            "  3 a drift alert (monitor)", "  4 a go-live gate failed (train, evaluate)"})
public final class ScorecardCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Bare {@code scorecard} is a usage error: the list of commands, on standard error, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.BAD_INPUT;
    }

    /** @return the version from the jar manifest, "dev" when run from classes */
    public static String version() {
        String v = ScorecardCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Reads the version, the commit and the build date from the jar manifest ("dev" when run from
     * classes), e.g. {@code scorecard 0.1.0 (commit 37d7f81a2b3c, built 2026-12-02T18:50:01Z)}.
     */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String line = "scorecard " + version();
            Optional<java.util.jar.Manifest> m = manifest();
            if (m.isPresent()) {
                Attributes a = m.get().getMainAttributes();
                String commit = a.getValue("Scorecard-Commit");
                String date = a.getValue("Scorecard-Build-Date");
                if (commit != null && date != null) {
                    line += " (commit " + commit + ", built " + date + ")";
                }
            }
            return new String[] {line};
        }

        private static Optional<java.util.jar.Manifest> manifest() {
            CodeSource source = ScorecardCommand.class.getProtectionDomain().getCodeSource();
            if (source == null || !source.getLocation().getPath().endsWith(".jar")) {
                return Optional.empty();
            }
            try (JarFile jar = new JarFile(new File(source.getLocation().toURI()))) {
                return Optional.ofNullable(jar.getManifest());
            } catch (IOException | URISyntaxException e) {
                return Optional.empty(); // the version alone is still right
            }
        }
    }
}
