package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the readable outputs list every level of a categorical bin (bins.csv, scorecard.csv, the
 * Markdown export and the report's bin and points tables), where the bin's label, kept short for
 * reason codes and charts, lists twelve and "… (8 more)".
 */
class EveryLevelListedTest {
    @TempDir
    Path tmp;

    @Test
    void everyLevelOfABinOfTwentyIsListed() throws IOException {
        // Forty cities in two groups of twenty with very different event rates: two bins of twenty levels.
        SplittableRandom r = new SplittableRandom(4);
        StringBuilder csv = new StringBuilder("city,y\n");
        for (int i = 0; i < 8000; i++) {
            int city = r.nextInt(40);
            boolean risky = city >= 20;
            csv.append(String.format("C%02d", city)).append(',').append(r.nextDouble() < (risky ? 0.5 : 0.1) ? 1 : 0).append('\n');
        }
        Path data = Files.writeString(tmp.resolve("cities.csv"), csv);
        Path out = tmp.resolve("model");
        CliRun run = CliRun.of("train", "--data", data.toString(), "--target", "y", "--max-bins", "2", "--out", out.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<String> safe = new ArrayList<>();
        List<String> risky = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            (c < 20 ? safe : risky).add(String.format("C%02d", c));
        }
        String model = Files.readString(out.resolve("model.json"));
        assertThat(model).as("the model's label stays short").contains("(8 more)");
        for (String f : List.of("bins.csv", "scorecard.csv", "report.html")) {
            String text = Files.readString(out.resolve(f));
            if (!f.equals("report.html")) { // the report's charts keep the short label; its tables list every level
                assertThat(text).as(f).doesNotContain("more)");
            }
            assertThat(levelsInOneCell(text, safe)).as(f + " lists the safe group whole").isTrue();
            assertThat(levelsInOneCell(text, risky)).as(f + " lists the risky group whole").isTrue();
        }
        Path md = tmp.resolve("scorecard.md");
        assertThat(CliRun.of("export", "--model", out.resolve("model.json").toString(), "--format", "markdown", "--out",
                md.toString()).exitCode()).isZero();
        assertThat(Files.readString(md)).doesNotContain("more)");
        assertThat(levelsInOneCell(Files.readString(md), safe)).isTrue();
    }

    /** True when some line holds every level of the group, in some order, joined by " | ". */
    private static boolean levelsInOneCell(String text, List<String> group) {
        return text.lines().anyMatch(l -> group.stream().allMatch(g -> l.contains(g + " |") || l.contains("| " + g)));
    }
}
