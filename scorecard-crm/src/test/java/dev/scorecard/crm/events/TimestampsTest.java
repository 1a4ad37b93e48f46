package dev.scorecard.crm.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void readsOffsetsAndZulu() {
        Timestamps t = Timestamps.utc();
        assertThat(t.parse("2026-11-30T09:15:00+08:00")).isEqualTo(Instant.parse("2026-11-30T01:15:00Z").toEpochMilli());
        assertThat(t.parse("2026-11-30T09:15:00Z")).isEqualTo(Instant.parse("2026-11-30T09:15:00Z").toEpochMilli());
        assertThat(t.parse("2026-11-30T09:15:00-0530")).isEqualTo(Instant.parse("2026-11-30T14:45:00Z").toEpochMilli());
        assertThat(t.parse("2026-11-30T09:15+08")).isEqualTo(Instant.parse("2026-11-30T01:15:00Z").toEpochMilli());
        assertThat(t.parse("2026-11-30 09:15:00.123456789Z")).isEqualTo(Instant.parse("2026-11-30T09:15:00.123Z").toEpochMilli());
    }

    @Test
    void aDateAloneIsTheStartOfThatDayInTheZone() {
        assertThat(Timestamps.utc().parse("2026-11-30")).isEqualTo(Instant.parse("2026-11-30T00:00:00Z").toEpochMilli());
        assertThat(Timestamps.in(SHANGHAI).parse("2026-11-30")).isEqualTo(Instant.parse("2026-11-29T16:00:00Z").toEpochMilli());
    }

    @Test
    void localTimesAcrossDaylightSavingFollowZonedDateTime() {
        Timestamps berlin = Timestamps.in(BERLIN);
        // 2026-03-29 02:30 does not exist in Berlin (clocks go 02:00 -> 03:00): moved forward to 03:30 CEST = 01:30Z.
        assertThat(berlin.parse("2026-03-29T02:30:00")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z").toEpochMilli());
        // 2026-10-25 02:30 happens twice: the earlier offset (+02:00) is taken, 00:30Z.
        assertThat(berlin.parse("2026-10-25T02:30:00")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z").toEpochMilli());
        assertThat(berlin.parse("2026-10-25T02:30:00+01:00")).isEqualTo(Instant.parse("2026-10-25T01:30:00Z").toEpochMilli());
    }

    @Test
    void refusesWhatIsNotATime() {
        Timestamps t = Timestamps.utc();
        for (String bad : new String[] {"", "2026", "2026-02-30", "2026-13-01", "2026-11-30T24:00:00", "2026-11-30T09:60",
            "2026-11-30T09:15:00+19:00", "2026-11-30T09:15:00+08:0", "2026-11-30T09:15:00 ", "2026/11/30", "2026-11-30T09:15:00.",
            "2026-11-30T09:15:00.1234567890", "30-11-2026", "2026-11-30x", "2026-11-30T9:15"}) {
            assertThat(t.parse(bad)).as(bad).isEqualTo(Timestamps.INVALID);
        }
    }

    @Test
    void agreesWithJavaTimeOnRandomInstants() {
        SplittableRandom random = new SplittableRandom(20261203L);
        Timestamps berlin = Timestamps.in(BERLIN);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-2_000_000_000L, 4_000_000_000L);
            int offset = random.nextInt(-18 * 4, 18 * 4 + 1) * 15 * 60;
            OffsetDateTime o = Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.ofTotalSeconds(offset));
            assertThat(Timestamps.utc().parse(o.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                    .as(o.toString()).isEqualTo(seconds * 1000);
            LocalDateTime l = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
            assertThat(berlin.parse(l.format(local))).as(l.toString()).isEqualTo(l.atZone(BERLIN).toInstant().toEpochMilli());
        }
    }
}
