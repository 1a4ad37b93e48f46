package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.ScoreBuffer;
import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 *
 * <p>The same run with {@code --points --woe} (issue 11) writes the same fields plus one points and one
 * WOE column per characteristic, and on every row they add up: base points + Σ points = score exactly
 * (SPEC §5, at the model's rounding: one dataset also trains with {@code rounding: none} and the base
 * points spread), the points are the embedded scorer's, each WOE is that of the row's bin in the model
 * file (0 for none), and intercept + Σ coefficient·WOE gives the probability.
 */
class CliParityTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {3}")
    @CsvSource({
        "germancredit/germancredit.csv, creditability, '', ''",
        "germancredit/germancredit.csv, creditability, '', 'scaling: {rounding: none, spreadBasePoints: true}'",
        "credit-data/credit_data.csv, Status, '', ''",
        "bank-marketing/bank-full.csv.gz, y, duration, ''",
        "online-shoppers/online_shoppers_intention.csv, Revenue, '', ''"})
    void theCommandLineScoresEveryRowAsTheEmbeddedScorer(String file, String target, String exclude, String config)
            throws IOException {
        Path data = Path.of("../datasets").resolve(file);
        Path model = tmp.resolve("model");
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--target", target, "--out",
                model.toString(), "-q"));
        if (!exclude.isEmpty()) {
            args.addAll(List.of("--exclude", exclude));
        }
        if (!config.isEmpty()) {
            Path yaml = tmp.resolve("config.yaml");
            Files.writeString(yaml, config + "\n");
            args.addAll(List.of("--config", yaml.toString()));
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
        pointsAndWoeAddUp(sc, data, scored, file);
    }

    private void pointsAndWoeAddUp(Scorecard sc, Path data, Path plain, String file) throws IOException {
        Path detailed = tmp.resolve("detailed.csv");
        CliRun run = CliRun.of("score", "--model", tmp.resolve("model/model.json").toString(), "--data", data.toString(),
                "--out", detailed.toString(), "--reasons", "4", "--points", "--woe", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        ScorecardModel m = sc.model();
        List<Characteristic> cs = m.characteristics();
        int k = cs.size();
        List<String> names = sc.characteristicNames();
        List<String> mismatches = new ArrayList<>();
        ScoreBuffer buffer = new ScoreBuffer(k, 0);
        try (CsvRows in = CsvRows.open(data, Optional.empty(), StandardCharsets.UTF_8);
                CsvRows before = CsvRows.open(plain, Optional.of(','), StandardCharsets.UTF_8);
                CsvRows out = CsvRows.open(detailed, Optional.of(','), StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(before.header());
            names.forEach(n -> header.add("points_" + n));
            names.forEach(n -> header.add("woe_" + n));
            assertThat(out.header()).isEqualTo(header);
            int fixed = before.header().size();
            List<String> inNames = in.header();
            while (in.next()) {
                assertThat(before.next() && out.next()).isTrue();
                Object[] values = new Object[k];
                for (int j = 0; j < k; j++) {
                    values[j] = in.field(inNames.indexOf(names.get(j)));
                }
                sc.scoreInto(values, 0, ReasonBaseline.MAX, buffer);
                double score = m.basePoints();
                double eta = m.intercept();
                String problem = out.fields().subList(0, fixed).equals(before.fields()) ? null
                        : "the score columns differ from the run without --points --woe";
                for (int j = 0; j < k && problem == null; j++) {
                    double points = Double.parseDouble(out.field(fixed + j));
                    double woe = Double.parseDouble(out.field(fixed + k + j));
                    int bin = buffer.bin(j);
                    double woeInModel = bin >= 0 ? cs.get(j).bins().get(bin).woe() : 0;
                    if (points != buffer.points(j) || woe != woeInModel) {
                        problem = names.get(j) + ": points " + points + " WOE " + woe + " instead of "
                                + buffer.points(j) + " and " + woeInModel;
                    }
                    score += points;
                    eta += cs.get(j).coefficient() * woe;
                }
                if (problem == null && score != Double.parseDouble(out.field(0))) {
                    problem = "base points + points = " + score + " but the score is " + out.field(0);
                }
                double p = 1 / (1 + Math.exp(-eta));
                if (problem == null && !(Math.abs(p - Double.parseDouble(out.field(1))) <= 1e-9)) {
                    problem = "intercept + coefficients x WOE give the probability " + p + ", not " + out.field(1);
                }
                if (problem != null && mismatches.size() < 5) {
                    mismatches.add("line " + in.line() + ": " + problem);
                }
            }
            assertThat(out.next()).isFalse();
        }
        assertThat(mismatches).as("%s: rows whose points and WOE do not add up", file).isEmpty();
    }
}
