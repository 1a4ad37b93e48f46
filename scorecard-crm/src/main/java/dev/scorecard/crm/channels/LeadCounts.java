package dev.scorecard.crm.channels;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.LeadTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The leads of a {@link LeadTable} counted by channel, by channel and sub-channel, and by channel
 * and calendar month, as of an instant: a lead created after it is not counted (it did not exist
 * then), and a lead that converted after it counts as not converted (that was not known then). A
 * lead marked converted without a {@code converted_at} counts as converted whenever it was created
 * at or before the instant: nothing says otherwise. A lead whose outcome is missing is counted
 * apart, as is a lead with no channel, which falls in the channel {@value #NO_CHANNEL}; a lead with
 * no sub-channel counts for its channel alone. Names are compared as written (case and spaces
 * matter) and sorted by {@link String#compareTo}, so every run lists them in the same order.
 */
final class LeadCounts {
    /** The channel of a lead whose channel cell is empty. */
    static final String NO_CHANNEL = "(none)";

    private final SortedMap<String, Tally> channels = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, Tally>> subChannels = new TreeMap<>();
    private final SortedMap<String, SortedMap<Integer, Tally>> months = new TreeMap<>();
    private long rowsRead;
    private long rowsRejected;
    private long createdLater;
    private long withoutOutcome;
    private long used;

    private LeadCounts() {
    }

    /**
     * @param table the leads read
     * @param asOf count only what was known at this instant (epoch milliseconds, inclusive); empty for everything
     * @param zone the zone of calendar months
     * @return the counts
     * @throws InputDataException when the file has no {@code channel} or no {@code converted} column
     */
    static LeadCounts of(LeadTable table, OptionalLong asOf, ZoneId zone) {
        if (table.attribute(LeadTable.CHANNEL).isEmpty() || !table.hasOutcome()) {
            String missing = table.attribute(LeadTable.CHANNEL).isEmpty() ? LeadTable.CHANNEL : LeadTable.CONVERTED;
            throw new InputDataException(table.file().toString(), 0, null, "no column '" + missing + "'; channel scores need "
                    + LeadTable.CHANNEL + " and " + LeadTable.CONVERTED + " (its header: " + String.join(", ", table.header())
                    + ")");
        }
        LeadTable.AttributeColumn channel = table.attribute(LeadTable.CHANNEL).orElseThrow();
        LeadTable.AttributeColumn sub = table.attribute(LeadTable.SUB_CHANNEL).orElse(null);
        long until = asOf.orElse(Long.MAX_VALUE);
        LeadCounts c = new LeadCounts();
        c.rowsRead = table.rowsRead();
        c.rowsRejected = table.rowsRejected();
        for (int i = 0; i < table.size(); i++) {
            long created = table.createdAt(i);
            if (created > until) {
                c.createdLater++;
                continue;
            }
            byte outcome = table.converted(i);
            if (outcome == LeadTable.UNKNOWN) {
                c.withoutOutcome++;
                continue;
            }
            long at = table.convertedAt(i);
            boolean converted = outcome == 1 && (at == LeadTable.NO_TIME || at <= until);
            String name = channel.value(i).isEmpty() ? NO_CHANNEL : channel.value(i);
            c.used++;
            c.channels.computeIfAbsent(name, k -> new Tally()).add(converted);
            if (sub != null && !sub.value(i).isEmpty()) {
                c.subChannels.computeIfAbsent(name, k -> new TreeMap<>()).computeIfAbsent(sub.value(i), k -> new Tally())
                        .add(converted);
            }
            int month = monthIndex(created, zone);
            c.months.computeIfAbsent(name, k -> new TreeMap<>()).computeIfAbsent(month, k -> new Tally()).add(converted);
        }
        return c;
    }

    /**
     * The calendar month of an instant in the zone, as {@code year * 12 + month - 1}. Worked out per lead,
     * not cached by UTC day: in a zone off UTC one UTC day can hold the ends of two local months.
     */
    private static int monthIndex(long epochMillis, ZoneId zone) {
        LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    /** @return e.g. {@code 2026-03} for a month index */
    static String monthText(int index) {
        return String.format(Locale.ROOT, "%04d-%02d", Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    /** @return the channels' counts, by name */
    SortedMap<String, Tally> channels() {
        return Collections.unmodifiableSortedMap(channels);
    }

    /** @return the sub-channels' counts by channel, then by sub-channel */
    SortedMap<String, SortedMap<String, Tally>> subChannels() {
        return Collections.unmodifiableSortedMap(subChannels);
    }

    /** @return the counts by channel, then by month index */
    SortedMap<String, SortedMap<Integer, Tally>> months() {
        return Collections.unmodifiableSortedMap(months);
    }

    long rowsRead() {
        return rowsRead;
    }

    long rowsRejected() {
        return rowsRejected;
    }

    long createdLater() {
        return createdLater;
    }

    long withoutOutcome() {
        return withoutOutcome;
    }

    /** @return leads counted; {@code rowsRead = used + withoutOutcome + createdLater + rowsRejected} */
    long used() {
        return used;
    }
}
