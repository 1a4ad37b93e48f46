package dev.scorecard.crm.events;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The calendar day of an instant in a zone, as a day number (days since 1970-01-01 there), with the
 * offset cached between transitions so that a log's millions of instants cost no zone lookup each.
 * Not thread-safe (the cache).
 */
public final class LocalDays {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final ZoneRules rules;
    private long from = Long.MAX_VALUE;
    private long until = Long.MIN_VALUE;
    private long offset;

    /** @param zone the zone whose calendar counts */
    public LocalDays(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /**
     * @param epochMillis an instant
     * @return its local day number
     */
    public long day(long epochMillis) {
        if (epochMillis < from || epochMillis >= until) {
            locate(epochMillis);
        }
        return Math.floorDiv(epochMillis + offset, MILLIS_PER_DAY);
    }

    private void locate(long epochMillis) {
        Instant t = Instant.ofEpochMilli(epochMillis);
        offset = rules.getOffset(t).getTotalSeconds() * 1000L;
        ZoneOffsetTransition prev = rules.previousTransition(t.plusMillis(1));
        ZoneOffsetTransition next = rules.nextTransition(t);
        from = prev == null ? Long.MIN_VALUE : prev.getInstant().toEpochMilli();
        until = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
    }
}
