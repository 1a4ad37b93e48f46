package dev.scorecard.cli.command;

import dev.scorecard.cli.option.RowOptions;
import dev.scorecard.cli.option.InputOptions;
import dev.scorecard.train.config.ConfigReader;
import dev.scorecard.train.config.ScorecardConfig;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Reads {@code --config} and lays the command-line options over it: the command line wins. */
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
        return c.withTarget(target, positive).withLoading(delimiter,
                in.missingValues != null ? Optional.of(in.missingValues) : c.missingValues(), exclude, id)
                .withEncoding(encoding);
    }
}
