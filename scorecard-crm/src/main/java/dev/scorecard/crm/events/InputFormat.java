package dev.scorecard.crm.events;

import dev.scorecard.train.load.CsvDialect;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * How the lead side's files are read: the delimiter (empty to detect it), the encoding of a file
 * without a byte order mark, header and trimming, and the zone local times are read in (SPEC §10).
 *
 * @param delimiter the delimiter, or empty to detect it
 * @param encoding the encoding of a file without a byte order mark
 * @param dialect header or names, trimming
 * @param zone the zone of times written without an offset, and of calendar days
 */
public record InputFormat(Optional<Character> delimiter, Charset encoding, CsvDialect dialect, ZoneId zone) {
    /** Detected delimiter, UTF-8, a header, UTC. */
    public static final InputFormat DEFAULT = new InputFormat(Optional.empty(), StandardCharsets.UTF_8, CsvDialect.DEFAULT,
            ZoneOffset.UTC);

    /** Checks that no part is null. */
    public InputFormat {
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * @param newZone the zone of local times and calendar days
     * @return this format in that zone
     */
    public InputFormat withZone(ZoneId newZone) {
        return new InputFormat(delimiter, encoding, dialect, newZone);
    }

    /** @return the reader of times in this format's zone */
    public Timestamps timestamps() {
        return Timestamps.in(zone);
    }
}
