package dev.scorecard.crm.features;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the lead commands ({@code features}, {@code snapshots}, {@code rules}) set up alike: the zone
 * and duplicate policy a run resolves to (the command line's over the spec's), the leads and the log
 * read into one output set with a rejects file each, and the reject-share check over both files.
 */
public final class RunInputs {
    final FeatureSpec spec;
    /** The zone days and dates are read in. */
    public final ZoneId zone;
    /** The input format, in that zone. */
    public final InputFormat format;
    /** What repeated event lines count for. */
    public final DuplicatePolicy duplicates;
    private final OutputSet set;
    private final Path rejectsFile;
    private final Path leadRejectsFile;
    private RejectsStream leadRejects;
    private RejectsStream eventRejects;

    RunInputs(Path specFile, InputFormat given, boolean zoneGiven, Optional<DuplicatePolicy> duplicatesGiven, OutputSet set,
            Path rejectsFile, Path leadRejectsFile) {
        this(FeatureSpec.read(specFile), Optional.empty(), Optional.empty(), given, zoneGiven, duplicatesGiven, set,
                rejectsFile, leadRejectsFile);
    }

    /**
     * @param spec the features spec, or null when the run computes none
     * @param specZone the zone the run's own spec gives, if any (over the features spec's)
     * @param specDuplicates the duplicate policy the run's own spec gives, if any
     * @param given the input format from the command line
     * @param zoneGiven whether the command line gave the zone (it then wins)
     * @param duplicatesGiven the command line's duplicate policy, if given
     * @param set the output set the rejects files belong to
     * @param rejectsFile where the event rejects go
     * @param leadRejectsFile where the lead rejects go
     */
    public RunInputs(FeatureSpec spec, Optional<ZoneId> specZone, Optional<DuplicatePolicy> specDuplicates,
            InputFormat given, boolean zoneGiven, Optional<DuplicatePolicy> duplicatesGiven, OutputSet set, Path rejectsFile,
            Path leadRejectsFile) {
        this.spec = spec;
        Optional<ZoneId> fromSpecs = specZone.or(() -> spec == null ? Optional.empty() : spec.zone());
        this.zone = zoneGiven ? given.zone() : fromSpecs.orElse(given.zone());
        this.format = given.withZone(zone);
        this.duplicates = duplicatesGiven.or(() -> specDuplicates).or(() -> spec == null ? Optional.empty()
                : spec.duplicates()).orElse(DuplicatePolicy.DEDUPE);
        this.set = set;
        this.rejectsFile = rejectsFile;
        this.leadRejectsFile = leadRejectsFile;
    }

    /**
     * Reads the leads, their rejects into the lead rejects file, and checks the features spec's
     * attributes.
     *
     * @param file the leads CSV
     * @return the leads
     */
    public LeadTable leads(Path file) {
        LeadTable leads = LeadTable.read(file, format, h -> leadRejects = new RejectsStream(set, leadRejectsFile, h));
        if (spec != null) {
            FeaturesWorkflow.checkAttributes(spec, leads);
        }
        return leads;
    }

    /** Opens the log for the spec's types and properties, events after {@code asOf} invisible. */
    EventLog open(Path events, LeadTable leads, long asOf) {
        return open(events, leads, asOf, spec.eventTypes().map(Set::copyOf), spec.properties());
    }

    /**
     * Opens a log, events after {@code asOf} invisible.
     *
     * @param events the events CSV
     * @param leads the leads
     * @param asOf the as-of instant, epoch milliseconds
     * @param knownTypes the event types allowed, or empty for any
     * @param properties the property columns the sink gets
     * @return the log, before its first line
     */
    public EventLog open(Path events, LeadTable leads, long asOf, Optional<Set<String>> knownTypes,
            List<String> properties) {
        return EventLog.open(events, leads, new EventLog.Options(format, asOf, duplicates, knownTypes, properties));
    }

    /**
     * @param header the events file's header
     * @return the event rejects stream, made at the first line that needs it
     */
    public RejectsStream eventRejects(List<String> header) {
        eventRejects = new RejectsStream(set, rejectsFile, header);
        return eventRejects;
    }

    /**
     * Closes both rejects streams.
     *
     * @param written gets the rejects files that got rows
     */
    public void closeRejects(List<Path> written) {
        if (close(leadRejects)) {
            written.add(leadRejectsFile);
        }
        if (close(eventRejects)) {
            written.add(rejectsFile);
        }
    }

    /**
     * Fails the run when either input's rejects exceed the share.
     *
     * @param leads the leads read
     * @param events the events file
     * @param eventsRejected the event lines rejected
     * @param eventsRead the event lines read
     * @param maxShare the largest share of rejects allowed in each file
     * @param out the main output, discarded on failure
     * @throws IOException when the rejects cannot be committed
     * @throws InputDataException when either file's rejects exceed the share; the set then holds the
     *     rejects alone
     */
    public void checkShares(LeadTable leads, Path events, long eventsRejected, long eventsRead, double maxShare, Path out)
            throws IOException {
        checkShare(leads.file(), leads.rowsRejected(), leads.rowsRead(), maxShare, leadRejectsFile, out);
        checkShare(events, eventsRejected, eventsRead, maxShare, rejectsFile, out);
    }

    private void checkShare(Path input, long rejected, long read, double maxShare, Path file, Path out) throws IOException {
        if (read > 0 && (double) rejected / read > maxShare) {
            set.discard(out);
            set.commit(); // the rejects alone: an earlier run's features do not stay beside them
            throw new InputDataException(input.toString(), 0, null, String.format(Locale.ROOT,
                    "%d of %d rows (%.2f %%) could not be used, over --max-reject-share %s; nothing was written to %s;"
                    + " see %s", rejected, read, 100.0 * rejected / read, DoubleFormat.format(maxShare), out, file));
        }
    }

    /** @return true when the stream exists and got rows */
    private static boolean close(RejectsStream r) {
        if (r == null) {
            return false;
        }
        try {
            r.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r.rows() > 0;
    }
}
