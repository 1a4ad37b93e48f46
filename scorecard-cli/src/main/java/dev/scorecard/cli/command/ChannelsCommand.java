package dev.scorecard.cli.command;

import dev.scorecard.cli.option.NightOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.cli.option.RowOptions;
import dev.scorecard.crm.channels.ChannelOptions;
import dev.scorecard.crm.channels.ChannelRow;
import dev.scorecard.crm.channels.ChannelScores;
import dev.scorecard.crm.channels.ChannelsWorkflow;
import dev.scorecard.crm.channels.ScoreMapping;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.train.load.CsvDialect;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard channels}: the channel initial score from each channel's conversion history. */
@Command(name = "channels",
        mixinStandardHelpOptions = true,
        header = "Score channels 0-10 from their conversion history.",
        description = "Score each lead channel (and channel x sub-channel) 0-10 from its historical conversion: "
            + "rates shrunk toward the overall rate by a beta-binomial prior fitted by empirical Bayes (marginal "
            + "likelihood), with credible intervals, a flag for thin channels and an (unseen) row for new ones; "
            + "--overrides replaces any score. Writes OUT/channels.csv (read by the rule score), trend.csv and "
            + "channels.html (monthly volume and conversion per channel).",
        footer = {"", "Examples:",
            "  scorecard channels --leads leads.csv --out out/channels",
            "  scorecard channels --leads leads.csv --as-of 2026-11-30T23:59:59 \\",
            "      --timezone Asia/Shanghai --overrides experts.yaml --out out/channels",
            "  scorecard channels --leads leads.csv --mapping linear --anchors 0.01,0.2 \\",
            "      --out out/channels",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT},
        sortOptions = false)
public final class ChannelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--leads", required = true, paramLabel = "FILE",
            description = "The leads file (.csv or .csv.gz): lead_id, channel[, sub_channel], created_at, converted[, converted_at].")
    Path leads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Option(names = "--as-of", paramLabel = "TIME",
            description = "Count only leads created at or before TIME, and conversions known by then. Default: all.")
    String asOf;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of times without an offset and of calendar months (default ${DEFAULT-VALUE}).")
    String timezone;

    @Option(names = "--overrides", paramLabel = "FILE", description = "YAML table of expert scores that replace computed ones.")
    Path overrides;

    @Option(names = "--min-leads", paramLabel = "N", defaultValue = "30",
            description = "Flag channels with fewer leads as thin; a thin sub-channel takes its channel's score "
                + "(default ${DEFAULT-VALUE}).")
    int minLeads;

    @Option(names = "--mapping", paramLabel = "HOW", defaultValue = "rank",
            description = "rank (by the shrunk rate's rank among channels) or linear (between --anchors). Default ${DEFAULT-VALUE}.")
    String mapping;

    @Option(names = "--anchors", paramLabel = "LOW,HIGH", description = "For --mapping linear: the rates that score 0 and 10.")
    String anchors;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.90",
            description = "Credible interval level (default ${DEFAULT-VALUE}).")
    double level;

    @Mixin
    RowOptions rows;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> written = new ArrayList<>(List.of(ChannelsWorkflow.CHANNELS_CSV, ChannelsWorkflow.TREND_CSV,
                ChannelsWorkflow.CHANNELS_HTML));
        if (rows.rejects == null) {
            written.add(ChannelsWorkflow.REJECTS_CSV);
        }
        PathCollisions.of().input("--leads", leads).input("--overrides", overrides).folder("--out", out, written)
                .output("--rejects", rows.rejects).check();
        ZoneId zone = NightOptions.zone("--timezone", timezone);
        InputFormat format = new InputFormat(rows.delimiter(), rows.encoding(), rows.dialect.over(CsvDialect.DEFAULT), zone);
        ChannelOptions options = new ChannelOptions(minLeads, mapping(), level);
        ChannelsWorkflow.Request request = new ChannelsWorkflow.Request(leads, out, format, Optional.ofNullable(asOf),
                Optional.ofNullable(overrides), options, Optional.ofNullable(rows.rejects), rows.maxRejectShare);
        ChannelsWorkflow.Outcome o = ChannelsWorkflow.run(request);
        if (!output.quiet) {
            stdout.printf(Locale.ROOT, "%d rows: %d leads counted, %d created after --as-of, %d without an outcome, %d rejected%n",
                    o.rowsRead(), o.used(), o.createdLater(), o.withoutOutcome(), o.rejected());
            ChannelScores s = o.scores();
            stdout.println(s.pooled()
                    ? String.format(Locale.ROOT, "prior: pooled (the channels differ no more than chance explains), rate %.4f",
                            s.priorMean())
                    : String.format(Locale.ROOT, "prior: Beta(%.3f, %.3f), mean %.4f, worth %.1f leads",
                            s.priorMean() * s.priorConcentration(), (1 - s.priorMean()) * s.priorConcentration(),
                            s.priorMean(), s.priorConcentration()));
            stdout.printf(Locale.ROOT, "  %-24s %8s %7s %8s %8s  %-17s %5s  %s%n", "channel", "leads", "conv", "raw", "shrunk",
                    "interval", "score", "source");
            for (ChannelRow r : s.rows()) {
                String name = r.subChannel().isEmpty() ? r.channel() : "  " + r.subChannel();
                stdout.printf(Locale.ROOT, "  %-24s %8d %7d %8s %7.2f%%  %6.2f%% - %6.2f%% %5d  %s%s%n", name, r.leads(),
                        r.conversions(), Double.isNaN(r.rawRate()) ? "" : String.format(Locale.ROOT, "%.2f%%", 100 * r.rawRate()),
                        100 * r.shrunkRate(), 100 * r.lower(), 100 * r.upper(), r.score(), r.source().text(),
                        r.thin() && !r.channel().equals(ChannelScores.UNSEEN) ? " (thin)" : "");
            }
            o.rejectsFile().ifPresent(f -> stdout.println("rejected rows: " + f));
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString).toList()), 6));
        }
        stdout.flush();
        return 0;
    }

    private ScoreMapping mapping() {
        ScoreMapping.Kind kind;
        try {
            kind = ScoreMapping.Kind.fromConfig(mapping);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mapping: " + e.getMessage());
        }
        if (kind == ScoreMapping.Kind.RANK) {
            if (anchors != null) {
                throw new IllegalArgumentException("--anchors: only --mapping linear uses anchors");
            }
            return ScoreMapping.rank();
        }
        if (anchors == null) {
            throw new IllegalArgumentException("--mapping linear needs --anchors LOW,HIGH, the rates that score 0 and 10 "
                    + "(e.g. 0.01,0.2)");
        }
        String[] parts = anchors.split(",", -1);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return ScoreMapping.linear(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--anchors: '" + anchors + "' is not two rates LOW,HIGH (e.g. 0.01,0.2)");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--anchors: " + e.getMessage());
        }
    }
}
