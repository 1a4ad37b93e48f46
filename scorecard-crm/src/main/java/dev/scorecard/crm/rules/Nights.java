package dev.scorecard.crm.rules;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventCounts;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.EventTable;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.features.FeatureSpec;
import dev.scorecard.crm.features.RunInputs;
import dev.scorecard.train.io.OutputSet;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * What the replays of past nights ({@code rules backtest}, {@code rules fit}) read alike: the
 * nights, the leads with their outcomes, one or more rule sets compiled against them, and the log
 * read once up to the last night into memory, grouped by lead.
 */
final class Nights {
    final RunInputs in;
    final ZoneId zone;
    final List<LocalDate> dates;
    final LeadTable leads;
    final List<CompiledRules> compiled;
    final EventLog log;
    final EventTable table;
    final int[][] grouped;
    final EventCounts counts;
    /** The newest event or conversion in the data, epoch milliseconds: horizons past it are incomplete. */
    final long reach;

    /**
     * Checks a replay's nights as the requests take them.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or a step is under a day
     */
    static void check(LocalDate from, LocalDate to, int everyDays, int horizonDays) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        if (everyDays < 1 || horizonDays < 1) {
            throw new IllegalArgumentException("--every and --horizon are at least 1d");
        }
    }

    private Nights(RunInputs in, List<LocalDate> dates, LeadTable leads, List<CompiledRules> compiled, EventLog log,
            EventTable table, EventCounts counts) {
        this.in = in;
        this.zone = in.zone;
        this.dates = dates;
        this.leads = leads;
        this.compiled = compiled;
        this.log = log;
        this.table = table;
        this.grouped = table.byLead(leads.size());
        this.counts = counts;
        long r = counts.latest();
        for (int i = 0; i < leads.size(); i++) {
            if (leads.convertedAt(i) != LeadTable.NO_TIME) {
                r = Math.max(r, leads.convertedAt(i));
            }
        }
        this.reach = r;
    }

    /**
     * @param what the command, for messages ("a backtest")
     * @throws InputDataException when the leads have no outcomes, or for bad input
     */
    static Nights read(String what, List<RuleSpec> specs, List<String> properties, boolean hasChannels, Path leadsFile,
            Path events, LocalDate from, LocalDate to, int every, InputFormat format, boolean zoneGiven,
            Optional<DuplicatePolicy> duplicates, OutputSet set, Path rejects, Path leadRejects, LongConsumer progress) {
        RuleSpec first = specs.get(0);
        FeatureSpec features = specs.stream().flatMap(s -> s.features().stream()).findFirst().orElse(null);
        RunInputs in = new RunInputs(features, first.zone(), first.duplicates(), format, zoneGiven, duplicates, set,
                rejects, leadRejects);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(every)) {
            dates.add(d);
        }
        LeadTable leads = in.leads(leadsFile);
        if (!leads.hasOutcome()) {
            throw new InputDataException(leadsFile.toString(), 0, null, what + " needs the leads' outcomes: columns "
                    + LeadTable.CONVERTED + " and " + LeadTable.CONVERTED_AT);
        }
        List<CompiledRules> compiled = new ArrayList<>();
        for (RuleSpec s : specs) {
            compiled.add(CompiledRules.compile(s, leads, s.features().orElse(null), hasChannels, properties));
        }
        Set<String> known = new LinkedHashSet<>();
        boolean anyType = false;
        for (RuleSpec s : specs) {
            Optional<List<String>> t = s.eventTypes().or(() -> s.features().flatMap(FeatureSpec::eventTypes));
            if (t.isEmpty()) {
                anyType = true;
            } else {
                known.addAll(t.get());
            }
        }
        long last = dates.get(dates.size() - 1).atStartOfDay(in.zone).toInstant().toEpochMilli();
        EventLog log = in.open(events, leads, last, anyType ? Optional.empty() : Optional.of(known), properties);
        EventTable table = new EventTable(properties.size());
        EventCounts counts = log.read(table, in::eventRejects, progress);
        compiled.forEach(c -> c.bind(log));
        return new Nights(in, dates, leads, compiled, log, table, counts);
    }

    /** @return the start of the night's date in the zone, epoch milliseconds */
    long instant(LocalDate night) {
        return night.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /**
     * @return whether lead {@code i} is in the night's population: created by the instant and not
     *     converted by it (a lead converted at a time the file does not give is in no night)
     */
    boolean inNight(int i, long asOf) {
        long converted = leads.convertedAt(i);
        return leads.createdAt(i) <= asOf && (converted == LeadTable.NO_TIME ? leads.converted(i) != 1 : converted > asOf);
    }

    /** @return 1 when lead {@code i} converted after {@code asOf} and at or before {@code end} */
    byte target(int i, long end) {
        long converted = leads.convertedAt(i);
        return (byte) (converted != LeadTable.NO_TIME && converted <= end ? 1 : 0);
    }
}
