package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scorecard.core.model.json.ModelReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void demoTrainsScoresAndSaysWhereEverythingIs() throws IOException {
        CliRun run = CliRun.of("demo", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).allMatch(l -> l.length() <= 100);
        assertThat(run.out()).contains("1000 applicants, 800 for training, 200 set aside", "scored-applications.csv", "scorecard inspect --model");
        // 200 applications scored, plus the header; the kept target column lets a reader check the grades.
        assertThat(Files.readAllLines(tmp.resolve("scored-applications.csv"))).hasSize(201);
        assertThat(Files.exists(tmp.resolve("model").resolve("model.json"))).isTrue();

        CliRun inspect = CliRun.of("inspect", tmp.resolve("model").resolve("model.json").toString());
        // Issue 11: inspect takes --model as every command does; the bare path stays accepted.
        CliRun withOption = CliRun.of("inspect", "--model", tmp.resolve("model").resolve("model.json").toString());
        assertThat(withOption.exitCode()).as(withOption.err()).isZero();
        assertThat(withOption.out()).isEqualTo(inspect.out());
        CliRun none = CliRun.of("inspect");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err().strip()).isEqualTo("error: inspect needs the model: --model FILE");
        CliRun two = CliRun.of("inspect", "--model", "a.json", "b.json");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err().strip()).isEqualTo("error: inspect reads one model: --model a.json and b.json were both given");
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("base points: ", "status_of_existing_checking_account (β ", "grades:", "  A    score >= ");
        // The lowest grade is shown as the range it is, below the grade above it (it read "score >= any").
        List<String> lines = inspect.out().lines().toList();
        String d = lines.stream().filter(l -> l.startsWith("  D    score >= ")).findFirst().orElseThrow();
        assertThat(lines.get(lines.indexOf(d) + 1)).isEqualTo("  E    score < " + d.substring("  D    score >= ".length()));
    }

    /**
     * Issue 11: the demo is credit scoring, so it uses the credit convention: the riskier an applicant
     * (the higher the probability of the event, a bad loan), the lower the score; the bad applicants
     * score lower on average and fall in the lower grades.
     */
    @Test
    void theDemoScoresTheCreditWay() throws IOException {
        CliRun run = CliRun.of("demo", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("A higher score is a better applicant", "a high score means the event is unlikely",
                "600 points at odds 19, 50 points to double the odds");
        List<String> lines = Files.readAllLines(tmp.resolve("scored-applications.csv"));
        assertThat(lines.get(0)).startsWith("score,probability,score10,grade,").endsWith(",creditability");
        double[] score = new double[lines.size() - 1];
        double[] probability = new double[score.length];
        double bad = 0;
        double good = 0;
        int bads = 0;
        Map<String, Double> gradeRisk = new TreeMap<>();
        Map<String, Integer> gradeRows = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            score[i - 1] = Double.parseDouble(f[0]);
            probability[i - 1] = Double.parseDouble(f[1]);
            gradeRisk.merge(f[3], probability[i - 1], Double::sum);
            gradeRows.merge(f[3], 1, Integer::sum);
            if (f[f.length - 1].equals("bad")) {
                bad += score[i - 1];
                bads++;
            } else {
                good += score[i - 1];
            }
        }
        assertThat(bad / bads).isLessThan(good / (score.length - bads));
        // By hand (SPEC §5): score = offset + factor · ln(good:bad odds), factor = 50 / ln 2, offset =
        // 600 − factor · ln 19; the points are rounded per bin (and the base points), the probability is not.
        int k = ModelReader.read(tmp.resolve("model").resolve("model.json")).characteristics().size();
        double factor = 50 / Math.log(2);
        double offset = 600 - factor * Math.log(19);
        for (int i = 0; i < score.length; i++) {
            double expected = offset + factor * Math.log((1 - probability[i]) / probability[i]);
            assertThat(score[i]).as("row %d", i + 1).isCloseTo(expected, within(0.5 * (k + 1)));
        }
        // Grade A holds the least risky applicants, each grade after it riskier.
        double last = -1;
        for (String g : gradeRisk.keySet()) {
            double mean = gradeRisk.get(g) / gradeRows.get(g);
            assertThat(mean).as("mean probability of grade %s", g).isGreaterThan(last);
            last = mean;
        }
    }

    @Test
    void inspectOfAMissingFileIsAClearError() {
        CliRun run = CliRun.of("inspect", tmp.resolve("none.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + tmp.resolve("none.json") + ": model file not found\n");
    }
}
