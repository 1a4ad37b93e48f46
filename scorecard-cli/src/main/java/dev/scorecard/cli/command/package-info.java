/** One class per subcommand: each parses, calls scorecard-train or -core, and renders; no algorithms here. */
package dev.scorecard.cli.command;
