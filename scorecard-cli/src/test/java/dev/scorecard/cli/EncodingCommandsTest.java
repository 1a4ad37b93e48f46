package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --encoding} and {@code encoding:} on every command that reads a CSV (issue 10): the same
 * rows in GB18030 and in UTF-8 give the same bins, the same model and the same scores; read in the
 * wrong encoding, the rows with other bytes are rejected and the error suggests {@code --encoding}.
 */
class EncodingCommandsTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String[] CITIES = {"Paris", "北京", "Lyon", "上海"};
    private static final String ADVICE = "; if the file is not UTF-8, pass --encoding, e.g. --encoding GB18030 or --encoding "
            + "windows-1252";

    @TempDir
    static Path tmp;

    static Path utf8;
    static Path gb;
    static Path utf8Model;
    static Path gbModel;

    /** SmallModel's rows with two Chinese cities, written twice: as UTF-8 and as GB18030. */
    @BeforeAll
    static void trainOnBoth() throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("id,income,age,city,y\n");
        for (int i = 0; i < 600; i++) {
            int income = (10 + rnd.nextInt(191)) * 100;
            int age = 18 + rnd.nextInt(63);
            double p = 0.1 + (income < 6000 ? 0.5 : 0) + (i % 4 >= 2 ? 0.2 : 0) + (age < 30 ? 0.1 : 0);
            int y = rnd.nextDouble() < p ? 1 : 0;
            csv.append('T').append(i).append(',').append(income).append(',').append(age).append(',')
                    .append(CITIES[i % 4]).append(',').append(y).append('\n');
        }
        utf8 = Files.write(tmp.resolve("leads-utf8.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        gb = Files.write(tmp.resolve("leads-gb.csv"), csv.toString().getBytes(GB18030));
        Path config = Files.writeString(tmp.resolve("gb.yaml"), "target: y\nid: [id]\nencoding: GB18030\n");
        utf8Model = train(utf8, tmp.resolve("model-utf8"));
        gbModel = train(gb, tmp.resolve("model-gb"), "--config", config.toString());
    }

    private static Path train(Path data, Path out, String... extra) {
        String[] base = {"train", "--data", data.toString(), "--target", "y", "--id", "id", "--out", out.toString(), "-q"};
        CliRun run = CliRun.of(concat(base, extra));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out.resolve("model.json");
    }

    @Test
    void trainWithTheConfigKeyLearnsTheSameScorecard() throws IOException {
        assertThat(Files.readString(tmp.resolve("model-gb").resolve("scorecard.csv")))
                .isEqualTo(Files.readString(tmp.resolve("model-utf8").resolve("scorecard.csv")))
                .contains("北京", "上海");
    }

    @Test
    void binReadsGb18030WithTheOption() throws IOException {
        CliRun a = CliRun.of("bin", "--data", utf8.toString(), "--target", "y", "--out", tmp.resolve("bins-utf8").toString(), "-q");
        CliRun b = CliRun.of("bin", "--data", gb.toString(), "--target", "y", "--encoding", "GB18030", "--out",
                tmp.resolve("bins-gb").toString());
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.out()).contains(gb + ": 600 rows, delimiter ',', encoding GB18030, 0 rejected\n");
        assertThat(Files.readString(tmp.resolve("bins-gb").resolve("bins.json")))
                .isEqualTo(Files.readString(tmp.resolve("bins-utf8").resolve("bins.json")));
    }

    @Test
    void binReadingGb18030AsUtf8SuggestsTheEncoding() throws IOException {
        Path out = tmp.resolve("bins-wrong");
        CliRun run = CliRun.of("bin", "--data", gb.toString(), "--target", "y", "--out", out.toString(), "-q");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + gb + ": 300 of 600 rows (50.00 %) were rejected, over --max-reject-share "
                + "0.01; see " + out.resolve("rejects.csv") + ADVICE + "\n");
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        assertThat(rejects).hasSize(301);
        // Row T1, on line 3, is the first with a Chinese city (北京, B1B1 BEA9 in GB18030).
        assertThat(rejects.get(1)).matches("3,column 'city': bytes that are not UTF-8 at byte \\d+ \\(0xB1 0xB1 0xBE 0xA9\\),"
                + "T1,\\d+,\\d+,\uFFFD\uFFFD\uFFFD\uFFFD,[01]");
    }

    @Test
    void scoreEvaluateAndMonitorTakeTheOption() throws IOException {
        Path a = tmp.resolve("scored-utf8.csv");
        Path b = tmp.resolve("scored-gb.csv");
        CliRun sa = CliRun.of("score", "--model", utf8Model.toString(), "--data", utf8.toString(), "--id", "id", "--keep", "city",
                "--out", a.toString(), "-q");
        CliRun sb = CliRun.of("score", "--model", gbModel.toString(), "--data", gb.toString(), "--id", "id", "--keep", "city",
                "--encoding", "GB18030", "--out", b.toString(), "-q");
        assertThat(sa.exitCode()).as(sa.err()).isZero();
        assertThat(sb.exitCode()).as(sb.err()).isZero();
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a)).contains(",北京\n");

        CliRun e = CliRun.of("evaluate", "--model", gbModel.toString(), "--data", gb.toString(), "--encoding", "gb18030",
                "--out", tmp.resolve("eval-gb").toString());
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertThat(e.out()).startsWith("600 rows: 600 evaluated, 0 rejected\n");

        CliRun m = CliRun.of("monitor", "--model", gbModel.toString(), "--current", gb.toString(), "--encoding", "GB18030",
                "--out", tmp.resolve("monitor-gb").toString(), "-q");
        assertThat(m.exitCode()).as(m.err()).isZero();
    }

    @Test
    void evaluateAndMonitorInTheWrongEncodingSuggestTheOption() {
        Path out = tmp.resolve("eval-wrong");
        CliRun e = CliRun.of("evaluate", "--model", gbModel.toString(), "--data", gb.toString(), "--out", out.toString());
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.err()).isEqualTo("error: " + gb + ": 300 of 600 rows (50.00 %) could not be evaluated, over "
                + "--max-reject-share 0.01; see " + out.resolve("rejects.csv") + ADVICE + "\n");

        Path mout = tmp.resolve("monitor-wrong");
        CliRun m = CliRun.of("monitor", "--model", gbModel.toString(), "--current", gb.toString(), "--out", mout.toString());
        assertThat(m.exitCode()).isEqualTo(2);
        assertThat(m.err()).isEqualTo("error: " + gb + ": 300 of 600 rows (50.00 %) could not be scored, over "
                + "--max-reject-share 0.01; see " + mout.resolve("rejects.csv") + ADVICE + "\n");
    }

    @Test
    void oneBadByteIsOneRejectedRow() throws IOException {
        byte[] bytes = Files.readAllBytes(utf8);
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte, to find byte offsets
        int at = text.indexOf("\nT10,") + 1 + "T10,".length(); // the first digit of row T10's income
        bytes[at] = (byte) 0xFF;
        Path bad = Files.write(tmp.resolve("one-bad-byte.csv"), bytes);

        Path out = tmp.resolve("bins-one-bad");
        CliRun bin = CliRun.of("bin", "--data", bad.toString(), "--target", "y", "--out", out.toString());
        assertThat(bin.exitCode()).as(bin.err()).isZero();
        assertThat(bin.out()).contains(bad + ": 600 rows, delimiter ',', 1 rejected\n");
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        assertThat(rejects).hasSize(2);
        assertThat(rejects.get(1)).startsWith("12,column 'income': bytes that are not UTF-8 at byte " + at + " (0xFF),T10,\uFFFD");

        Path scored = tmp.resolve("scored-one-bad.csv");
        CliRun score = CliRun.of("score", "--model", utf8Model.toString(), "--data", bad.toString(), "--out", scored.toString());
        assertThat(score.exitCode()).as(score.err()).isZero();
        assertThat(score.out()).startsWith("600 rows: 599 scored, 1 rejected\n");
        assertThat(Files.readAllLines(Path.of(scored + ".rejects.csv")).get(1))
                .startsWith("12,column 'income': bytes that are not UTF-8 at byte " + at + " (0xFF),T10,\uFFFD");
    }

    @Test
    void anUnknownEncodingIsAUsageError() {
        for (String command : List.of("bin", "score")) {
            String[] args = command.equals("bin")
                    ? new String[] {"bin", "--data", utf8.toString(), "--target", "y", "--encoding", "UTF-9", "--out",
                        tmp.resolve("x").toString()}
                    : new String[] {"score", "--model", utf8Model.toString(), "--data", utf8.toString(), "--encoding", "UTF-9",
                        "--out", tmp.resolve("x.csv").toString()};
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.err()).as(command).isEqualTo("error: --encoding: unknown encoding 'UTF-9'; use a name Java knows, "
                    + "such as UTF-8, GB18030, GBK, windows-1252, ISO-8859-1 or UTF-16LE\n");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
