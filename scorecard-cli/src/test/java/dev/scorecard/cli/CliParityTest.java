package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.Scorecard;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 6's parity suite, the command-line path: on every shipped dataset, a model trained with
 * defaults scores every row through {@code scorecard score} exactly as through the embedded
 * {@code Scorecard.score(Map)} on the same cells: score, grade, reason codes and warnings identical,
 * probability within 1e-9 (SPEC §7). The SQL and PMML paths are held to the same scorer in
 * scorecard-train ({@code SqlExportParityTest}, {@code PmmlParityTest}); the datasets' missing
 * values and the unseen levels and special values of the edge rows there, and of the hostile corpus
 * here ({@code HostileInputTest}), complete it.
 */
class CliParityTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "germancredit/germancredit.csv, creditability, ''",
        "credit-data/credit_data.csv, Status, ''",
        "bank-marketing/bank-full.csv.gz, y, duration",
        "online-shoppers/online_shoppers_intention.csv, Revenue, ''"})
    void theCommandLineScoresEveryRowAsTheEmbeddedScorer(String file, String target, String exclude) throws IOException {
        Path data = Path.of("../datasets").resolve(file);
        Path model = tmp.resolve("model");
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--target", target, "--out",
                model.toString(), "-q"));
        if (!exclude.isEmpty()) {
            args.addAll(List.of("--exclude", exclude));
        }
        CliRun trained = CliRun.of(args.toArray(String[]::new));
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path scored = tmp.resolve("scored.csv");
        CliRun run = CliRun.of("score", "--model", model.resolve("model.json").toString(), "--data", data.toString(),
                "--out", scored.toString(), "--reasons", "4", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();

        Scorecard sc = Scorecard.load(model.resolve("model.json"));
        List<String> mismatches = new ArrayList<>();
        int rows = 0;
        try (CsvRows in = CsvRows.open(data, Optional.empty(), StandardCharsets.UTF_8);
                CsvRows out = CsvRows.open(scored, Optional.of(','), StandardCharsets.UTF_8)) {
            List<String> names = in.header();
            List<String> outNames = out.header();
            assertThat(outNames.subList(0, 8)).containsExactly("score", "probability", "score10", "grade", "reason1",
                    "reason2", "reason3", "reason4");
            while (in.next()) {
                assertThat(out.next()).as("an output row for input line %d", in.line()).isTrue();
                rows++;
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    row.put(names.get(i), in.field(i));
                }
                ScoreResult r = sc.score(row, 4);
                List<String> reasons = new ArrayList<>();
                for (int i = 4; i < 8; i++) {
                    if (!out.field(i).isEmpty()) {
                        reasons.add(out.field(i));
                    }
                }
                boolean same = Double.parseDouble(out.field(0)) == r.score()
                        && Math.abs(Double.parseDouble(out.field(1)) - r.probability()) <= 1e-9
                        && out.field(3).equals(r.grade()) && reasons.equals(r.reasons())
                        && out.field(8).equals(String.join(";", r.warnings()));
                if (!same && mismatches.size() < 5) {
                    mismatches.add("line " + in.line() + ": CLI " + String.join(",", List.of(out.field(0), out.field(1),
                            out.field(3))) + " " + reasons + " vs embedded " + r);
                }
            }
            assertThat(out.next()).as("no extra output row").isFalse();
        }
        assertThat(mismatches).as("%s: rows where the CLI and the embedded scorer differ", file).isEmpty();
        assertThat(rows).isGreaterThan(900);
    }
}
