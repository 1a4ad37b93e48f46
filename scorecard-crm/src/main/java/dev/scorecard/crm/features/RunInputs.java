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
 * What {@code features} and {@code snapshots} set up alike: the spec with the zone and duplicate
 * policy it resolves to (the command line's over the spec's), the leads and the log read into one
 * output set with a rejects file each, and the reject-share check over both files.
 */
final class RunInputs {
    final FeatureSpec spec;
    final ZoneId zone;
    final InputFormat format;
    final DuplicatePolicy duplicates;
    private final OutputSet set;
    private final Path rejectsFile;
    private final Path leadRejectsFile;
    private RejectsStream leadRejects;
    private RejectsStream eventRejects;

    RunInputs(Path specFile, InputFormat given, boolean zoneGiven, Optional<DuplicatePolicy> duplicatesGiven, OutputSet set,
            Path rejectsFile, Path leadRejectsFile) {
        this.spec = FeatureSpec.read(specFile);
        this.zone = zoneGiven ? given.zone() : spec.zone().orElse(given.zone());
        this.format = given.withZone(zone);
        this.duplicates = duplicatesGiven.or(spec::duplicates).orElse(DuplicatePolicy.DEDUPE);
        this.set = set;
        this.rejectsFile = rejectsFile;
        this.leadRejectsFile = leadRejectsFile;
    }

    /** Reads the leads, their rejects into the lead rejects file, and checks the spec's attributes. */
    LeadTable leads(Path file) {
        LeadTable leads = LeadTable.read(file, format, h -> leadRejects = new RejectsStream(set, leadRejectsFile, h));
        FeaturesWorkflow.checkAttributes(spec, leads);
        return leads;
    }

    /** Opens the log for the spec's types and properties, events after {@code asOf} invisible. */
    EventLog open(Path events, LeadTable leads, long asOf) {
        return EventLog.open(events, leads, new EventLog.Options(format, asOf, duplicates, spec.eventTypes().map(Set::copyOf),
                spec.properties()));
    }

    /** @return the event rejects stream, made at the first line that needs it */
    RejectsStream eventRejects(List<String> header) {
        eventRejects = new RejectsStream(set, rejectsFile, header);
        return eventRejects;
    }

    /** Closes both rejects streams and adds to {@code written} those that got rows. */
    void closeRejects(List<Path> written) {
        if (close(leadRejects)) {
            written.add(leadRejectsFile);
        }
        if (close(eventRejects)) {
            written.add(rejectsFile);
        }
    }

    /**
     * @throws InputDataException when either file's rejects exceed the share; the set then holds the
     *     rejects alone
     */
    void checkShares(LeadTable leads, Path events, long eventsRejected, long eventsRead, double maxShare, Path out)
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
