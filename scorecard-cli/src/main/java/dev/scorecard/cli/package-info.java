/**
 * The {@code scorecard} command: {@link dev.scorecard.cli.Main} wires picocli, maps exceptions to
 * exit codes (0 ok, 1 internal error, 2 usage or bad input, 3 drift alert, 4 gate failed) and is the
 * only class that calls {@code System.exit}.
 */
package dev.scorecard.cli;
