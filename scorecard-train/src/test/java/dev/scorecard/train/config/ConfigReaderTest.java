package dev.scorecard.train.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.binning.BinningMethod;
import dev.scorecard.core.binning.Monotonic;
import dev.scorecard.train.load.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    @TempDir
    Path tmp;

    private Path yaml(String text) throws IOException {
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsEveryKey() throws IOException {
        ScorecardConfig c = ConfigReader.read(yaml("""
                target: y
                positive: "yes"
                delimiter: "\\\\t"
                missingValues: ["", unknown]
                types: {zip: categorical}
                exclude: [duration]
                id: lead_id
                specialValues:
                  pdays: [-1]
                  risk: [[-7], [-8, -9]]
                binning: {method: chimerge, maxBins: 5, minBinShare: 0.02, chiThreshold: 3.84}
                variables:
                  age: {monotonic: ascending}
                """));
        assertThat(c.target()).contains("y");
        assertThat(c.positive()).contains("yes");
        assertThat(c.delimiter()).contains('\t');
        assertThat(c.missingValues()).contains(List.of("", "unknown"));
        assertThat(c.types()).isEqualTo(Map.of("zip", ColumnType.CATEGORICAL));
        assertThat(c.exclude()).containsExactly("duration");
        assertThat(c.id()).containsExactly("lead_id");
        assertThat(c.specialValuesFor("pdays")).isEqualTo(List.of(List.of(-1.0)));
        assertThat(c.specialValuesFor("risk")).isEqualTo(List.of(List.of(-7.0), List.of(-8.0, -9.0)));
        assertThat(c.binning().method()).isEqualTo(BinningMethod.CHIMERGE);
        assertThat(c.binning().maxBins()).isEqualTo(5);
        // Per-variable options start from the global ones.
        assertThat(c.binningFor("age").monotonic()).isEqualTo(Monotonic.ASCENDING);
        assertThat(c.binningFor("age").maxBins()).isEqualTo(5);
        assertThat(c.binningFor("other").monotonic()).isEqualTo(Monotonic.AUTO);
    }

    @Test
    void emptyFileMeansDefaults() throws IOException {
        assertThat(ConfigReader.read(yaml(""))).isEqualTo(ScorecardConfig.empty());
    }

    @Test
    void errorsNameTheFileAndTheKey() throws IOException {
        Path f = yaml("binning: {maxBins: eight}\n");
        assertThatThrownBy(() -> ConfigReader.read(f)).hasMessage(f + ": key 'binning.maxBins': must be a whole number, got 'eight'");
        Path g = yaml("binning: {monotonic: up}\n");
        assertThatThrownBy(() -> ConfigReader.read(g)).hasMessage(g + ": key 'binning.monotonic': monotonic: 'up' is not one of "
                + "auto, ascending, descending, peak, valley, none");
        Path h = yaml("targt: y\n");
        assertThatThrownBy(() -> ConfigReader.read(h)).hasMessageStartingWith(h + ": key 'targt': unknown key; known keys are target, ");
        Path i = yaml("binning: {maxBins: 0}\n");
        assertThatThrownBy(() -> ConfigReader.read(i)).hasMessage(i + ": key 'binning.maxBins': maxBins: 0 is out of range; expected from 1 to 100");
        Path j = yaml("target: [a\n");
        assertThatThrownBy(() -> ConfigReader.read(j)).hasMessageStartingWith(j + ", line 1: not valid YAML: ");
        assertThatThrownBy(() -> ConfigReader.read(tmp.resolve("none.yaml"))).hasMessage(tmp.resolve("none.yaml") + ": config file not found");
    }
}
