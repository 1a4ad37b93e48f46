package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, {@code --alert-on model|all}: a population that moves only under a variable the model
 * dropped. The event depends on {@code x}; {@code xRounded} is {@code x} rounded, so training bins it
 * but selection drops it as a near copy of {@code x} (WOE correlation above 0.7), and it stays a
 * candidate outside the model. The current file draws {@code x} as training did and moves the dropped
 * one out of its training range in week w2: the model sees nothing, the non-model section alerts.
 * {@code week} is a candidate too (it has nothing to do with the event), as it is in training.
 */
class MonitorAlertOnTest {
    @TempDir
    static Path tmp;

    static Path model;
    static String outside;
    static Path current;

    @BeforeAll
    static void trainAndShift() throws IOException {
        Path train = write("train.csv", 4000, 11, false);
        Path out = tmp.resolve("model");
        CliRun run = CliRun.of("train", "--data", train.toString(), "--target", "y", "--out", out.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        model = out.resolve("model.json");
        JsonNode m = new ObjectMapper().readTree(model.toFile());
        List<String> characteristics = new ArrayList<>();
        m.get("characteristics").forEach(c -> characteristics.add(c.get("name").asText()));
        assertThat(characteristics).as("one of the two copies is kept").hasSize(1);
        outside = characteristics.get(0).equals("x") ? "xRounded" : "x";
        List<String> candidates = new ArrayList<>();
        m.get("baseline").get("candidates").forEach(c -> candidates.add(c.get("name").asText()));
        assertThat(candidates).containsExactlyInAnyOrder("week", outside);
        current = write("current.csv", 2000, 12, true);
    }

    /** Rows of {@code x} uniform on [0, 10), the event with probability 1 / (1 + e^(5 − x)). */
    private static Path write(String name, int rows, long seed, boolean shift) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("week,x,xRounded,y\n");
        for (int i = 0; i < rows; i++) {
            double x = Math.round(rnd.nextDouble() * 1000) / 100.0;
            int y = rnd.nextDouble() < 1 / (1 + Math.exp(5 - x)) ? 1 : 0;
            String week = i % 2 == 0 ? "w1" : "w2";
            boolean moved = shift && week.equals("w2");
            double xOut = x + (moved && outside.equals("x") ? 20 : 0);
            long rounded = Math.round(x) + (moved && outside.equals("xRounded") ? 20 : 0);
            csv.append(week).append(',').append(xOut).append(',').append(rounded).append(',').append(y).append('\n');
        }
        return Files.writeString(tmp.resolve(name), csv);
    }

    private static JsonNode report(String dir) throws IOException {
        return new ObjectMapper().readTree(tmp.resolve(dir).resolve("report.json").toFile());
    }

