package dev.scorecard.train.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, acceptance 2: a test fails when a config key the reader accepts is missing from the docs'
 * config reference (the YAML blocks and tables of {@code docs/*.md}), so the reference cannot drift
 * from the code; and every key the reader lists is one it accepts.
 */
class ConfigReferenceTest {
    @Test
    void everyKeyTheReaderAcceptsIsInTheDocs() throws IOException {
        StringBuilder docs = new StringBuilder();
        try (Stream<Path> s = Files.list(Path.of("../docs"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                docs.append(Files.readString(p));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : ConfigReader.keys()) {
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            // Written as YAML (`maxBins:`, also in a flow mapping `{maxBins: 8}`) or as code in a table (`maxBins`).
            if (!Pattern.compile("(?<![A-Za-z])" + Pattern.quote(leaf) + "(:|`)").matcher(docs).find()) {
                missing.add(key);
            }
        }
        assertThat(missing).as("config keys missing from docs/").isEmpty();
        assertThat(ConfigReader.keys()).contains("target", "binning.maxBins", "gates.minAuc", "cutoffs.bands",
                "scaling.higherScoreMeans").doesNotHaveDuplicates();
    }
}
