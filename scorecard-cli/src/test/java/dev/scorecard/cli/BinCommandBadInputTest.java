package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 4 of the binning issue: each malformed input gets one clear line naming the file (and
 * line and column where they apply), exit code 2, and no stack trace; well-formed oddities (BOM,
 * CRLF, a quoted newline) just work.
 */
class BinCommandBadInputTest {
    @TempDir
    Path tmp;

    private Path file(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private CliRun bin(Path data, String... extra) {
        String[] base = {"bin", "--data", data.toString(), "--target", "y", "--out", tmp.resolve("out").toString(), "-q"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static void assertBadInput(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + message + "\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void emptyFile() throws IOException {
        Path f = file("empty.csv", "");
        assertBadInput(bin(f), f + ": file is empty (no header)");
    }

    @Test
    void headerOnly() throws IOException {
        Path f = file("header.csv", "a,b,y\n");
        assertBadInput(bin(f), f + ": the file has a header but no data rows");
    }

    @Test
    void raggedRow() throws IOException {
        Path f = file("ragged.csv", "a,b,y\n1,2,0\n3,4\n5,6,1\n");
        assertBadInput(bin(f), f + ", line 3: expected 3 fields as in the header, found 2");
    }

    @Test
    void unclosedQuote() throws IOException {
        Path f = file("unclosed.csv", "a,b,y\n1,\"2,0\n3,4,1\n");
        assertBadInput(bin(f), f + ", line 2: unclosed quote: a quoted field opens in the record starting on this "
                + "line and is never closed");
    }

    @Test
    void thirdTargetValueWithoutPositive() throws IOException {
        Path f = file("unknown.csv", "a,b,y\n1,2,0\n3,4,maybe\n5,6,1\n");
        assertBadInput(bin(f), f + ", column 'y': the target has 3 distinct values: '0' (1), 'maybe' (1), '1' (1); "
                + "a binary target has two: pass --positive VALUE to name the event (rows with a third value are then rejected)");
    }

    @Test
    void unknownTargetValueIsRejectedAndCountsAgainstTheLimit() throws IOException {
        StringBuilder csv = new StringBuilder("a,y\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i).append(',').append(i % 3 == 0 ? "1" : "0").append('\n');
        }
        csv.append("7,maybe\n");
        Path f = file("reject.csv", csv.toString());
        Path rejects = tmp.resolve("out").resolve("rejects.csv");
        // 1 of 61 rows is 1.6 %, over the default 1 %: nothing is binned, the rejects file tells why.
        assertBadInput(bin(f, "--positive", "1"), f + ": 1 of 61 rows (1.64 %) were rejected, over --max-reject-share 0.01; see "
                + rejects);
        assertThat(Files.exists(tmp.resolve("out").resolve("bins.json"))).isFalse();
        assertThat(Files.readAllLines(rejects)).containsExactly("line,reason,a,y",
                "62,target 'y' has unexpected value 'maybe' (expected '1' or '0'),7,maybe");
        // Allowed up to 5 %: binned, and the rejected row is still reported.
        CliRun ok = bin(f, "--positive", "1", "--max-reject-share", "0.05");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(Files.exists(tmp.resolve("out").resolve("bins.json"))).isTrue();
    }

    /** As in score: the row is rejected, and counts against --max-reject-share (1 of 60 is 1.67 %). */
    @Test
    void textInAForcedNumericColumn() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i).append(',').append(i == 1 ? "x4" : String.valueOf(i * 2)).append(',').append(i % 2).append('\n');
        }
        Path f = file("forced.csv", csv.toString());
        Path cfg = file("forced.yaml", "types: {b: numeric}\n");
        Path rejects = tmp.resolve("out").resolve("rejects.csv");
        assertBadInput(bin(f, "--config", cfg.toString()),
                f + ": 1 of 60 rows (1.67 %) were rejected, over --max-reject-share 0.01; see " + rejects);
        assertThat(Files.readAllLines(rejects)).containsExactly("line,reason,a,b,y",
                "3,column 'b': value 'x4' is not a number,1,x4,1");
    }

    @Test
    void bomCrlfAndQuotedNewlineAreRead() throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFFcity,n,y\r\n");
        for (int i = 0; i < 40; i++) {
            String city = i % 2 == 0 ? "\"Pune,\r\nwest\"" : "Delhi";
            csv.append(city).append(',').append(i).append(',').append(i % 4 == 0 ? 1 : 0).append("\r\n");
        }
        Path f = file("odd.csv", csv.toString());
        CliRun run = CliRun.of("bin", "--data", f.toString(), "--target", "y", "--out", tmp.resolve("out").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(f + ": 40 rows, delimiter ','");
        String bins = Files.readString(tmp.resolve("out").resolve("bins.csv"));
        // The BOM is gone from the first name, and the quoted level keeps its comma and line break.
        assertThat(bins).contains("\ncity,").contains("Pune,\r\nwest");
    }

    @Test
    void missingFile() {
        Path f = tmp.resolve("nope.csv");
        CliRun run = bin(f);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + f).doesNotContain("Exception");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path f = file("empty.csv", "");
        CliRun run = bin(f, "--verbose");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("InputDataException", "\tat dev.scorecard");
    }
}