    @Test
    void byDefaultOnlyTheModelsMeasuresAlert() throws IOException {
        CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", current.toString(), "--out",
                tmp.resolve("model-only").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.outJoined()).containsPattern("(?m)^score PSI 0\\.0\\d{3} \\(stable\\)$")
                .contains("non-model variables (binned in training, not in the model): 1 of 2 drift\n")
                .containsPattern("(?m)^  CSI " + outside + " +\\d+\\.\\d{4} \\(alert\\)$")
                .contains("note: only variables outside the model alert, which does not change the exit code; "
                        + "--alert-on all makes it 3\n");
        JsonNode r = report("model-only");
        assertThat(r.get("level").asText()).isEqualTo("stable");
        assertThat(r.get("alertOn").asText()).isEqualTo("model");
        assertThat(r.get("nonModel").get("available").asBoolean()).isTrue();
        assertThat(r.get("nonModel").get("level").asText()).isEqualTo("alert");
        assertThat(r.get("nonModel").get("variables").get(0).get("csi").doubleValue()).isGreaterThanOrEqualTo(0.25);
    }

    @Test
    void withAllTheyExitThreeNamingTheMeasure() throws IOException {
        CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", current.toString(), "--alert-on",
                "all", "--out", tmp.resolve("all").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        double csi = report("all").get("nonModel").get("variables").get(0).get("csi").doubleValue();
        assertThat(run.err()).isEqualTo(String.format(java.util.Locale.ROOT,
                "drift alert (at or above 0.25): %s CSI %.4f (non-model); see %s%n", outside, csi,
                tmp.resolve("all").resolve("report.html")));
        assertThat(run.outJoined()).doesNotContain("note: only variables outside the model alert");
        assertThat(report("all").get("level").asText()).isEqualTo("alert");
        assertThat(report("all").get("alertOn").asText()).isEqualTo("all");
    }

    @Test
    void perPeriodTheWorstNonModelCsiIsShownAndAlertsWithAll() throws IOException {
        CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", current.toString(), "--by", "week",
                "--alert-on", "all", "--out", tmp.resolve("by-week").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        // week splits the rows into periods, so each period holds one value of it: left out of their CSI.
        assertThat(run.outJoined()).contains("note: week is a variable the model does not use, so it is left out of the "
                + "non-model CSI per period: each period holds only its own values of it, which would make every period "
                + "drift\n");
        assertThat(report("by-week").get("leftOutOfPeriodNonModelCsi").asText()).isEqualTo("week");
        assertThat(report("by-week").get("nonModel").toString()).contains("\"name\":\"week\"");
        JsonNode periods = report("by-week").get("periods");
        periods.forEach(p -> assertThat(p.get("nonModelCsi").toString()).doesNotContain("week"));
        JsonNode w1 = periods.get(0);
        JsonNode w2 = periods.get(1);
        assertThat(w1.get("highestNonModelCsiVariable").asText()).isEqualTo(outside);
        assertThat(w1.get("highestNonModelCsiLevel").asText()).isEqualTo("stable");
        assertThat(w2.get("highestNonModelCsiLevel").asText()).isEqualTo("alert");
        assertThat(w2.get("level").asText()).isEqualTo("alert");
        assertThat(run.outJoined()).containsPattern("(?m)^  w1: 1000 rows, score PSI \\d\\.\\d{4} \\(stable\\); worst CSI "
                + "\\d\\.\\d{4} \\S+ \\(stable\\); worst non-model CSI \\d\\.\\d{4} " + outside + " \\(stable\\)$");
        assertThat(run.outJoined()).containsPattern("(?m)^  w2: 1000 rows, .*; worst non-model CSI \\d+\\.\\d{4} " + outside
                + " \\(alert\\)$");
        assertThat(run.err()).contains(String.format(java.util.Locale.ROOT, "period w2 (worst non-model CSI %.4f %s)",
                w2.get("highestNonModelCsi").doubleValue(), outside));
    }

    /** SPEC §6 and §13: the model file and the monitoring outputs do not depend on threads or the locale. */
    @Test
    void theOutputsAreTheSameOnAnyThreadCountAndInAnyLocale() throws IOException {
        Path train = tmp.resolve("train.csv");
        for (String threads : List.of("1", "3")) {
            Path out = tmp.resolve("model-threads-" + threads);
            CliRun run = CliRun.of("train", "--data", train.toString(), "--target", "y", "--threads", threads, "--out",
                    out.toString(), "-q");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readAllBytes(out.resolve("model.json"))).as("threads " + threads)
                    .isEqualTo(Files.readAllBytes(model));
        }
        java.util.Locale saved = java.util.Locale.getDefault();
        List<String> printed = new ArrayList<>();
        try {
            for (java.util.Locale locale : List.of(java.util.Locale.ROOT, java.util.Locale.GERMANY,
                    java.util.Locale.forLanguageTag("tr-TR"), java.util.Locale.forLanguageTag("ar-EG"))) {
                java.util.Locale.setDefault(locale);
                Path out = tmp.resolve("locale-" + printed.size());
                CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", current.toString(), "--by",
                        "week", "--out", out.toString());
                printed.add(run.out().replace(out.toString(), "OUT"));
                for (String f : List.of("report.json", "report.html")) {
                    assertThat(Files.readAllBytes(out.resolve(f))).as(locale + " " + f)
                            .isEqualTo(Files.readAllBytes(tmp.resolve("locale-0").resolve(f)));
                }
            }
        } finally {
            java.util.Locale.setDefault(saved);
        }
        assertThat(printed).containsOnly(printed.get(0));
    }

    @Test
    void anUnknownValueIsAUsageError() {
        CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", current.toString(), "--alert-on",
                "everything", "--out", tmp.resolve("bad").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--alert-on: 'everything' is not one of model, all");
        assertThat(tmp.resolve("bad")).doesNotExist();
    }

    @Test
    void helpShowsTheOptionAndAnExample() {
        CliRun run = CliRun.of("monitor", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--alert-on=WHAT", "Default model.",
                "\n  scorecard monitor --model model.json --current leads_2026_11.csv \\\n      --alert-on all --out out/monitor\n");
    }

    /**
     * A model file written before candidate baselines were stored (the kept-forever core fixture)
     * loads and is monitored as before; the non-model section says it is unavailable and why.
     */
    @Test
    void anOldModelFileSaysNonModelDriftIsUnavailable() throws IOException {
        Path old = Path.of("../scorecard-core/src/test/resources/model/v1/small-model.json");
        assertThat(Files.readString(old)).doesNotContain("candidates");
        StringBuilder csv = new StringBuilder("duration,purpose\n");
        String[] purposes = {"car (new)", "radio/television", "business", "education"};
        for (int i = 0; i < 40; i++) {
            csv.append(4 + i % 30).append(',').append(purposes[i % 4]).append('\n');
        }
        Path leads = Files.writeString(tmp.resolve("old-leads.csv"), csv);
        List<Integer> exits = new ArrayList<>();
        for (String on : List.of("model", "all")) {
            CliRun run = CliRun.of("monitor", "--model", old.toString(), "--current", leads.toString(), "--alert-on", on,
                    "--out", tmp.resolve("old-" + on).toString());
            exits.add(run.exitCode());
            assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
            assertThat(run.outJoined()).contains("note: non-model drift is unavailable for this model: its file keeps no "
                    + "baseline of the variables it does not use (it was written before scorecard stored one); retrain "
                    + "to get it\n");
            JsonNode n = report("old-" + on).get("nonModel");
            assertThat(n.get("available").asBoolean()).isFalse();
            assertThat(n.get("variables")).isEmpty();
        }
        assertThat(exits.get(1)).as("--alert-on all has nothing more to alert on").isEqualTo(exits.get(0));
    }
}
