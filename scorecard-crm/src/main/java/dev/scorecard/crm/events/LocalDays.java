package dev.scorecard.crm.events;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The calendar day of an instant in a zone, as a day number (days since 1970-01-01 there), with the
 * offset cached between transitions so that a log's millions of instants cost no zone lookup each.
 * Safe to share between threads: the cache is one immutable object, replaced whole.
 */
public final class LocalDays {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final ZoneRules rules;
    // The offset and the instants it holds between, as one immutable object: threads that share a
    // LocalDays (the features read while leads are scored on several cores) see all three or none.
    private Span span = new Span(Long.MAX_VALUE, Long.MIN_VALUE, 0);

    private record Span(long from, long until, long offset) {
    }

    /** @param zone the zone whose calendar counts */
    public LocalDays(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /**
     * @param epochMillis an instant
     * @return its local day number
     */
    public long day(long epochMillis) {
        Span s = span;
        if (epochMillis < s.from || epochMillis >= s.until) {
            s = locate(epochMillis);
            span = s;
        }
        return Math.floorDiv(epochMillis + s.offset, MILLIS_PER_DAY);
    }

    private Span locate(long epochMillis) {
        Instant t = Instant.ofEpochMilli(epochMillis);
        long offset = rules.getOffset(t).getTotalSeconds() * 1000L;
        ZoneOffsetTransition prev = rules.previousTransition(t.plusMillis(1));
        ZoneOffsetTransition next = rules.nextTransition(t);
        return new Span(prev == null ? Long.MIN_VALUE : prev.getInstant().toEpochMilli(),
                next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli(), offset);
    }
}
