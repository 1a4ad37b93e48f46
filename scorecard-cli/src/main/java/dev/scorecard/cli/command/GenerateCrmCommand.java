package dev.scorecard.cli.command;

import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.crm.synth.CrmGenerator;
import dev.scorecard.crm.synth.CrmGeneratorOptions;
import dev.scorecard.crm.synth.GenerationSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard generate-crm}: a seeded synthetic CRM dataset with its hidden truth (docs/crm-data.md). */
@Command(name = "generate-crm",
        mixinStandardHelpOptions = true,
        header = "Generate synthetic CRM data with a known truth.",
        description = "Generate a seeded synthetic CRM dataset of an online-education company: leads from 34 channels "
            + "of very different sizes and quality, their events (with the exact duplicates, unknown leads, malformed "
            + "lines and late arrivals of a real export) and their orders, with the hidden truth in OUT/truth/: each "
            + "lead's intent and conversion probability, each channel's true rate, and the model's parameters and "
            + "defect counts. The same options give byte-identical files. Writes OUT/leads.csv, events.csv, "
            + "orders.csv and truth/leads.csv, channels.csv, model.json; the model is in docs/crm-data.md.",
        footer = {"", "Examples:",
            "  scorecard generate-crm --leads 2000 --seed 7 --out out/crm",
            "  scorecard generate-crm --leads 1000000 --events 20000000 --out /tmp/crm",
            "  scorecard generate-crm --start 2026-01-01 --end 2026-07-01 --out out/crm",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT},
        sortOptions = false)
public final class GenerateCrmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--leads", paramLabel = "N", defaultValue = "10000", description = "Leads (default ${DEFAULT-VALUE}).")
    int leads;

    @Option(names = "--events", paramLabel = "M", description = "Target of well-formed event lines, met within "
            + "about 1%% (default 20 per lead).")
    Long events;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2025-01-01",
            description = "First day leads are created on (default ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--end", paramLabel = "DATE", defaultValue = "2026-11-30",
            description = "Nothing happens on or after this day's midnight (+08:00) (default ${DEFAULT-VALUE}).")
    LocalDate end;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores); the files do not change.")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        CrmGeneratorOptions options;
        try {
            options = new CrmGeneratorOptions(leads, events != null ? events : 20L * leads, seed, start, end,
                    threads != null ? threads : 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
        GenerationSummary s;
        try (Progress progress = Progress.start(output.quiet)) {
            String[] phase = {""};
            s = new CrmGenerator(options).generate(out, (name, done, total) -> {
                if (!name.equals(phase[0])) {
                    phase[0] = name;
                    progress.phase(name.equals("leads") ? "Simulating" : "Writing events", total,
                            name.equals("leads") ? " leads" : " lines", 1);
                }
                progress.step(done);
            });
        }
        if (!output.quiet) {
            print(stdout, options, s);
        }
        stdout.flush();
        return 0;
    }

    private void print(PrintWriter stdout, CrmGeneratorOptions o, GenerationSummary s) {
        stdout.printf(Locale.ROOT, "generated %d leads, seed %d, %s to %s (+08:00)%n", s.leads(), o.seed(), o.start(),
                o.end());
        stdout.printf(Locale.ROOT, "channels: %d (%d sub-channels)%n", s.channels(), s.subChannels());
        stdout.printf(Locale.ROOT, "leads.csv: %d rows, %d converted (%.2f%%)%n", s.leads(), s.converted(),
                100 * s.conversionRate());
        GenerationSummary.Malformed m = s.malformed();
        stdout.printf(Locale.ROOT, "events.csv: %d lines, %d well-formed (target %d)%n", s.eventLines(), s.wellFormedEvents(),
                o.events());
        stdout.printf(Locale.ROOT, "  bad lines: %d exact duplicates, %d for unknown leads, %d malformed%n", s.duplicates(),
                s.unknownLeadEvents(), m.total());
        stdout.printf(Locale.ROOT, "  malformed: %d wrong field count, %d bad timestamp, %d bad value, %d empty event type%n",
                m.fieldCount(), m.timestamp(), m.value(), m.eventType());
        stdout.printf(Locale.ROOT, "orders.csv: %d rows%n", s.orders());
        stdout.println("truth (not for training): truth/leads.csv, truth/channels.csv, truth/model.json");
        stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", s.files().stream().map(Path::toString).toList()), 6));
    }
}
