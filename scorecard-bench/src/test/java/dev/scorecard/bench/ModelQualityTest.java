package dev.scorecard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table docs/model-quality.md holds: means over comparable datasets, the "behind" list, failures by seed. */
class ModelQualityTest {
    @TempDir
    Path tmp;

    private static ModelQuality.Run run(double auc) {
        return new ModelQuality.Run(auc, auc / 2, 3, 5);
    }

    @Test
    void meansAreOverDatasetsEveryConfigurationFittedAndBehindIsComputed() {
        Map<String, Map<String, List<ModelQuality.Run>>> results = new LinkedHashMap<>();
        // a: default 0.70 and 0.72 (mean 0.71), peer 0.715: 0.005 behind. b: default ahead. c: peer-no-l2 failed.
        results.put("a", new LinkedHashMap<>(Map.of("default", List.of(run(0.70), run(0.72)), "peer-style",
                List.of(run(0.715), run(0.715)), "peer-no-l2", List.of(run(0.71), run(0.71)))));
        results.put("b", new LinkedHashMap<>(Map.of("default", List.of(run(0.90), run(0.90)), "peer-style",
                List.of(run(0.8995), run(0.8995)), "peer-no-l2", List.of(run(0.80), run(0.80)))));
        results.put("c", new LinkedHashMap<>(Map.of("default", List.of(run(0.60), run(0.60)), "peer-style",
                List.of(run(0.60), run(0.60)))));
        Map<String, long[]> shape = Map.of("a", new long[] {100, 30}, "b", new long[] {200, 20}, "c", new long[] {50, 5});
        Map<String, List<Integer>> failures = new LinkedHashMap<>();
        failures.put("c, peer-no-l2: singular design: 'x' is a linear combination of 'y'", List.of(1, 2));
        StringBuilder md = new StringBuilder();
        ModelQuality.write(md, List.of("default", "peer-style", "peer-no-l2"), 2, results, Map.of(), shape, List.of(),
                failures);
        String text = md.toString();
        assertThat(text).contains("| a | 100 | 30.0 % | 0.7100 | 0.7150 | 0.7100 |")
                .contains("| c | 50 | 10.0 % | 0.6000 | 0.6000 | \u2014 |")
                // (0.71 + 0.90) / 2, (0.715 + 0.8995) / 2, (0.71 + 0.80) / 2: c is left out.
                .contains("| **mean of the datasets** | | | **0.8050** | **0.8073** | **0.7550** |")
                .contains("The means are over the 2 datasets on which every configuration could be fitted (left out: c).")
                .contains("- **default**: a (-0.0050)\n")
                .contains("- **peer-no-l2**: a (-0.0050), b (-0.0995)\n")
                .contains("- c, peer-no-l2, seeds 1, 2: singular design: 'x' is a linear combination of 'y'\n");
    }

    @Test
    void theDatasetListNamesTheLineOfABadEntry() throws IOException {
        Path tsv = Files.writeString(tmp.resolve("d.tsv"), "# comment\nok\tdata.csv\tcfg.yaml\n\nbad\tonly-two\n");
        assertThatThrownBy(() -> ModelQuality.read(tsv))
                .hasMessage(tsv + ", line 4: expected 3 tab-separated fields (name, data, config), got 2");
        Path good = Files.writeString(tmp.resolve("g.tsv"), "ok\tdata.csv\tcfg.yaml\n");
        assertThat(ModelQuality.read(good)).containsExactly(new ModelQuality.DatasetEntry("ok", Path.of("data.csv"),
                Path.of("cfg.yaml")));
    }
}
