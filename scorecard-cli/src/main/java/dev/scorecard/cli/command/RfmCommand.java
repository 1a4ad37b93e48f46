package dev.scorecard.cli.command;

import dev.scorecard.cli.option.CsvFileOptions;
import dev.scorecard.cli.option.NightOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.value.RfmWorkflow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard rfm}: recency, frequency and monetary value per customer, RFM segments and NES stages. */
@Command(name = "rfm",
        mixinStandardHelpOptions = true,
        header = "RFM scores, segments and NES stages of customers.",
        description = "Read the orders (customer_id, order_at, amount[, ...]) up to the as-of instant and write per"
            + " customer its recency (days since the last order), frequency (orders), monetary value (net of refunds,"
            + " which are negative amounts), their 1-5 scores (quintiles, or the --config thresholds), one of the"
            + " eight RFM segments (each of R, F, M high or low against the mean or median), and its NES stage (N, E0,"
            + " S1, S2, S3) measured in its own purchase cycle, with its due date (docs/rfm.md). Writes"
            + " DIR/customers.csv, DIR/segments.csv, DIR/stages.csv, with --previous DIR/migration.csv, and rejected"
            + " rows to DIR/orders-rejects.csv.",
        footer = {"", "Examples:",
            "  scorecard rfm --orders orders.csv --as-of 2026-12-01 --out out/rfm",
            "  scorecard rfm --orders orders.csv --as-of 2027-01-01 --config rfm.yaml \\",
            "      --previous out/rfm --out out/rfm-2027-01",
            "  scorecard rfm --orders orders.csv --as-of 2026-06-01 --horizon 90d \\",
            "      --out out/rfm-train",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT},
        sortOptions = false)
public final class RfmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--orders", required = true, paramLabel = "FILE",
            description = "The orders: customer_id, order_at, amount[, ...]; a negative amount is a refund.")
    Path orders;

    @Option(names = "--as-of", required = true, paramLabel = "TIME",
            description = "Count orders at or before TIME: 2026-12-01 (its start), 2026-12-01T18:00 (in --timezone)"
                + " or with an offset.")
    String asOf;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Option(names = "--config", paramLabel = "FILE.yaml",
            description = "Score thresholds, segments.against, segment labels and NES multipliers (docs/rfm.md).")
    Path config;

    @Option(names = "--against", paramLabel = "CENTRE",
            description = "Split R, F and M into high and low at their mean or median (over segments.against;"
                + " default mean).")
    String against;

    @Option(names = "--previous", paramLabel = "DIR_OR_FILE",
            description = "An earlier run's customers.csv (or its folder): writes migration.csv, from -> to.")
    Path previous;

    @Option(names = "--horizon", paramLabel = "DAYS",
            description = "Add the target bought_within_<DAYS>: 1 when the customer ordered again after --as-of,"
                + " within DAYS (e.g. 90d), for training a repurchase scorecard.")
    String horizon;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of times without an offset and of the dates written (default ${DEFAULT-VALUE}).")
    String timezone;

    @Mixin
    CsvFileOptions files;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PathCollisions.of().input("--orders", orders).input("--config", config).input("--previous", previous)
                .folder("--out", out, List.of(RfmWorkflow.CUSTOMERS_CSV, RfmWorkflow.SEGMENTS_CSV,
                        RfmWorkflow.STAGES_CSV, RfmWorkflow.MIGRATION_CSV, RfmWorkflow.REJECTS_CSV)).check();
        ZoneId zone = NightOptions.zone("--timezone", timezone);
        InputFormat format = files.format(zone);
        RfmWorkflow.Outcome o = RfmWorkflow.run(new RfmWorkflow.Request(orders, asOf, out, Optional.ofNullable(config),
                Optional.ofNullable(against), Optional.ofNullable(previous), format, files.maxRejectShare,
                horizon == null ? OptionalInt.empty() : OptionalInt.of(NightOptions.days("--horizon", horizon))));
        if (!output.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(String.format(Locale.ROOT, "rows: %d read = %d orders + %d refunds + %d after --as-of"
                    + " + %d rejected", o.rowsRead(), o.orders(), o.refunds(), o.afterAsOf(), o.rejected()));
            stdout.println(String.format(Locale.ROOT, "customers: %d = %d scored + %d without value", o.customers(),
                    o.scored(), o.customers() - o.scored()));
            stdout.println(String.format(Locale.ROOT, "  %-20s %9s %14s", "segment", "customers", "monetary"));
            for (RfmWorkflow.Group g : o.segments()) {
                stdout.println(String.format(Locale.ROOT, "  %-20s %9d %14.2f", g.name(), g.customers(),
                        g.cents() / 100.0));
            }
            StringBuilder stages = new StringBuilder(String.format(Locale.ROOT,
                    "nes (population cycle %.1f days):", o.populationCycleDays()));
            for (int i = 0; i < o.stages().size(); i++) {
                RfmWorkflow.Group g = o.stages().get(i);
                stages.append(i == 0 ? " " : ", ").append(g.name()).append(' ').append(g.customers());
            }
            stdout.println(ConsoleText.wrapList(stages.toString(), 2));
            o.boughtAgain().ifPresent(n -> stdout.println(String.format(Locale.ROOT, "target %s: %d of %d customers"
                    + " ordered again within %s", "bought_within_" + NightOptions.days("--horizon", horizon) + "d", n,
                    o.customers(), horizon)));
            if (o.horizonUnobserved()) {
                stdout.println(ConsoleText.wrap("warning: the orders end before --as-of + --horizon, so some targets"
                        + " of 0 may yet become 1; train on an earlier --as-of", 9));
            }
            o.migrated().ifPresent(m -> stdout.println("migration: " + m + " customers from --previous to now"));
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString)
                    .toList()), 6));
            stdout.flush();
        }
        return 0;
    }
}
