package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, task 2: German credit with two leaks added, a categorical {@code decision} that equals the
 * target and a numeric {@code days_in_arrears} that is 90 or more exactly for the bad loans. Each
 * bin of one class breaks {@code minBinEvents}/{@code minBinNonEvents}, so the binning merges each
 * leak into one bin with IV 0; the outputs must call them pure, not "not predictive".
 */
class PureVariableTest {
    static final String PURE_VALUES = "pure: check for leakage (the values split events from non-events completely; "
            + "the bin constraints merged the pure bins)";

    @TempDir
    static Path tmp;

    static Path data;

    @BeforeAll
    static void addTwoLeaks() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../datasets/germancredit/germancredit.csv"), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",decision,days_in_arrears");
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String target = line.substring(line.lastIndexOf(',') + 1); // the last field, never quoted
            int days = target.equals("bad") ? 90 + i % 200 : i % 60;
            out.add(line + "," + target + "," + String.format(Locale.ROOT, "%d", days));
        }
        data = Files.write(tmp.resolve("leaky.csv"), out, StandardCharsets.UTF_8);
    }

    @Test
    void binCallsThemPureInTheSummaryAndIvCsv() throws IOException {
        Path out = tmp.resolve("bin");
        CliRun run = CliRun.of("bin", "--data", data.toString(), "--target", "creditability", "--positive", "bad",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^decision +0\\.0000 +1 +none +" + java.util.regex.Pattern.quote(
                PURE_VALUES) + "$");
        assertThat(run.out()).containsPattern("(?m)^days_in_arrears +0\\.0000 +1 +none +"
                + java.util.regex.Pattern.quote(PURE_VALUES) + "$");
        List<String> iv = Files.readAllLines(out.resolve("iv.csv"));
        assertThat(iv).contains("decision,categorical,0,1,none,0,optimal,binned," + PURE_VALUES,
                "days_in_arrears,numeric,0,1,none,0,optimal,binned," + PURE_VALUES);
        // A genuine weak variable keeps its plain row.
        assertThat(iv).anyMatch(l -> l.startsWith("present_residence_since,") && l.endsWith(",binned,"));
    }

    @Test
    void trainGivesThePureNoteAsTheSelectionReasonAndInTheReport() throws IOException {
        Path out = tmp.resolve("train");
        CliRun run = CliRun.of("train", "--data", data.toString(), "--target", "creditability", "--positive", "bad",
                "--out", out.toString(), "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> selection = Files.readAllLines(out.resolve("selection.csv"));
        assertThat(selection).contains("decision,0,removed,iv," + PURE_VALUES + "; IV 0.0000 < minIv 0.02",
                "days_in_arrears,0,removed,iv," + PURE_VALUES + "; IV 0.0000 < minIv 0.02");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Not in the model: removed at step &#39;iv&#39;: " + PURE_VALUES
                + "; IV 0.0000 &lt; minIv 0.02.");
    }
}
