package dev.scorecard.cli.option;

import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.train.load.CsvDialect;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How the lead side's event commands ({@code features}, {@code snapshots}, {@code rules}) read the
 * leads file and the event log ({@link LeadFilesOptions}), and where their rejects go.
 */
public final class LeadInputOptions {
    /** The zone of local times and calendar days, or null for the spec's (else UTC). */
    @Option(names = "--timezone", paramLabel = "ZONE",
            description = "Zone of times without an offset and of calendar days, e.g. Asia/Shanghai. Default: the spec's"
                + " (or rules') timezone, else UTC.")
    public String timezone;

    /** The duplicate policy, or null for the spec's (else dedupe). */
    @Option(names = "--duplicates", paramLabel = "POLICY",
            description = "dedupe (a line repeating an earlier one field for field counts once) or keep. Default: the"
                + " spec's, else dedupe.")
    public String duplicates;

    /** The input delimiter, or null to detect it. */
    @Option(names = "--delimiter", paramLabel = "CHAR", description = "Input delimiter of both files. Default: detected.")
    public String delimiter;

    /** The inputs' encoding, or null for UTF-8. */
    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Encoding of the inputs when they have no byte order mark (default UTF-8).")
    public String encoding;

    /** Where rejected event lines go. */
    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where rejected and duplicate event lines go, with line and reason. Default: OUT.rejects.csv"
                + " (rules: DIR/rejects.csv).")
    public Path rejects;

    /** Where rejected lead rows go. */
    @Option(names = "--lead-rejects", paramLabel = "FILE",
            description = "Where rejected rows of the leads file go. Default: OUT.lead-rejects.csv (rules:"
                + " DIR/lead-rejects.csv).")
    public Path leadRejects;

    /** The share of rejected rows over which the run fails. */
    @Option(names = "--max-reject-share", paramLabel = "SHARE", defaultValue = "0.01",
            description = "Fail when more than this share of either file's rows is rejected (default ${DEFAULT-VALUE}).")
    public double maxRejectShare;

    /** @return the input format these options give */
    public InputFormat format() {
        ZoneId zone = ZoneOffset.UTC;
        if (timezone != null) {
            try {
                zone = ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("--timezone: '" + timezone
                        + "' is not a time zone (e.g. Asia/Shanghai, Europe/Berlin, UTC, +08:00)");
            }
        }
        Optional<Character> d = delimiter == null ? Optional.empty() : Optional.of(RowOptions.parseDelimiter(delimiter));
        return new InputFormat(d, encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : RowOptions.parseEncoding(encoding),
                CsvDialect.DEFAULT, zone);
    }

    /** @return the duplicate policy, when given */
    public Optional<DuplicatePolicy> duplicatePolicy() {
        if (duplicates == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DuplicatePolicy.fromConfig(duplicates));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--duplicates: " + e.getMessage());
        }
    }
}
