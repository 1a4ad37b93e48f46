package dev.scorecard.crm.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * Reads the times of lead and event files to epoch milliseconds without a formatter per cell
 * (SPEC §10): {@code 2026-11-30T09:15:00+08:00}, {@code …Z}, {@code 2026-11-30 09:15:00} (a space
 * for the {@code T}), seconds optional, a fraction of up to nine digits (kept to the millisecond,
 * truncated), and {@code 2026-11-30} alone (the start of that day). A time without an offset is
 * read in the zone given; in a daylight-saving gap it moves forward by the gap's length and in an
 * overlap it takes the earlier offset, as {@link java.time.ZonedDateTime#of} does. Thread-safe.
 */
public final class Timestamps {
    /** What {@link #parse} returns for text that is not a time. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final long fixedOffsetMillis;

    private Timestamps(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffsetMillis = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : Long.MIN_VALUE;
    }

    /**
     * @param zone the zone local times are read in
     * @return a reader of times for that zone
     */
    public static Timestamps in(ZoneId zone) {
        return new Timestamps(Objects.requireNonNull(zone, "zone"));
    }

    /** @return times read in UTC */
    public static Timestamps utc() {
        return new Timestamps(ZoneOffset.UTC);
    }

    /** @return the zone local times are read in */
    public ZoneId zone() {
        return zone;
    }

    /**
     * @param text the cell
     * @return the instant in epoch milliseconds, or {@link #INVALID} when the text is not one of the
     *     forms above or names a day or time that does not exist (February 30, 24:00)
     */
    public long parse(CharSequence text) {
        int n = text.length();
        if (n < 10) {
            return INVALID;
        }
        int year = digits(text, 0, 4);
        int month = text.charAt(4) == '-' ? digits(text, 5, 2) : -1;
        int day = text.charAt(7) == '-' ? digits(text, 8, 2) : -1;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return INVALID;
        }
        long days = epochDay(year, month, day);
        if (n == 10) {
            return local(days, 0, year, month, day, 0, 0, 0);
        }
        char sep = text.charAt(10);
        if ((sep != 'T' && sep != ' ') || n < 16 || text.charAt(13) != ':') {
            return INVALID;
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = 0;
        int millis = 0;
        int i = 16;
        if (i < n && text.charAt(i) == ':') {
            second = digits(text, i + 1, 2);
            i += 3;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                int scale = 100;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    if (scale > 0) {
                        millis += (text.charAt(i) - '0') * scale;
                        scale /= 10;
                    }
                    i++;
                }
                if (i == start || i - start > 9) {
                    return INVALID;
                }
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        long timeMillis = ((hour * 60L + minute) * 60L + second) * 1000L + millis;
        if (i == n) {
            return local(days, timeMillis, year, month, day, hour, minute, second);
        }
        long offsetMillis = offset(text, i);
        if (offsetMillis == INVALID) {
            return INVALID;
        }
        return days * MILLIS_PER_DAY + timeMillis - offsetMillis;
    }

    /** The epoch milliseconds of a local date and time in the zone. */
    private long local(long days, long timeMillis, int year, int month, int day, int hour, int minute, int second) {
        if (fixedOffsetMillis != Long.MIN_VALUE) {
            return days * MILLIS_PER_DAY + timeMillis - fixedOffsetMillis;
        }
        try {
            LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second);
            long sub = timeMillis % 1000;
            return t.atZone(zone).toInstant().toEpochMilli() + sub;
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /** The offset at {@code i} in milliseconds: {@code Z}, {@code +08}, {@code +08:00}, {@code +0800}. */
    private static long offset(CharSequence text, int i) {
        int n = text.length();
        char c = text.charAt(i);
        if (c == 'Z' || c == 'z') {
            return i + 1 == n ? 0 : INVALID;
        }
        if (c != '+' && c != '-') {
            return INVALID;
        }
        int hours = digits(text, i + 1, 2);
        int minutes;
        int rest = n - (i + 3);
        if (rest == 0) {
            minutes = 0;
        } else if (rest == 3 && text.charAt(i + 3) == ':') {
            minutes = digits(text, i + 4, 2);
        } else if (rest == 2) {
            minutes = digits(text, i + 3, 2);
        } else {
            return INVALID;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return INVALID;
        }
        long m = (hours * 60L + minutes) * 60_000L;
        return c == '-' ? -m : m;
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(CharSequence text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
