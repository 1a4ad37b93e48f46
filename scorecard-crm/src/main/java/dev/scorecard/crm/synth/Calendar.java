package dev.scorecard.crm.synth;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The run's time axis in China's time ({@code +08:00}, no daylight saving): seconds from the start
 * date's midnight, up to the end date's midnight (exclusive). Times are written as {@code
 * 2026-03-14T09:26:53+08:00} from a per-day table of the date's text, so no formatter runs per event.
 */
final class Calendar {
    static final String OFFSET = "+08:00";
    static final int DAY = 86_400;
    private static final byte[] OFFSET_BYTES = OFFSET.getBytes(StandardCharsets.US_ASCII);

    final LocalDate start;
    final LocalDate end;
    final int days;
    final long endSecond;
    /** {@code 2026-03-14T} per day. */
    private final byte[][] datePrefix;
    private final int firstWeekday;

    Calendar(LocalDate start, LocalDate end) {
        this.start = start;
        this.end = end;
        this.days = Math.toIntExact(end.toEpochDay() - start.toEpochDay());
        this.endSecond = (long) days * DAY;
        this.firstWeekday = start.getDayOfWeek().getValue() - 1;
        datePrefix = new byte[days + 1][];
        for (int d = 0; d <= days; d++) {
            datePrefix[d] = (start.plusDays(d) + "T").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** @return 0 for Monday … 6 for Sunday */
    int weekday(long second) {
        return (int) ((firstWeekday + second / DAY) % 7);
    }

    /** Writes the time {@code second} (from the start) as ISO-8601 with the offset. */
    void write(LineBuffer b, long second) {
        int day = (int) (second / DAY);
        int s = (int) (second % DAY);
        b.bytes(datePrefix[day]).twoDigits(s / 3600).ch(':').twoDigits(s / 60 % 60).ch(':').twoDigits(s % 60)
                .bytes(OFFSET_BYTES);
    }

    /** Writes the date alone. */
    String date(long second) {
        return start.plusDays(second / DAY).toString();
    }
}
