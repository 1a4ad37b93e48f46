package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scorecard channels} on the shipped leads sample, black box. */
class ChannelsCommandTest {
    private static final Path SAMPLE = Path.of("..", "examples", "crm", "leads-sample.csv");

    @TempDir
    Path tmp;

    @Test
    void scoresTheSampleAndAddsUpItsRows() throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("channels", "--leads", SAMPLE.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("600 rows: 598 leads counted, 0 created after --as-of, 1 without an outcome, 1 rejected");
        assertThat(Files.readAllLines(out.resolve("channels.csv")).get(0))
                .isEqualTo("channel,sub_channel,leads,conversions,raw_rate,shrunk_rate,lower,upper,thin,score,source");
        assertThat(Files.readAllLines(out.resolve("rejects.csv")).get(1)).startsWith("413,column 'created_at'");
        assertThat(out.resolve("trend.csv")).exists();
        assertThat(out.resolve("channels.html")).exists();

        Path again = tmp.resolve("again");
        CliRun quiet = CliRun.of("channels", "-q", "--leads", SAMPLE.toString(), "--out", again.toString());
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(Files.readAllBytes(again.resolve("channels.csv"))).isEqualTo(Files.readAllBytes(out.resolve("channels.csv")));
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        String out = tmp.resolve("out").toString();
        CliRun zone = CliRun.of("channels", "--leads", SAMPLE.toString(), "--out", out, "--timezone", "Mars/Olympus");
        assertThat(zone.exitCode()).isEqualTo(2);
        assertThat(zone.err()).startsWith("error: --timezone: 'Mars/Olympus' is not a time zone");
        CliRun linear = CliRun.of("channels", "--leads", SAMPLE.toString(), "--out", out, "--mapping", "linear");
        assertThat(linear.exitCode()).isEqualTo(2);
        assertThat(linear.err()).startsWith("error: --mapping linear needs --anchors LOW,HIGH");
        CliRun asOf = CliRun.of("channels", "--leads", SAMPLE.toString(), "--out", out, "--as-of", "soon");
        assertThat(asOf.exitCode()).isEqualTo(2);
        assertThat(asOf.err()).startsWith("error: --as-of: 'soon' is not a time");
        CliRun linearOk = CliRun.of("channels", "-q", "--leads", SAMPLE.toString(), "--out", out, "--mapping", "linear",
                "--anchors", "0.02,0.15", "--as-of", "2026-10-31T23:59:59", "--timezone", "Asia/Shanghai");
        assertThat(linearOk.exitCode()).as(linearOk.err()).isZero();
    }
}
