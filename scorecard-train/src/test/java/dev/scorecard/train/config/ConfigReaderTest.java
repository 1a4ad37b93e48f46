package dev.scorecard.train.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.binning.BinningMethod;
import dev.scorecard.core.binning.Monotonic;
import dev.scorecard.train.eval.CutoffOptions;
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
        assertThatThrownBy(() -> ConfigReader.read(f)).hasMessage(f + ", line 1: key 'binning.maxBins': must be a whole number, got 'eight'");
        Path g = yaml("binning: {monotonic: up}\n");
        assertThatThrownBy(() -> ConfigReader.read(g)).hasMessage(g + ", line 1: key 'binning.monotonic': monotonic: 'up' is not one of "
                + "auto, ascending, descending, peak, valley, none");
        Path h = yaml("targt: y\n");
        assertThatThrownBy(() -> ConfigReader.read(h)).hasMessageStartingWith(h + ", line 1: key 'targt': unknown key; known keys are target, ");
        Path i = yaml("binning: {maxBins: 0}\n");
        assertThatThrownBy(() -> ConfigReader.read(i)).hasMessage(i + ", line 1: key 'binning.maxBins': maxBins: 0 is out of range; expected from 1 to 100");
        Path j = yaml("target: [a\n");
        assertThatThrownBy(() -> ConfigReader.read(j)).hasMessageStartingWith(j + ", line 1: not valid YAML: ");
        assertThatThrownBy(() -> ConfigReader.read(tmp.resolve("none.yaml"))).hasMessage(tmp.resolve("none.yaml") + ": config file not found");
        Path k = yaml("encoding: latin-9000\n");
        assertThatThrownBy(() -> ConfigReader.read(k)).hasMessage(k + ", line 1: key 'encoding': unknown encoding 'latin-9000'; use a name "
                + "Java knows, such as UTF-8, GB18030, GBK, windows-1252, ISO-8859-1 or UTF-16LE");
    }

    /** As data errors name the CSV line, config errors name the YAML line of the key, in block and flow style. */
    @Test
    void errorsNameTheLineOfTheKey() throws IOException {
        assertError("target: y\nbinning:\n  method: optimal\n  maxBins: eight\n",
                "line 4: key 'binning.maxBins': must be a whole number, got 'eight'");
        assertError("target: y\nvariables:\n  age:\n    maxbins: 5\n",
                "line 4: key 'variables.age.maxbins': unknown key; known keys are method, maxPrebins, minBinShare, "
                        + "minBinEvents, minBinNonEvents, maxBins, monotonic, chiThreshold, bins, minLevelShare, missing; did you mean 'maxBins'?");
        assertError("target: y\n\n# comments count as lines\nbinning:\n  maxBins: 0\n",
                "line 5: key 'binning.maxBins': maxBins: 0 is out of range; expected from 1 to 100");
        assertError("target: y\ntypes:\n  zip: text\n",
                "line 3: key 'types.zip': column type: 'text' is not one of numeric, categorical");
        assertError("target: y\nspecialValues:\n  pdays: -1\n",
                "line 3: key 'specialValues.pdays': must be a list of values, or a list of lists of values (one bin per list)");
        assertError("target: y\nspecialValues:\n  pdays: [-1, none]\n",
                "line 3: key 'specialValues.pdays': must be a number, got 'none'");
        assertError("exclude: [a, {b: 1}]\n", "line 1: key 'exclude': must be a single value, got a mapping");
        assertError("target: y\nunseen: ignore\n",
                "line 2: key 'unseen': unseen: 'ignore' is not one of else-bin-neutral, reject");
        assertError("target: y\nchallenger: xgboost\n", "line 2: key 'challenger': challenger: 'xgboost' is not one of gbm, rf");
        assertError("selection:\n  stepwise: sideways\n",
                "line 2: key 'selection.stepwise': stepwise: 'sideways' is not one of none, forward, backward, both");
        assertError("target: y\nscaling:\n  basePoints: 600\n  rounding: half\n",
                "line 4: key 'scaling.rounding': rounding: 'half' is not one of none, integer");
        assertError("- a\n- b\n", "line 1: the config must be a mapping of keys to values");
    }

    /** An options record checks its values together; its message names the key, and the error gives that key's line. */
    @Test
    void rangeErrorsOfOptionsNameTheLineOfTheKeyTheyAreAbout() throws IOException {
        assertError("target: y\ngates:\n  minKs: 0.3\n  minAuc: 1.5\n", "line 4: gates.minAuc: 1.5 is out of range; expected 0.0 to 1.0");
        assertError("gates:\n  minRecallAtGrade:\n    B: 2\n", "line 3: gates.minRecallAtGrade.B: 2.0 is out of range; expected 0 to 1");
        assertError("target: y\ndrift: {warn: 0.3, alert: 0.2}\n",
                "line 2: drift thresholds need 0 <= warn <= alert, got warn 0.3 and alert 0.2");
        assertError("selection:\n  maxIv: 0.1\n  minIv: 0.5\n",
                "line 3: minIv 0.5 and maxIv 0.1 are out of range; expected 0 <= minIv < maxIv");
        assertError("selection:\n  maxVif: 0.5\n", "line 2: maxVif: 0.5 is out of range; expected at least 1");
        assertError("regression:\n  l2: -1\n", "line 2: l2: -1.0 is out of range; expected at least 0");
        assertError("target: y\nscaling:\n  pdo: 0\n", "line 3: pdo: 0.0 is out of range; expected a finite number above 0");
        assertError("target: y\nsplit: 1.5\n", "line 2: split: 1.5 is out of range; expected above 0 and below 1");
        assertError("target: y\nootFrom: 2026-06\n", "line 2: timeColumn and ootFrom go together: give both or neither");
        assertError("ootFrom: 2026-06\ntimeColumn: month\nsplit: 2\n", "line 3: split: 2.0 is out of range; expected above 0 and below 1");
        assertError("target: y\ngrades:\n  names: [A, B]\n  shares: [0.5]\n", "line 2: grades: 2 names need as many shares, found 1");
    }

    private void assertError(String text, String expected) throws IOException {
        Path f = yaml(text);
        assertThatThrownBy(() -> ConfigReader.read(f)).as(text).hasMessage(f + ", " + expected);
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
        assertThatThrownBy(() -> ConfigReader.read(f)).hasMessage(f + ", line 1: gates.minAuc: 1.5 is out of range; expected 0.0 to 1.0");
        Path g = yaml("gates: {minGini: 0.4}\n");
        assertThatThrownBy(() -> ConfigReader.read(g)).hasMessageStartingWith(g + ", line 1: key 'gates.minGini': unknown key; known keys are minAuc, ");
        Path h = yaml("challenger: xgboost\n");
        assertThatThrownBy(() -> ConfigReader.read(h)).hasMessageContaining("'xgboost' is not one of gbm, rf");
        Path i = yaml("drift: {warn: 0.3, alert: 0.2}\n");
        assertThatThrownBy(() -> ConfigReader.read(i)).hasMessage(i + ", line 1: drift thresholds need 0 <= warn <= alert, got warn 0.3 and alert 0.2");
    }

    @Test
    void readsTheCutoffBands() throws IOException {
        CutoffOptions ten = CutoffOptions.bands(10);
        assertThat(ConfigReader.read(yaml("target: y\n")).evaluation().cutoffs()).isEqualTo(ten);
        assertThat(ConfigReader.read(yaml("cutoffs: {bands: 20}\n")).evaluation().cutoffs()).isEqualTo(CutoffOptions.bands(20));
        assertThat(ConfigReader.read(yaml("cutoffs:\n  width: 20\n")).evaluation().cutoffs()).isEqualTo(CutoffOptions.width(20));
        assertThat(ConfigReader.read(yaml("cutoffs: {width: 0.5}\n")).evaluation().cutoffs()).isEqualTo(CutoffOptions.width(0.5));
    }

    /** Each error names the line and the key, as the other blocks' do. */
    @Test
    void cutoffErrorsNameTheLineAndTheKey() throws IOException {
        assertError("target: y\ncutoffs:\n  bands: 10\n  width: 20\n",
                "line 2: cutoffs: give either bands (equal-frequency bands) or width (equal-width bands), not both");
        assertError("target: y\ncutoffs: {}\n",
                "line 2: cutoffs: give either bands (equal-frequency bands) or width (equal-width bands), not neither");
        assertError("target: y\ncutoffs:\n  bands: 0\n", "line 3: cutoffs.bands: 0 is out of range; expected at least 1");
        assertError("target: y\ncutoffs:\n  width: -5\n",
                "line 3: cutoffs.width: -5.0 is out of range; expected a finite number above 0");
        assertError("target: y\ncutoffs:\n  bands: ten\n", "line 3: key 'cutoffs.bands': must be a whole number, got 'ten'");
        assertError("target: y\ncutoffs:\n  bands: 2.5\n", "line 3: key 'cutoffs.bands': must be a whole number, got '2.5'");
        assertError("target: y\ncutoffs:\n  width: wide\n", "line 3: key 'cutoffs.width': must be a number, got 'wide'");
        assertError("target: y\ncutoffs:\n  bins: 10\n", "line 3: key 'cutoffs.bins': unknown key; known keys are bands, width");
        assertError("target: y\ncutoffs: 10\n", "line 2: key 'cutoffs': must be a mapping, got '10'");
    }

    @Test
    void readsTheCrossValidation() throws IOException {
        assertThat(ConfigReader.read(yaml("target: y\n")).training().cv()).isEqualTo(CvOptions.defaults());
        assertThat(ConfigReader.read(yaml("cv: 5\n")).training().cv()).isEqualTo(CvOptions.defaults().withFolds(5));
        assertThat(ConfigReader.read(yaml("cv: {l2: [0, 10]}\n")).training().cv())
                .isEqualTo(new CvOptions(5, List.of(0.05, 0.02), List.of(0.0, 10.0), List.of(0.7, 0.9)));
        assertThat(ConfigReader.read(yaml("cv:\n  folds: 3\n  minBinShare: [0.1]\n  maxCorrelation: [0.6, 0.8]\n"))
                .training().cv()).isEqualTo(new CvOptions(3, List.of(0.1), List.of(0.0, 1.0, 5.0, 20.0), List.of(0.6, 0.8)));
    }

    @Test
    void crossValidationErrorsNameTheLineAndTheKey() throws IOException {
        assertError("target: y\ncv: 1\n", "line 2: folds: 1 is out of range; expected 0 (off) or 2 to 20 folds");
        assertError("target: y\ncv:\n  folds: 3\n  l2: [-1]\n", "line 4: l2: -1.0 is out of range; expected a finite number, at least 0");
        assertError("target: y\ncv:\n  minBinShare: []\n", "line 3: minBinShare: no candidate values; expected at least one");
        assertError("target: y\ncv:\n  maxCorrelation: [1.5]\n",
                "line 3: maxCorrelation: 1.5 is out of range; expected above 0 and at most 1");
        assertError("target: y\ncv:\n  fold: 3\n", "line 3: key 'cv.fold': unknown key; known keys are folds, minBinShare, l2, maxCorrelation; did you mean 'folds'?");
        assertError("target: y\ncv: five\n", "line 2: key 'cv': must be a mapping, got 'five'");
    }
}
