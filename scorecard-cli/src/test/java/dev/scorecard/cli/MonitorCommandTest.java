package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, acceptance 2: drift that is real. UCI bank-additional-full is in time order (May 2008 to
 * November 2010, through the financial crisis); a model trained on the first 60 % and monitored on
 * the last 20 % must see its macro-economic characteristics drift beyond the alert level, while a
 * random 20 % of its own training period must not alert.
 */
class MonitorCommandTest {
    static final Path BANK = Path.of("../../shared/data/raw/bank-marketing/bank-additional-full.csv");
    static final List<String> MACRO = List.of("emp.var.rate", "cons.price.idx", "cons.conf.idx", "euribor3m", "nr.employed");

    @TempDir
    static Path tmp;

    static Path model;
    static Path last20;
    static Path randomFromTraining;

    @BeforeAll
    static void trainOnTheFirstSixtyPercent() throws IOException {
        assumeTrue(Files.exists(BANK), "needs ../shared/data/raw/bank-marketing (CI has it)");
        List<String> lines = Files.readAllLines(BANK, StandardCharsets.UTF_8);
        String header = lines.get(0);
        List<String> rows = lines.subList(1, lines.size());
        int n = rows.size();
        List<String> first60 = rows.subList(0, n * 6 / 10);
        Path train = write("first60.csv", header, first60);
        last20 = write("last20.csv", header, rows.subList(n * 8 / 10, n));
        List<String> shuffled = new ArrayList<>(first60);
        Collections.shuffle(shuffled, new Random(42));
        randomFromTraining = write("random20.csv", header, shuffled.subList(0, n * 2 / 10));
        Path out = tmp.resolve("model");
        CliRun run = CliRun.of("train", "--data", train.toString(), "--target", "y", "--exclude", "duration", "--out",
                out.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        model = out.resolve("model.json");
    }

    private static Path write(String name, String header, List<String> rows) throws IOException {
        List<String> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        all.addAll(rows);
        return Files.write(tmp.resolve(name), all, StandardCharsets.UTF_8);
    }

    @Test
    void theLastTwentyPercentAlertsOnTheMacroCharacteristics() throws IOException {
        Path out = tmp.resolve("late");
        CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", last20.toString(), "--target", "y",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).startsWith("drift alert (at or above 0.25): ");
        List<String> macroInModel = new ArrayList<>();
        String modelText = Files.readString(model);
        for (String m : MACRO) {
            if (modelText.contains("\"name\":\"" + m + "\"") || modelText.contains("\"name\": \"" + m + "\"")) {
                macroInModel.add(m);
            }
        }
        assertThat(macroInModel).as("the model keeps at least one macro-economic characteristic").isNotEmpty();
        for (String m : macroInModel) {
            Matcher csi = Pattern.compile("CSI " + Pattern.quote(m) + " +(\\d+\\.\\d{4}) \\(alert\\)").matcher(run.out());
            assertThat(csi.find()).as(m + " alerts in:\n" + run.out()).isTrue();
            assertThat(Double.parseDouble(csi.group(1))).isGreaterThanOrEqualTo(0.25);
        }
        assertThat(out.resolve("report.html")).exists();
        assertThat(out.resolve("report.json")).exists();
    }

    /**
     * Issue 10, task 4: the macro-economic variables the model dropped move beyond the alert level in
     * the last 20 %, and show in the section for variables outside the model, highest CSI first.
     */
    @Test
    void theMacroVariablesTheModelDroppedAlertInTheirOwnSection() throws IOException {
        Path out = tmp.resolve("outside");
        CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", last20.toString(), "--target", "y",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        ObjectMapper json = new ObjectMapper();
        List<String> inModel = new ArrayList<>();
        json.readTree(model.toFile()).get("characteristics").forEach(c -> inModel.add(c.get("name").asText()));
        List<String> dropped = MACRO.stream().filter(m -> !inModel.contains(m)).toList();
        assertThat(dropped).as("macro variables the model does not use").isNotEmpty();

        JsonNode nonModel = json.readTree(out.resolve("report.json").toFile()).get("nonModel");
        assertThat(nonModel.get("available").asBoolean()).isTrue();
        List<String> names = new ArrayList<>();
        List<Double> csis = new ArrayList<>();
        nonModel.get("variables").forEach(v -> {
            names.add(v.get("name").asText());
            csis.add(v.get("csi").doubleValue());
        });
        assertThat(names).doesNotContainAnyElementsOf(inModel).containsAll(dropped);
        assertThat(csis).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        int section = run.out().indexOf("\nnon-model variables (binned in training, not in the model): ");
        assertThat(section).as(run.out()).isPositive();
        for (String m : dropped) {
            JsonNode v = nonModel.get("variables").get(names.indexOf(m));
            assertThat(v.get("csi").doubleValue()).as(m).isGreaterThanOrEqualTo(0.25);
            assertThat(v.get("level").asText()).as(m).isEqualTo("alert");
            Matcher line = Pattern.compile("\n  CSI " + Pattern.quote(m) + " +(\\d+\\.\\d{4}) \\(alert\\)\n")
                    .matcher(run.out());
            assertThat(line.find(section)).as(m + " in the non-model section of:\n" + run.out()).isTrue();
            System.out.printf(java.util.Locale.ROOT, "MonitorCommandTest: %s (not in the model) CSI %.4f%n", m,
                    v.get("csi").doubleValue());
        }
        // The default --alert-on model: the alert message names only the model's own measures.
        assertThat(run.err()).doesNotContain("(non-model)");
    }

    @Test
    void aRandomSampleOfTheTrainingPeriodDoesNotAlert() {
        CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", randomFromTraining.toString(), "--target",
                "y", "--out", tmp.resolve("same").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("(alert)").containsPattern("score PSI 0\\.0\\d{3} \\(stable\\)");
    }

    @Test
    void periodsByMonthAreReported() {
        CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", last20.toString(), "--by", "month",
                "--out", tmp.resolve("by").toString(), "--warn", "0.1", "--alert", "100");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("  (apr|aug|dec|jul|jun|mar|may|nov|oct|sep): \\d+ rows, score PSI \\d+\\.\\d{4}");
        assertThat(run.out()).doesNotContain("performance:");
    }

    @Test
    void badThresholdsAreAUsageError() {
        CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", last20.toString(), "--warn", "0.3",
                "--alert", "0.2", "--out", tmp.resolve("bad").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--warn/--alert: drift thresholds need 0 <= warn <= alert, got warn 0.3 and alert 0.2");
    }
}
