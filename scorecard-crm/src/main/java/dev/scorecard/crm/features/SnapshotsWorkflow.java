package dev.scorecard.crm.features;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventCounts;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.EventTable;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.train.io.CsvByteWriter;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.pipeline.RejectsCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongConsumer;

/**
 * {@code scorecard snapshots}: training rows "features as of day D → converted within H days after
 * D" for a series of as-of dates, leak-free by construction: each date's features are computed from
 * the events at or before its as-of instant (the start of day D in the zone) and nothing else, and
 * its target from the leads' conversion times. A lead is in D's snapshot when it was created at or
 * before D's instant and had not converted by then; its target is 1 when it converted after the
 * instant and at or before the instant H days later (calendar days in the zone). With a maximum lead
 * age of N days, only the leads created at or after the start of day D − N are in D's snapshot (the
 * fresh leads a sales team works; their {@code daysSinceCreated} is at most N). Leads converted with
 * no {@code converted_at} cannot be placed in time and are left out (counted).
 *
 * <p>The events are read once, into memory ({@link EventTable}, about 24 bytes each), and replayed
 * for every date; the features file and both rejects files are one output set.
 */
public final class SnapshotsWorkflow {
    /** The column holding each row's snapshot date. */
    public static final String DATE = "snapshot_date";

    private SnapshotsWorkflow() {
    }

    /**
     * @param leads the leads file, with {@code converted} and {@code converted_at}
     * @param events the event log
     * @param spec the features spec
     * @param from the first snapshot date
     * @param to the last snapshot date (inclusive, when the steps reach it)
     * @param everyDays days between snapshot dates
     * @param horizonDays the target's horizon in days
     * @param maxLeadAgeDays when present, a date's snapshot holds only the leads created at or after the
     *     start of the day this many days before it
     * @param target the target column's name
     * @param out the snapshots CSV
     * @param format how the files are read (see {@link FeaturesWorkflow.Request})
     * @param zoneGiven true when the zone was given on the command line
     * @param duplicates the duplicate policy, when given on the command line
     * @param rejects where rejected event lines go (default {@code <out>.rejects.csv})
     * @param leadRejects where rejected lead rows go (default {@code <out>.lead-rejects.csv})
     * @param maxRejectShare the share of rejected rows in either file over which the run fails
     */
    public record Request(Path leads, Path events, Path spec, LocalDate from, LocalDate to, int everyDays, int horizonDays,
            OptionalInt maxLeadAgeDays, String target, Path out, InputFormat format, boolean zoneGiven,
            Optional<DuplicatePolicy> duplicates, Optional<Path> rejects, Optional<Path> leadRejects, double maxRejectShare) {
        /** Checks. */
        public Request {
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(target, "target");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("--to: " + to + " is before --from " + from);
            }
            if (everyDays < 1 || everyDays > 3660) {
                throw new IllegalArgumentException("--every: " + everyDays + " days is out of range; expected 1d to 3660d");
            }
            if (horizonDays < 1 || horizonDays > 3660) {
                throw new IllegalArgumentException("--horizon: " + horizonDays
                        + " days is out of range; expected 1d to 3660d");
            }
            Objects.requireNonNull(maxLeadAgeDays, "maxLeadAgeDays");
            if (maxLeadAgeDays.isPresent() && (maxLeadAgeDays.getAsInt() < 1 || maxLeadAgeDays.getAsInt() > 3660)) {
                throw new IllegalArgumentException("--max-lead-age: " + maxLeadAgeDays.getAsInt()
                        + " days is out of range; expected 1d to 3660d");
            }
            if (target.isBlank()) {
                throw new IllegalArgumentException("--target-name: the target column needs a name");
            }
            RejectsCheck.requireShare(maxRejectShare);
        }

        Path rejectsFile() {
            return rejects.orElse(out.resolveSibling(out.getFileName() + ".rejects.csv"));
        }

