package dev.scorecard.train.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.binning.BinningMethod;
import dev.scorecard.core.binning.Monotonic;
import dev.scorecard.train.load.ColumnType;
import java.io.IOException;
import java.nio.charset.Charset;
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
                encoding: GB18030
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
        assertThat(c.encoding()).contains(Charset.forName("GB18030"));
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
        Path k = yaml("encoding: latin-9000\n");
        assertThatThrownBy(() -> ConfigReader.read(k)).hasMessage(k + ": key 'encoding': unknown encoding 'latin-9000'; use a name "
                + "Java knows, such as UTF-8, GB18030, GBK, windows-1252, ISO-8859-1 or UTF-16LE");
    }

    @Test
    void readsGatesChallengerAndDrift() throws IOException {
        ScorecardConfig c = ConfigReader.read(yaml("""
                gates: {minAuc: 0.7, minKs: 0.3, maxPsi: 0.1, maxCsi: 0.25, minPrecisionAtGrade: {B: 0.4, C: 0.3},
                        minRecallAtGrade: {C: 0.6}}
                challenger: rf
                drift: {warn: 0.05, alert: 0.2}
                """));
        EvaluationConfig e = c.evaluation();
        assertThat(e.gates().minAuc()).hasValue(0.7);
        assertThat(e.gates().minKs()).hasValue(0.3);
        assertThat(e.gates().maxPsi()).hasValue(0.1);
        assertThat(e.gates().maxCsi()).hasValue(0.25);
        assertThat(e.gates().minPrecisionAtGrade()).containsExactly(java.util.Map.entry("B", 0.4), java.util.Map.entry("C", 0.3));
        assertThat(e.gates().minRecallAtGrade()).containsExactly(java.util.Map.entry("C", 0.6));
        assertThat(e.challenger()).contains(dev.scorecard.train.challenger.ChallengerKind.RF);
        assertThat(e.drift()).isEqualTo(new dev.scorecard.train.eval.DriftThresholds(0.05, 0.2));
        assertThat(ConfigReader.read(yaml("")).evaluation()).isEqualTo(EvaluationConfig.defaults());

        Path f = yaml("gates: {minAuc: 1.5}\n");
        assertThatThrownBy(() -> ConfigReader.read(f)).hasMessage(f + ": gates.minAuc: 1.5 is out of range; expected 0.0 to 1.0");
        Path g = yaml("gates: {minGini: 0.4}\n");
        assertThatThrownBy(() -> ConfigReader.read(g)).hasMessageStartingWith(g + ": key 'gates.minGini': unknown key; known keys are minAuc, ");
        Path h = yaml("challenger: xgboost\n");
        assertThatThrownBy(() -> ConfigReader.read(h)).hasMessageContaining("'xgboost' is not one of gbm, rf");
        Path i = yaml("drift: {warn: 0.3, alert: 0.2}\n");
        assertThatThrownBy(() -> ConfigReader.read(i)).hasMessage(i + ": drift thresholds need 0 <= warn <= alert, got warn 0.3 and alert 0.2");
    }
}
