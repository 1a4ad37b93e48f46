package dev.scorecard.crm.events;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a pass over an event log found. Every data line is counted once:
 * {@code read == used + afterAsOf + duplicates + rejected}.
 *
 * @param read data lines read
 * @param used events handed on
 * @param afterAsOf events after the as-of instant: invisible, not rejected
 * @param duplicates repeats of an earlier line, left out under {@link DuplicatePolicy#DEDUPE}
 * @param rejected lines that could not be used (in the rejects file with their reason)
 * @param unknownLeads of the rejected, those for a lead id not in the leads file
 * @param unknownTypes of the rejected, those of a type the spec does not list, by type (sorted)
 * @param typesSeen the events used per type, by type (sorted)
 * @param latest the newest instant of any usable line, after the as-of instant included (Long.MIN_VALUE
 *     when there is none): how far the data reaches
 */
public record EventCounts(long read, long used, long afterAsOf, long duplicates, long rejected, long unknownLeads,
        Map<String, Long> unknownTypes, Map<String, Long> typesSeen, long latest) {
    /** Checks that the parts add up. */
    public EventCounts {
        if (read != used + afterAsOf + duplicates + rejected) {
            throw new IllegalArgumentException("counts do not add up: " + read + " read, " + used + " used, " + afterAsOf
                    + " after as-of, " + duplicates + " duplicates, " + rejected + " rejected");
        }
        unknownTypes = Collections.unmodifiableMap(new TreeMap<>(unknownTypes));
        typesSeen = Collections.unmodifiableMap(new TreeMap<>(typesSeen));
    }
}
