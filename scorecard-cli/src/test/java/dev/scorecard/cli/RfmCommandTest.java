package dev.scorecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scorecard rfm}, black box: a run's summary and files, and exact errors with exit code 2. */
class RfmCommandTest {
    @TempDir
    Path tmp;

    private Path write(String name, String... lines) throws IOException {
        return Files.write(tmp.resolve(name), List.of(lines));
    }

    @Test
    void writesTheTablesAndSaysWhatAddsUp() throws IOException {
        Path orders = write("orders.csv", "customer_id,order_at,amount", "a,2025-12-01,100", "a,2025-12-11,50",
                "b,2025-10-01,20", "b,2025-12-20,-5", "c,2026-02-01,9");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("rfm", "--orders", orders.toString(), "--as-of", "2026-01-01", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(String.join(System.lineSeparator(),
                "rows: 5 read = 3 orders + 1 refunds + 1 after --as-of + 0 rejected",
                "customers: 2 = 2 scored + 0 without value"));
        assertThat(Files.readAllLines(out.resolve("customers.csv"))).containsExactly(
                "customer_id,recency_days,frequency,monetary,refunds,r_score,f_score,m_score,rfm,segment,cycle_days,"
                    + "own_cycle,nes,due_on,asleep_since",
                "a,21,2,150,0,3,3,3,333,important-value,10,yes,S2,2025-12-21,",
                "b,92,1,15,1,1,1,1,111,general-retain,10,no,S3,2025-10-11,2025-10-31");
        assertThat(out.resolve("segments.csv")).exists();
        assertThat(out.resolve("stages.csv")).exists();
    }

    @Test
    void aBadAsOfIsExitTwoWithItsMessage() throws IOException {
        Path orders = write("orders.csv", "customer_id,order_at,amount", "a,2025-12-01,100");
        CliRun run = CliRun.of("rfm", "--orders", orders.toString(), "--as-of", "soon", "--out",
                tmp.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: --as-of: 'soon' is not a time; expected e.g. 2026-11-30T23:59:59+08:00,"
                + " 2026-11-30 23:59:59 (in --timezone) or 2026-11-30 (its start)");
    }

    @Test
    void aYamlLabelUsedTwiceIsExitTwoNamingItsKey() throws IOException {
        Path orders = write("orders.csv", "customer_id,order_at,amount", "a,2025-12-01,100");
        Path config = write("rfm.yaml", "segments:", "  labels:", "    important-value: best",
                "    important-keep: best");
        CliRun run = CliRun.of("rfm", "--orders", orders.toString(), "--as-of", "2026-01-01", "--config",
                config.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: " + config + ", line 4: key 'segments.labels.important-keep': 'best' is"
                + " also the label of important-value; the segments would overlap in the outputs");
    }

    /**
     * The documented path rfm → train: RFM as of a past instant with the target "ordered again within
     * 90 days", counted here again from the orders file by an independent reading, then a repurchase
     * scorecard trained on it that ranks the customers who bought again well on its test split.
     */
    @Test
    void rfmWithAHorizonTrainsARepurchaseScorecard() throws IOException {
        Path crm = tmp.resolve("crm");
        assertThat(CliRun.of("generate-crm", "--leads", "60000", "--seed", "5", "--out", crm.toString(), "-q")
                .exitCode()).isZero();
        Path rfm = tmp.resolve("rfm");
        CliRun run = CliRun.of("rfm", "--orders", crm.resolve("orders.csv").toString(), "--as-of",
                "2026-06-01T00:00:00+08:00", "--horizon", "90d", "--out", rfm.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        java.time.Instant asOf = java.time.Instant.parse("2026-05-31T16:00:00Z");
        java.time.Instant end = asOf.plus(java.time.Duration.ofDays(90));
        java.util.Set<String> before = new java.util.HashSet<>();
        java.util.Set<String> again = new java.util.HashSet<>();
        List<String> orders = Files.readAllLines(crm.resolve("orders.csv"));
        for (String line : orders.subList(1, orders.size())) {
            String[] f = line.split(",", -1);
            java.time.Instant t = java.time.OffsetDateTime.parse(f[1]).toInstant();
            if (Double.parseDouble(f[2]) < 0) {
                continue;
            }
            if (!t.isAfter(asOf)) {
                before.add(f[0]);
            } else if (!t.isAfter(end)) {
                again.add(f[0]);
            }
        }
        again.retainAll(before);
        assertThat(run.out()).contains("target bought_within_90d: " + again.size() + " of " + before.size()
                + " customers ordered again within 90d");
        List<String> rows = Files.readAllLines(rfm.resolve("customers.csv"));
        assertThat(rows).hasSize(before.size() + 1);
        assertThat(rows.stream().skip(1).filter(l -> l.endsWith(",1")).count()).isEqualTo(again.size());

        Path model = tmp.resolve("model");
        CliRun train = CliRun.of("train", "--data", rfm.resolve("customers.csv").toString(), "--target",
                "bought_within_90d", "--id", "customer_id", "--exclude", "rfm,segment,own_cycle,nes,due_on,asleep_since",
                "--out", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("test +rows +\\d+ +events +\\d+ +AUC (\\d\\.\\d+)")
                .matcher(train.out());
        assertThat(m.find()).as(train.out()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(0.75);
    }
}
