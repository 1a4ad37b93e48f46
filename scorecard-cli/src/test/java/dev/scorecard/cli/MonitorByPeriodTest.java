package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, task 1: {@code monitor --by} on the shipped UCI bank-full, whose {@code month} (jan…dec)
 * and {@code day} (1…31) columns name periods. Monitoring the training file itself keeps the overall
 * score stable, while single months and days differ from the whole year in their own right.
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

    /** Task 1c: month names in calendar order, day numbers by value, not as text. */
    @Test
    void periodsSortChronologicallyOrNumerically() throws IOException {
        assertThat(labels(byMonth.out())).containsExactly("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                "oct", "nov", "dec");
        List<String> jsonLabels = new ArrayList<>();
        json("month").get("periods").forEach(p -> jsonLabels.add(p.get("label").asText()));
        assertThat(jsonLabels).isEqualTo(labels(byMonth.out()));

        assertThat(labels(byDay.out())).isEqualTo(IntStream.rangeClosed(1, 31).mapToObj(Integer::toString).toList());
    }

    private static CliRun monitorBy(String column) {
        CliRun run = CliRun.of("monitor", "--model", model.toString(), "--current", BANK_FULL, "--target", "y", "--by",
                column, "--out", tmp.resolve("by-" + column).toString());
        // Single months and days alert against the whole file, which is itself close to the baseline.
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).containsPattern("(?m)^score PSI 0\\.0\\d{3} \\(stable\\)$");
        return run;
    }

    private static List<String> labels(String out) {
        List<String> labels = new ArrayList<>();
        Matcher m = PERIOD_LINE.matcher(out);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    private static JsonNode json(String byColumn) throws IOException {
        return new ObjectMapper().readTree(tmp.resolve("by-" + byColumn).resolve("report.json").toFile());
    }

}
