package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate-crm}: the summary it prints, the files it writes, and its usage errors (exit 2). */
class GenerateCrmCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheDatasetAndPrintsItsCounts() throws IOException {
        Path out = tmp.resolve("crm");
        CliRun run = CliRun.of("generate-crm", "--leads", "500", "--events", "5000", "--seed", "3", "--threads", "1",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("generated 500 leads, seed 3, 2025-01-01 to 2026-11-30 (+08:00)\n"
                + "channels: 34 (73 sub-channels)\nleads.csv: 500 rows, ");
        assertThat(run.out()).contains("  malformed: 2 wrong field count, 2 bad timestamp, 2 bad value, 2 empty event type\n");
        assertThat(Files.readAllLines(out.resolve("leads.csv"))).hasSize(501);
        for (String f : new String[] {"events.csv", "orders.csv", "truth/leads.csv", "truth/channels.csv", "truth/model.json"}) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        // --threads changes nothing in the files.
        Path again = tmp.resolve("again");
        assertThat(CliRun.of("generate-crm", "--leads", "500", "--events", "5000", "--seed", "3", "--threads", "2", "-q",
                "--out", again.toString()).out()).isEmpty();
        assertThat(Files.readAllBytes(again.resolve("events.csv"))).isEqualTo(Files.readAllBytes(out.resolve("events.csv")));
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        CliRun few = CliRun.of("generate-crm", "--leads", "10", "--out", tmp.toString());
        assertThat(few.exitCode()).isEqualTo(2);
        assertThat(few.err()).isEqualTo("error: --leads must be between 170 (5 per channel) and 20000000, got 10\n");
        CliRun dates = CliRun.of("generate-crm", "--start", "2026-01-01", "--end", "2025-01-01", "--out", tmp.toString());
        assertThat(dates.exitCode()).isEqualTo(2);
        assertThat(dates.err()).isEqualTo("error: --end must be after start, got start 2026-01-01 and end 2025-01-01\n");
        assertThat(tmp.resolve("leads.csv")).doesNotExist();
    }
}
