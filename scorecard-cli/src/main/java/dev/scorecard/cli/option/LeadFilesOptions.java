package dev.scorecard.cli.option;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The two inputs of the lead side's event commands: the leads file and the event log (a separate
 * mixin from {@link LeadInputOptions} because {@code rules}, which has subcommands, cannot require them).
 */
public final class LeadFilesOptions {
    /** The leads file. */
    @Option(names = "--leads", required = true, paramLabel = "FILE",
            description = "The leads CSV: lead_id, created_at[, channel, sub_channel, converted, converted_at, ...].")
    public Path leads;

    /** The event log. */
    @Option(names = "--events", required = true, paramLabel = "FILE",
            description = "The events CSV: lead_id, event, timestamp[, value, ...properties], in any order.")
    public Path events;

}
