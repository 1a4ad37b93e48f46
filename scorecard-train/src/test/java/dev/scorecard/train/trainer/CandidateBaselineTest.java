package dev.scorecard.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.binning.Bin;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.json.ModelWriter;
import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.load.CsvLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the model file keeps the bins and training shares of every candidate that binning binned
 * and the model does not use, exactly as binning made them; a column dropped before binning (here a
 * constant and an identifier added to germancredit) has no bins and is not among them.
 */
class CandidateBaselineTest {
    @TempDir
    static Path tmp;

    private static Dataset data;
    private static TrainedScorecard trained;

    @BeforeAll
    static void train() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../datasets/germancredit/germancredit.csv"), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",branch,applicant");
        for (int i = 1; i < lines.size(); i++) {
            out.add(lines.get(i) + ",7,A" + i);
        }
        Path file = Files.write(tmp.resolve("germancredit-plus.csv"), out, StandardCharsets.UTF_8);
        data = CsvLoader.load(file, CsvLoadOptions.defaults("creditability").withPositive("bad")).dataset();
        trained = new ScorecardTrainer(ScorecardConfig.empty()).fit(data);
    }

    @Test
    void everyBinnedCandidateOutsideTheModelIsKeptWithItsBins() {
        List<String> inModel = trained.model().characteristics().stream().map(Characteristic::name).toList();
        Map<String, VariableResult> results = trained.binning().stream()
                .collect(Collectors.toMap(VariableResult::variable, r -> r));
        List<String> expected = trained.binning().stream()
                .filter(r -> r.binned() && !inModel.contains(r.variable())).map(VariableResult::variable).toList();
        List<Baseline.Candidate> candidates = trained.model().baseline().candidates().orElseThrow();

        assertThat(candidates).extracting(Baseline.Candidate::name).containsExactlyElementsOf(expected).isNotEmpty();
        assertThat(results.get("branch").dropReason()).isPresent();
        assertThat(results.get("applicant").dropReason()).isPresent();
        assertThat(candidates).extracting(Baseline.Candidate::name).doesNotContain("branch", "applicant");
        boolean numeric = false;
        boolean categorical = false;
        for (Baseline.Candidate c : candidates) {
            Binning b = results.get(c.name()).binning().orElseThrow();
            assertThat(c.type()).isEqualTo(b.type());
            assertThat(c.labels()).isEqualTo(b.bins().stream().map(Bin::label).toList());
            assertThat(c.shares()).isEqualTo(b.bins().stream().map(Bin::share).toList());
            assertThat(c.missingBin()).isEqualTo(b.missingBin());
            if (c.type() == VariableType.NUMERIC) {
                numeric = true;
                assertThat(c.cuts()).containsExactly(java.util.Arrays.stream(b.cuts()).boxed().toArray(Double[]::new));
            } else {
                categorical = true;
                assertThat(c.elseBin()).isEqualTo(b.elseBin());
                assertThat(c.categories()).isEqualTo(b.bins().stream()
                        .filter(x -> x.kind() == BinKind.REGULAR || x.kind() == BinKind.ELSE).map(Bin::categories).toList());
            }
        }
        assertThat(numeric && categorical).as("both kinds among germancredit's candidates").isTrue();
    }

    /** Binning runs in parallel; the candidates come in column order, so the file does not depend on it. */
    @Test
    void theFileIsTheSameOnAnyThreadCount() {
        byte[] one = ModelWriter.toBytes(trained.model());
        byte[] four = ModelWriter.toBytes(new ScorecardTrainer(ScorecardConfig.empty()).withThreads(4).fit(data).model());
        assertThat(four).isEqualTo(one);
    }
}
