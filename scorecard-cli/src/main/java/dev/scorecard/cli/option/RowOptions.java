package dev.scorecard.cli.option;

import dev.scorecard.train.config.Delimiters;
import dev.scorecard.train.load.Encodings;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How the rows of a file scored through a model are read, and what happens to those that cannot be
 * used: {@code --delimiter}, {@code --encoding}, {@code --no-header}, {@code --names}, {@code --trim},
 * {@code --rejects}, {@code --max-reject-share}.
 */
public final class RowOptions {
    /** The input delimiter, or null to detect it. */
    @Option(names = "--delimiter", paramLabel = "CHAR", description = "Input delimiter. Default: detected.")
    public String delimiter;

    /** The input's encoding, or null for UTF-8. */
    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Encoding of the input when it has no byte order mark, e.g. GB18030, windows-1252 (default UTF-8).")
    public String encoding;

    /** No header, names, trimming (by default as the model was trained). */
    @Mixin
    public DialectOptions dialect;

    /** Where rejected rows go, or null for the command's default. */
    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where rejected rows go, with line and reason. Default: beside the output.")
    public Path rejects;

    /** The share of rejected rows over which the run fails. */
    @Option(names = "--max-reject-share", paramLabel = "SHARE", defaultValue = "0.01",
            description = "Fail when more than this share of rows is rejected (default ${DEFAULT-VALUE}).")
    public double maxRejectShare;

    /** @return the {@code --delimiter} as a character, or empty to detect it */
    public Optional<Character> delimiter() {
        return delimiter == null ? Optional.empty() : Optional.of(parseDelimiter(delimiter));
    }

    /** @return the {@code --encoding} as a charset, UTF-8 when not given */
    public Charset encoding() {
        return encoding == null ? StandardCharsets.UTF_8 : parseEncoding(encoding);
    }

    /**
     * @param name an {@code --encoding} value
     * @return it as a charset
     * @throws IllegalArgumentException naming the option when Java knows no such encoding
     */
    public static Charset parseEncoding(String name) {
        try {
            return Encodings.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--encoding: " + e.getMessage());
        }
    }

    /**
     * @param text a {@code --delimiter} value
     * @return it as a character
     * @throws IllegalArgumentException naming the option when it is not one
     */
    public static char parseDelimiter(String text) {
        try {
            return Delimiters.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--delimiter: " + e.getMessage());
        }
    }
}
