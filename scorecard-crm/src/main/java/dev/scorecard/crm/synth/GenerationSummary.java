package dev.scorecard.crm.synth;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link CrmGenerator} run wrote; the same counts are in {@code truth/model.json}.
 *
 * @param leads rows of {@code leads.csv}
 * @param converted leads that converted
 * @param channels channels
 * @param subChannels sub-channels over all channels
 * @param eventLines data lines of {@code events.csv}, malformed ones included
 * @param wellFormedEvents lines that parse: the leads' events, the re-sent copies and the unknown leads' events
 * @param duplicates re-sent lines: exact copies of an earlier well-formed line
 * @param unknownLeadEvents well-formed lines for lead ids not in {@code leads.csv}
 * @param malformed broken lines by kind
 * @param orders rows of {@code orders.csv}
 * @param files the files written, in the order listed in the docs
 */
public record GenerationSummary(long leads, long converted, int channels, int subChannels, long eventLines,
        long wellFormedEvents, long duplicates, long unknownLeadEvents, Malformed malformed, long orders, List<Path> files) {
    /** Copies the list of files. */
    public GenerationSummary {
        files = List.copyOf(files);
    }

    /** @return converted leads over leads */
    public double conversionRate() {
        return leads == 0 ? 0 : (double) converted / leads;
    }

    /**
     * Malformed lines of {@code events.csv} by kind.
     *
     * @param fieldCount lines with four or six fields instead of five
     * @param timestamp lines whose time does not parse
     * @param value lines whose value is not an integer
     * @param eventType lines with an empty event type
     */
    public record Malformed(long fieldCount, long timestamp, long value, long eventType) {
        /** @return the malformed lines of every kind */
        public long total() {
            return fieldCount + timestamp + value + eventType;
        }
    }
}
