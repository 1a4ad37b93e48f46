package dev.scorecard.crm.features;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.NearestName;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventCounts;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.events.Timestamps;
import dev.scorecard.train.io.CsvByteWriter;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.pipeline.RejectsCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * {@code scorecard features}: one row per lead as it stood at the as-of instant, from the leads
 * file, an event log and a spec. The features file and both rejects files are one output set.
 * Leads created after the as-of instant did not exist then and get no row (they are counted).
 */
public final class FeaturesWorkflow {
    private FeaturesWorkflow() {
    }

    /**
     * @param leads the leads file
     * @param events the event log
     * @param spec the features spec
     * @param asOf the as-of instant as written ({@code 2026-11-30} is the start of that day)
     * @param out the features CSV
     * @param format how the files are read; its zone is used unless the spec sets one and
     *     {@code zoneGiven} is false
     * @param zoneGiven true when the zone was given on the command line (it wins over the spec's)
     * @param duplicates the duplicate policy, when given on the command line (wins over the spec's)
     * @param rejects where rejected event lines go (default {@code <out>.rejects.csv})
     * @param leadRejects where rejected lead rows go (default {@code <out>.lead-rejects.csv})
     * @param maxRejectShare the share of rejected rows in either file over which the run fails
     */
    public record Request(Path leads, Path events, Path spec, String asOf, Path out, InputFormat format, boolean zoneGiven,
            Optional<DuplicatePolicy> duplicates, Optional<Path> rejects, Optional<Path> leadRejects, double maxRejectShare) {
        /** Checks. */
        public Request {
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(out, "out");
            RejectsCheck.requireShare(maxRejectShare);
        }

        /** @return the rejects file of the events */
        public Path rejectsFile() {
            return rejects.orElse(out.resolveSibling(out.getFileName() + ".rejects.csv"));
        }

        /** @return the rejects file of the leads */
        public Path leadRejectsFile() {
            return leadRejects.orElse(out.resolveSibling(out.getFileName() + ".lead-rejects.csv"));
        }
    }

    /**
     * @param leadsRead data rows of the leads file
     * @param leadsRejected of those, rejected
     * @param leadsAfterAsOf of those kept, created after the as-of instant (no row)
     * @param rows feature rows written: {@code leadsRead - leadsRejected - leadsAfterAsOf}
     * @param events what the pass over the log found
     * @param unreadTypes event types seen that no feature reads
     * @param zone the zone used
     * @param asOf the as-of instant, epoch milliseconds
     * @param written the files written
     */
    public record Outcome(long leadsRead, long leadsRejected, long leadsAfterAsOf, long rows, EventCounts events,
            List<String> unreadTypes, ZoneId zone, long asOf, List<Path> written) {
        /** Copies. */
        public Outcome {
            unreadTypes = List.copyOf(unreadTypes);
            written = List.copyOf(written);
        }
    }

    /**
     * @param request what to compute
     * @param progress gets the event lines read so far
     * @return the counts and the files written
     * @throws InputDataException for bad input, naming the file, line and column or the spec's key
     */
    public static Outcome run(Request request, LongConsumer progress) {
        Path rejectsFile = request.rejectsFile();
        Path leadRejectsFile = request.leadRejectsFile();
        try (OutputSet set = OutputSet.of(List.of(request.out(), rejectsFile, leadRejectsFile))) {
            RunInputs in = new RunInputs(request.spec(), request.format(), request.zoneGiven(), request.duplicates(), set,
                    rejectsFile, leadRejectsFile);
            FeatureSpec spec = in.spec;
            ZoneId zone = in.zone;
            long asOf = asOf(request.asOf(), in.format);
            LeadTable leads = in.leads(request.leads());
            EventLog log = in.open(request.events(), leads, asOf);
            FeaturePlan plan = new FeaturePlan(spec, leads, log, asOf, zone);
            EventCounts counts = log.read(plan, in::eventRejects, progress);
            List<Path> written = new ArrayList<>();
            long[] after = new long[1];
            long[] rows = new long[1];
            set.write(request.out(), stream -> {
                CsvByteWriter w = new CsvByteWriter(stream);
                plan.writeHeader(w, List.of(EventLog.LEAD), List.of());
                for (int i = 0; i < leads.size(); i++) {
                    if (leads.createdAt(i) > asOf) {
                        after[0]++;
                        continue;
                    }
                    w.field(leads.id(i));
                    plan.writeFeatures(i, w);
                    w.endRow();
                    rows[0]++;
                }
                w.flush();
            });
            written.add(request.out());
            in.closeRejects(written);
            in.checkShares(leads, request.events(), counts.rejected(), counts.read(), request.maxRejectShare(), request.out());
            set.commit();
            return new Outcome(leads.rowsRead(), leads.rowsRejected(), after[0], rows[0], counts, plan.unreadTypes(), zone,
                    asOf, written);
        } catch (IOException e) {
            throw new InputDataException(request.out().toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }

    /**
     * @param text an as-of instant as written
     * @param format its zone reads a local time
     * @return epoch milliseconds
     * @throws IllegalArgumentException naming {@code --as-of} when the text is not a time
     */
    public static long asOf(String text, InputFormat format) {
        long t = format.timestamps().parse(text);
        if (t == Timestamps.INVALID) {
            throw new IllegalArgumentException("--as-of: '" + text + "' is not a time; write 2026-11-30 (the start of that"
                    + " day), 2026-11-30T18:00 or 2026-11-30T18:00:00+08:00");
        }
        return t;
    }

    /**
     * @param spec a features spec
     * @param leads the leads it is computed for
     * @throws InputDataException naming the spec's line when an attribute feature names a column the
     *     leads file lacks
     */
    public static void checkAttributes(FeatureSpec spec, LeadTable leads) {
        for (FeatureDef f : spec.features()) {
            if (f.kind() == FeatureKind.ATTRIBUTE && leads.attribute(f.attribute()).isEmpty()) {
                throw new InputDataException(spec.file(), f.line(), null, "key 'features': feature '" + f.name()
                        + "' passes through '" + f.attribute() + "', which is not a column of " + leads.file()
                        + NearestName.didYouMean(f.attribute(), leads.attributeNames()) + " (its attributes: "
                        + String.join(", ", leads.attributeNames()) + ")");
            }
        }
    }
}
