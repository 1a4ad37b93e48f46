package dev.scorecard.cli.option;

import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.train.load.CsvDialect;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How the commands whose every input is a user's CSV file ({@code rfm}, {@code allocate}) read them:
 * one delimiter and encoding for all, and the share of rejected rows at which a run fails. (The
 * scorecard commands' {@link RowOptions} add a rejects file and a dialect; {@code blend} and
 * {@code activate} apply the delimiter to some of their inputs only, and say so.)
 */
public final class CsvFileOptions {
    @Option(names = "--delimiter", paramLabel = "CHAR", description = "The input files' delimiter. Default: detected.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "The input files' encoding when they have no byte order mark (default UTF-8).")
    String encoding;

    /** The share of any input file's rows above which the run fails. */
    @Option(names = "--max-reject-share", paramLabel = "SHARE", defaultValue = "0.01",
            description = "Fail when more than this share of any input file's rows is rejected (default"
                + " ${DEFAULT-VALUE}).")
    public double maxRejectShare;

    /**
     * @param zone the zone of local times in the files
     * @return the inputs' format, checking the delimiter and encoding
     * @throws IllegalArgumentException naming the option when a value is not valid
     */
    public InputFormat format(ZoneId zone) {
        return new InputFormat(Optional.ofNullable(delimiter).map(RowOptions::parseDelimiter),
                encoding == null ? StandardCharsets.UTF_8 : RowOptions.parseEncoding(encoding), CsvDialect.DEFAULT,
                zone);
    }
}
