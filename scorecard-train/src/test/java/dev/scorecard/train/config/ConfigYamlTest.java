package dev.scorecard.train.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.train.load.CsvLoadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the report's effective configuration is YAML that {@code --config} reads back. Each config
 * read, recorded as canonical JSON, written as YAML and read again gives the same canonical JSON.
 */
class ConfigYamlTest {
    @TempDir
    Path tmp;

    @Test
    void theShippedExampleConfigsComeBackUnchanged() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("../examples/configs"))) {
            List<Path> configs = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(configs).hasSizeGreaterThanOrEqualTo(4);
            for (Path p : configs) {
                assertRoundTrip(ConfigReader.read(p));
            }
        }
    }

    @Test
    void theDefaultsComeBackUnchanged() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.yaml"), "{}\n");
        ScorecardConfig defaults = ConfigReader.read(empty);
        assertRoundTrip(defaults);
        // Nothing set means nothing but the defaults written: no empty keys the reader would refuse.
        String yaml = ConfigYaml.of(ConfigJson.canonical(defaults), CsvLoadOptions.DEFAULT_MISSING_VALUES);
        assertThat(yaml).doesNotContain("delimiter", "target", "timeColumn", "ootFrom", "cutoffs", "{}", "[]", "\"\"")
                .contains("tolerance: 1e-10\n", "  maxBins: ", "grades:\n  names: [A, B, C, D, E]\n");
    }

    @Test
    void awkwardNamesAndValuesComeBackUnchanged() throws IOException {
        String config = """
                target: "bad flag"
                positive: "yes"
                delimiter: "\\t"
                missingValues: ["", "-", "?", "n/a"]
                types: {"zip code": categorical, "1st amount": numeric}
                exclude: ["row #", "note: free text", "true"]
                id: [" padded id", "id"]
                specialValues: {balance: [[-999, -998], [0]]}
                binning: {method: chimerge, maxBins: 6, chiThreshold: 3.841, minBinShare: 0.025, missing: merge-with-closest-woe}
                variables:
                  "age, years": {method: quantile, bins: 5, monotonic: ascending}
                  "null": {maxBins: 3}
                name: "model: v2 # draft"
                split: 0.8
                seed: 7
                timeColumn: month
                ootFrom: "2024-01"
                selection: {stepwise: forward, criterion: bic, minIv: 0.01, maxCorrelation: 0.9}
                regression: {l2: 0.25, tolerance: 1e-8}
                scaling: {basePoints: 500, baseOdds: 1.5, pdo: 20, higherScoreMeans: event, rounding: none}
                grades: {names: [AAA, "B-", "ü"], cutoffs: [300, 450]}
                unseen: reject
                """;
        ScorecardConfig read = ConfigReader.read(Files.writeString(tmp.resolve("awkward.yaml"), config));
        String yaml = assertRoundTrip(read, List.of("", "-", "?", "n/a"));
        assertThat(yaml).contains("delimiter: \"\\t\"\n", "exclude: [\"row #\", \"note: free text\", \"true\"]\n",
                "  \"null\":\n", "name: \"model: v2 # draft\"\n", "ootFrom: \"2024-01\"\n",
                "missingValues: [\"\", \"-\", \"?\", n/a]\n");
    }

    @Test
    void textIsQuotedExactlyWhenYamlWouldReadItAsSomethingElse() {
        assertThat(ConfigYaml.scalar("income")).isEqualTo("income");
        assertThat(ConfigYaml.scalar("age in years")).isEqualTo("age in years");
        for (String typed : List.of("yes", "No", "on", "null", "~", "12", "1e5", ".5", "-3", "true", "", " x", "x ",
                "a: b", "a #b", "[x]", "{x}", "*x", "&x", "!x", "%x", "@x", "`x", "'x", "\"x", "-x", "?x", "x\ty")) {
            assertThat(ConfigYaml.scalar(typed)).as(typed).startsWith("\"").endsWith("\"");
        }
    }

    private String assertRoundTrip(ScorecardConfig config) throws IOException {
        return assertRoundTrip(config, config.missingValues().orElse(CsvLoadOptions.DEFAULT_MISSING_VALUES));
    }

    private String assertRoundTrip(ScorecardConfig config, List<String> tokens) throws IOException {
        String json = ConfigJson.canonical(config);
        String yaml = ConfigYaml.of(json, tokens);
        Path file = Files.writeString(Files.createTempFile(tmp, "effective", ".yaml"), yaml);
        ScorecardConfig again = ConfigReader.read(file);
        assertThat(ConfigJson.canonical(again)).as(yaml).isEqualTo(json);
        assertThat(again.missingValues().orElse(CsvLoadOptions.DEFAULT_MISSING_VALUES)).isEqualTo(tokens);
        return yaml;
    }
}