        Path leadRejectsFile() {
            return leadRejects.orElse(out.resolveSibling(out.getFileName() + ".lead-rejects.csv"));
        }
    }

    /**
     * @param dates the snapshot dates
     * @param leadsRead data rows of the leads file
     * @param leadsRejected of those, rejected
     * @param leadsWithoutTime leads converted with no {@code converted_at}, left out of every snapshot
     * @param tooOld lead-dates left out because the lead was older than the maximum lead age (0
     *     without one)
     * @param rows rows written, over all dates
     * @param events rows with target 1
     * @param counts what the pass over the log found (as of the last date)
     * @param incompleteFrom the first date whose horizon reaches past the newest event or
     *     conversion in the data, when there is one: its targets may be incomplete
     * @param written the files written
     */
    public record Outcome(List<LocalDate> dates, long leadsRead, long leadsRejected, long leadsWithoutTime, long tooOld,
            long rows, long events, EventCounts counts, Optional<LocalDate> incompleteFrom, List<Path> written) {
        /** Copies. */
        public Outcome {
            dates = List.copyOf(dates);
            written = List.copyOf(written);
        }
    }

    /**
     * @param request what to build
     * @param progress gets the event lines read, then the dates done
     * @return the counts and the files written
     * @throws InputDataException for bad input
     */
    public static Outcome run(Request request, LongConsumer progress) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = request.from(); !d.isAfter(request.to()); d = d.plusDays(request.everyDays())) {
            dates.add(d);
        }
        Path rejectsFile = request.rejectsFile();
        Path leadRejectsFile = request.leadRejectsFile();
        try (OutputSet set = OutputSet.of(List.of(request.out(), rejectsFile, leadRejectsFile))) {
            RunInputs in = new RunInputs(request.spec(), request.format(), request.zoneGiven(), request.duplicates(), set,
                    rejectsFile, leadRejectsFile);
            FeatureSpec spec = in.spec;
            ZoneId zone = in.zone;
            long lastInstant = start(dates.get(dates.size() - 1), zone);
            LeadTable leads = in.leads(request.leads());
            if (!leads.hasOutcome() || !leads.header().contains(LeadTable.CONVERTED_AT)) {
                throw new InputDataException(request.leads().toString(), 0, null, "snapshots need the columns "
                        + LeadTable.CONVERTED + " and " + LeadTable.CONVERTED_AT + " for their target (its header: "
                        + String.join(", ", leads.header()) + ")");
            }
            EventLog log = in.open(request.events(), leads, lastInstant);
            EventTable table = new EventTable(spec.properties().size());
            EventCounts counts = log.read(table, in::eventRejects, progress);
            long newest = counts.latest();
            long withoutTime = 0;
            for (int i = 0; i < leads.size(); i++) {
                if (leads.converted(i) == 1) {
                    if (leads.convertedAt(i) == LeadTable.NO_TIME) {
                        withoutTime++;
                    } else {
                        newest = Math.max(newest, leads.convertedAt(i));
                    }
                }
            }
            long[] totals = new long[3];
            Optional<LocalDate> incomplete = Optional.empty();
            for (LocalDate d : dates) {
                if (incomplete.isEmpty() && start(d.plusDays(request.horizonDays()), zone) > newest) {
                    incomplete = Optional.of(d);
                }
            }
            set.write(request.out(), stream -> {
                CsvByteWriter w = new CsvByteWriter(stream);
                FeaturePlan header = new FeaturePlan(spec, leads, log, lastInstant, zone);
                header.writeHeader(w, List.of(EventLog.LEAD, DATE), List.of(request.target()));
                long done = 0;
                for (LocalDate d : dates) {
                    long asOf = start(d, zone);
                    long until = start(d.plusDays(request.horizonDays()), zone);
                    long oldest = request.maxLeadAgeDays().isPresent()
                            ? start(d.minusDays(request.maxLeadAgeDays().getAsInt()), zone) : Long.MIN_VALUE;
                    byte[] date = d.toString().getBytes(StandardCharsets.US_ASCII);
                    FeaturePlan plan = new FeaturePlan(spec, leads, log, asOf, zone);
                    table.replay(plan, asOf);
                    for (int i = 0; i < leads.size(); i++) {
                        long at = leads.convertedAt(i);
                        boolean converted = leads.converted(i) == 1;
                        if (leads.createdAt(i) > asOf || (converted && (at == LeadTable.NO_TIME || at <= asOf))) {
                            continue;
                        }
                        if (leads.createdAt(i) < oldest) {
                            totals[2]++;
                            continue;
                        }
                        w.field(leads.id(i));
                        w.comma();
                        w.raw(date);
                        plan.writeFeatures(i, w);
                        w.comma();
                        boolean event = converted && at <= until;
                        w.raw(event ? ONE : ZERO);
                        w.endRow();
                        totals[0]++;
                        if (event) {
                            totals[1]++;
                        }
                    }
                    progress.accept(++done);
                }
                w.flush();
            });
            List<Path> written = new ArrayList<>(List.of(request.out()));
            in.closeRejects(written);
            in.checkShares(leads, request.events(), counts.rejected(), counts.read(), request.maxRejectShare(), request.out());
            set.commit();
            return new Outcome(dates, leads.rowsRead(), leads.rowsRejected(), withoutTime, totals[2], totals[0], totals[1], counts,
                    incomplete, written);
        } catch (IOException e) {
            throw new InputDataException(request.out().toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }

    private static final byte[] ONE = {'1'};
    private static final byte[] ZERO = {'0'};

    private static long start(LocalDate d, ZoneId zone) {
        return d.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
