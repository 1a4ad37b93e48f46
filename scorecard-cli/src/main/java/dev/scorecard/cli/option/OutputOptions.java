package dev.scorecard.cli.option;

import picocli.CommandLine.Option;

/** How much a command says: {@code --quiet} and {@code --verbose}. */
public final class OutputOptions {
    /** No progress and no summary; errors only. */
    @Option(names = {"-q", "--quiet"}, description = "Print errors only: no progress bar, no summary.")
    public boolean quiet;

    /** Stack traces on errors. */
    @Option(names = "--verbose", description = "Print a stack trace with any error.")
    public boolean verbose;
}
