package dev.scorecard.cli.command;

import dev.scorecard.cli.option.RowOptions;
import dev.scorecard.cli.option.InputOptions;
import dev.scorecard.train.config.ConfigColumns;
import dev.scorecard.train.config.ConfigReader;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.load.CsvDialect;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code --config}, checks the columns it names under {@code variables} and {@code specialValues}
 * against the data's header, and lays the command-line options over it: the command line wins.
 */
final class ConfigSupport {
    private ConfigSupport() {
    }

    static ScorecardConfig load(InputOptions in) {
        ScorecardConfig c = in.config != null ? ConfigReader.read(in.config) : ScorecardConfig.empty();
        Optional<String> target = in.target != null ? Optional.of(in.target) : c.target();
        Optional<String> positive = in.positive != null ? Optional.of(in.positive) : c.positive();
        Optional<Character> delimiter = c.delimiter();
        if (in.delimiter != null) {
            delimiter = Optional.of(RowOptions.parseDelimiter(in.delimiter));
        }
        Optional<Charset> encoding = in.encoding != null ? Optional.of(RowOptions.parseEncoding(in.encoding)) : c.encoding();
        Set<String> exclude = new LinkedHashSet<>(c.exclude());
        if (in.exclude != null) {
            exclude.addAll(in.exclude);
        }
        Set<String> id = new LinkedHashSet<>(c.id());
        if (in.id != null) {
            id.addAll(in.id);
        }
        CsvDialect dialect = in.dialect.over(c.dialect());
        if (!c.variables().isEmpty() || !c.specialValues().isEmpty()) {
            // Before the load, so a misspelt column fails in a moment rather than after the whole file.
            ConfigColumns.check(c, header(in.data, delimiter, encoding, dialect), in.data.toString(), in.config);
        }
        return c.withTarget(target, positive).withLoading(delimiter,
                in.missingValues != null ? Optional.of(in.missingValues) : c.missingValues(), exclude, id)
                .withEncoding(encoding).withDialect(dialect);
    }

    private static List<String> header(Path data, Optional<Character> delimiter, Optional<Charset> encoding,
            CsvDialect dialect) {
        if (!dialect.header()) {
            return dialect.names();
        }
        try (CsvRows rows = CsvRows.open(data, delimiter, encoding.orElse(StandardCharsets.UTF_8))) {
            // CsvRows does not trim; the loader will, so the names are checked as it will read them.
            return dialect.trim() ? rows.header().stream().map(CsvDialect::strip).toList() : rows.header();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing a file only read from
        }
    }
}
