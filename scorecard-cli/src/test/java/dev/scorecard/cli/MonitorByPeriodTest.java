package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, task 1: {@code monitor --by} on the shipped UCI bank-full, whose {@code month} (jan…dec)
 * and {@code day} (1…31) columns are both characteristics of a model trained on it. Monitoring the
 * training file itself keeps the overall score stable, while single months and days differ from the
 * whole year in their own right.
 */
class MonitorByPeriodTest {
    static final String BANK_FULL = "../datasets/bank-marketing/bank-full.csv.gz";
    static final Pattern PERIOD_LINE = Pattern.compile("(?m)^  (\\S+): \\d+ rows, score PSI .*$");

    @TempDir
    static Path tmp;

    static Path model;
    static CliRun byDay;
    static CliRun byMonth;

    @BeforeAll
    static void trainAndMonitor() {
        Path out = tmp.resolve("model");
        CliRun run = CliRun.of("train", "--data", BANK_FULL, "--target", "y", "--exclude", "duration", "--out",
                out.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        model = out.resolve("model.json");
        byDay = monitorBy("day");
        byMonth = monitorBy("month");
    }

    /** Task 1a: a period's alert from its worst CSI is not printed beside a stable score PSI. */
    @Test
    void eachMeasureCarriesItsOwnLevel() throws IOException {
        JsonNode periods = json("day").get("periods");
        assertThat(periods).hasSize(31);
        int stableScoreButAlert = 0;
        for (JsonNode p : periods) {
            // The line is built from the report's own figures, so console and report.json agree.
            String expected = String.format(Locale.ROOT, "  %s: %d rows, score PSI %.4f (%s); worst CSI %.4f %s (%s)",
                    p.get("label").asText(), p.get("rows").asInt(), p.get("scorePsi").asDouble(),
                    p.get("scoreLevel").asText(), p.get("highestCsi").asDouble(),
                    p.get("highestCsiCharacteristic").asText(), p.get("highestCsiLevel").asText())
                    // Issue 10: then the period's worst variable outside the model, with its own level too.
                    + String.format(Locale.ROOT, "; worst non-model CSI %.4f %s (%s)", p.get("highestNonModelCsi").asDouble(),
                            p.get("highestNonModelCsiVariable").asText(), p.get("highestNonModelCsiLevel").asText());
            assertThat(byDay.outJoined()).contains(expected + "\n");
            assertThat(p.get("highestNonModelCsiLevel").asText()).isEqualTo(level(p.get("highestNonModelCsi").asDouble()));
            assertThat(p.get("scoreLevel").asText()).isEqualTo(level(p.get("scorePsi").asDouble()));
            assertThat(p.get("highestCsiLevel").asText()).isEqualTo(level(p.get("highestCsi").asDouble()));
            if (p.get("scoreLevel").asText().equals("stable") && p.get("level").asText().equals("alert")) {
                stableScoreButAlert++;
            }
        }
        assertThat(stableScoreButAlert).as("the issue's case: stable score PSI in an alerting period").isPositive();
        assertThat(byDay.err()).startsWith("drift alert (at or above 0.25): period 1 (score PSI ");
    }

    /** Task 1b: the --by column is a characteristic, so it is left out of every period's CSI, and said so. */
    @Test
    void aByColumnThatIsACharacteristicIsLeftOutOfThePeriodCsi() throws IOException {
        assertThat(byDay.outJoined()).contains("\nnote: day is a characteristic of the model, so it is left out of the CSI per "
                + "period: each period holds only its own values of it, which would make every period drift\n");
        List<String> lines = periodLines(byDay.outJoined());
        assertThat(lines).hasSize(31).noneMatch(l -> l.contains(" day ("));
        JsonNode root = json("day");
        assertThat(root.get("leftOutOfPeriodCsi").asText()).isEqualTo("day");
        assertThat(names(root.get("stability"))).contains("day");
        for (JsonNode p : root.get("periods")) {
            assertThat(names(p.get("stability"))).doesNotContain("day").contains("month");
        }
        assertThat(tmp.resolve("by-day").resolve("report.html")).content().contains(
                "values of day (day left out of their CSI)",
                "Note: day is a characteristic of the model, so it is left out of the CSI per period");
    }

    /** Task 1c: month names in calendar order, day numbers by value, not as text. */
    @Test
    void periodsSortChronologicallyOrNumerically() throws IOException {
        assertThat(labels(byMonth.outJoined())).containsExactly("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                "oct", "nov", "dec");
        List<String> jsonLabels = new ArrayList<>();
        json("month").get("periods").forEach(p -> jsonLabels.add(p.get("label").asText()));
        assertThat(jsonLabels).isEqualTo(labels(byMonth.outJoined()));

        assertThat(labels(byDay.outJoined())).isEqualTo(IntStream.rangeClosed(1, 31).mapToObj(Integer::toString).toList());
    }

    private static CliRun monitorBy(String column) {
        CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", BANK_FULL, "--target", "y", "--by",
                column, "--out", tmp.resolve("by-" + column).toString());
        // Single months and days alert against the whole file, which is itself close to the baseline.
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.outJoined()).containsPattern("(?m)^score PSI 0\\.0\\d{3} \\(stable\\)$");
        return run;
    }

    private static List<String> periodLines(String out) {
        List<String> lines = new ArrayList<>();
        Matcher m = PERIOD_LINE.matcher(out);
        while (m.find()) {
            lines.add(m.group());
        }
        return lines;
    }

    private static List<String> labels(String out) {
        List<String> labels = new ArrayList<>();
        Matcher m = PERIOD_LINE.matcher(out);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    private static List<String> names(JsonNode stability) {
        List<String> names = new ArrayList<>();
        stability.get("characteristics").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    private static JsonNode json(String byColumn) throws IOException {
        return new ObjectMapper().readTree(tmp.resolve("by-" + byColumn).resolve("report.json").toFile());
    }

    /** The default thresholds: warn from 0.10, alert from 0.25. */
    private static String level(double v) {
        return v >= 0.25 ? "alert" : v >= 0.10 ? "warn" : "stable";
    }
}
