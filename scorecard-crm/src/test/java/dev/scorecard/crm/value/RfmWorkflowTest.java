package dev.scorecard.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RfmWorkflowTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-01-01");

    @TempDir
    Path dir;

    private RfmWorkflow.Outcome run(Path orders, Path out, Optional<Path> config, Optional<String> against,
            Optional<Path> previous) {
        return RfmWorkflow.run(new RfmWorkflow.Request(orders, AS_OF.toString(), out, config, against, previous,
                InputFormat.DEFAULT, 0.5));
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, lines);
        return p;
    }

    private static String at(LocalDate day) {
        return day + "T12:00:00Z";
    }

    /** Per customer id its customers.csv row as a map of column to value. */
    private static Map<String, Map<String, String>> customers(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], f[i]);
            }
            out.put(f[0], row);
        }
        return out;
    }

    /**
     * Five customers built in each of the eight segments: recent = last order 5 days before the as-of,
     * lapsed = 300 days; frequent = 6 orders 10 days apart, rare = 1; valuable = 6000 in total, cheap = 60.
     * The means (and medians) fall between the two designs (152.5 days, 3.5 orders, 3030), so each
     * customer's segment is the one it was built for.
     */
    static List<String> designedOrders(Map<String, String> expected, long seed) {
        List<String> rows = new ArrayList<>();
        for (Segment s : Segment.values()) {
            for (int k = 0; k < 5; k++) {
                String id = s.configName + "-" + k;
                expected.put(id, s.configName);
                int n = s.frequent ? 6 : 1;
                LocalDate last = AS_OF.minusDays(s.recent ? 5 + k : 300 + k);
                double total = s.valuable ? 6000 : 60;
                for (int j = 0; j < n; j++) {
                    rows.add(id + "," + at(last.minusDays(10L * j)) + "," + String.format(java.util.Locale.ROOT, "%.2f",
                            total / n) + ",math");
                }
            }
        }
        Collections.shuffle(rows, new Random(seed));
        rows.add(0, "customer_id,order_at,amount,course");
        return rows;
    }

    @Test
    void customersBuiltInEachOfTheEightSegmentsAreRecovered() throws IOException {
        for (String against : List.of("mean", "median")) {
            Map<String, String> expected = new HashMap<>();
            Path orders = write("orders.csv", designedOrders(expected, 7));
            Path out = dir.resolve("out-" + against);
            RfmWorkflow.Outcome o = run(orders, out, Optional.empty(), Optional.of(against), Optional.empty());
            Map<String, Map<String, String>> got = customers(out.resolve(RfmWorkflow.CUSTOMERS_CSV));
            assertThat(got).hasSize(40);
            for (Map.Entry<String, String> e : expected.entrySet()) {
                assertThat(got.get(e.getKey()).get("segment")).as(e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(o.segments()).hasSize(9);
            for (int g = 0; g < 8; g++) {
                assertThat(o.segments().get(g).customers()).isEqualTo(5);
            }
            assertThat(o.segments().get(8).customers()).isZero();
            assertThat(Files.readAllLines(out.resolve(RfmWorkflow.SEGMENTS_CSV))).containsExactly(
                    "segment,customers,customer_share,monetary,value_share",
                    "important-value,5,0.125,30000,0.2475",
                    "important-develop,5,0.125,30000,0.2475",
                    "important-keep,5,0.125,30000,0.2475",
                    "important-retain,5,0.125,30000,0.2475",
                    "general-value,5,0.125,300,0.0025",
                    "general-develop,5,0.125,300,0.0025",
                    "general-keep,5,0.125,300,0.0025",
                    "general-retain,5,0.125,300,0.0025",
                    "no-value,0,0,0,0",
                    "all,40,1,121200,1");
        }
    }

    @Test
    void quintileScoresGiveTiesTheLowestRanksScore() throws IOException {
        Map<String, String> expected = new HashMap<>();
        Path orders = write("orders.csv", designedOrders(expected, 1));
        run(orders, dir.resolve("out"), Optional.empty(), Optional.empty(), Optional.empty());
        Map<String, Map<String, String>> got = customers(dir.resolve("out").resolve(RfmWorkflow.CUSTOMERS_CSV));
        // 20 of 40 have 1 order: none below them, score 1 + 5*0/40 = 1; the 20 with 6 have 20 below: 1 + 100/40 = 3.
        assertThat(got.get("general-retain-0").get("f_score")).isEqualTo("1");
        assertThat(got.get("important-value-0").get("f_score")).isEqualTo("3");
        // Recency: important-value-0 (5 days) has the 39 others worse: 1 + 195/40 = 5; general-retain-4 (304
        // days) has none worse: 1.
        assertThat(got.get("important-value-0").get("r_score")).isEqualTo("5");
        assertThat(got.get("general-retain-4").get("r_score")).isEqualTo("1");
        assertThat(got.get("important-value-0").get("rfm")).isEqualTo("533");
    }

    /**
     * By hand: a orders on days -60, -50, -30 (gaps 10 and 20, median 15 days), 30 days ago = 2 cycles:
     * past 1 (due), not past 2: S1, due 2025-12-17. b on -55, -45, -35 (cycle 10), 35 days ago = 3.5 cycles:
     * S3, asleep since -35 + 30 = 2025-12-27. The population's cycle is the median of 15 and 10: 12.5
     * days. c one order 5 days ago: N, due at -5 + 12.5 = 2026-01-08 12:00. d one order 40 days ago =
     * 3.2 cycles: S3, asleep since 2025-11-22T12:00 + 37.5 days = 2025-12-30 00:00. e two orders on the same instant
     * has no own cycle either: 12.5 days, 10 days ago, E0.
     */
    @Test
    void nesStagesByTheCustomersOwnCycleCheckedByHand() throws IOException {
        Path orders = write("orders.csv", List.of("customer_id,order_at,amount",
                "a," + at(AS_OF.minusDays(60)) + ",10", "a," + at(AS_OF.minusDays(50)) + ",10",
                "a," + at(AS_OF.minusDays(30)) + ",10",
                "b," + at(AS_OF.minusDays(55)) + ",10", "b," + at(AS_OF.minusDays(45)) + ",10",
                "b," + at(AS_OF.minusDays(35)) + ",10",
                "c," + at(AS_OF.minusDays(5)) + ",10",
                "d," + at(AS_OF.minusDays(40)) + ",10",
                "e," + at(AS_OF.minusDays(10)) + ",10", "e," + at(AS_OF.minusDays(10)) + ",10"));
        RfmWorkflow.Outcome o = run(orders, dir.resolve("out"), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(o.populationCycleDays()).isEqualTo(12.5);
        List<String> lines = Files.readAllLines(dir.resolve("out").resolve(RfmWorkflow.CUSTOMERS_CSV));
        List<String> nes = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            nes.add(String.join(",", f[0], f[1], f[10], f[11], f[12], f[13], f[14]));
        }
        // The as-of is 2026-01-01T00:00Z and the orders were at noon, so 30 days and 12 hours are 30 whole days.
        assertThat(nes).containsExactly(
                "customer_id,recency_days,cycle_days,own_cycle,nes,due_on,asleep_since",
                "a,29,15,yes,S1,2025-12-17,",
                "b,34,10,yes,S3,2025-12-07,2025-12-27",
                "c,4,12.5,no,N,2026-01-09,",
                "d,39,12.5,no,S3,2025-12-05,2025-12-30",
                "e,9,12.5,no,E0,2026-01-04,");
        assertThat(o.stages()).extracting(RfmWorkflow.Group::customers).containsExactly(1L, 1L, 1L, 0L, 2L, 0L);
    }

    @Test
    void rejectsRefundsAndLaterOrdersAreCountedAndAddUp() throws IOException {
        Path orders = write("orders.csv", List.of("customer_id,order_at,amount",
                "a,2025-12-01,100", // line 2
                "a,2025-12-02,-30", // a refund: value 70, still one order
                "b,2025-12-03,50",
                "b,2025-12-04,-50", // b's net is 0: no value, apart
                "c,2025-12-05,-5", // c only refunded: no order
                "a,2026-01-02,999", // after the as-of
                "x,yesterday,10", // line 8
                "y,2025-12-06,12d",
                "z,2025-12-07",
                ",2025-12-07,3"));
        RfmWorkflow.Outcome o = RfmWorkflow.run(new RfmWorkflow.Request(orders, "2026-01-01", dir.resolve("out"),
                Optional.empty(), Optional.empty(), Optional.empty(), InputFormat.DEFAULT, 0.5));
        assertThat(List.of(o.rowsRead(), o.orders(), o.refunds(), o.afterAsOf(), o.rejected()))
                .containsExactly(10L, 2L, 3L, 1L, 4L);
        assertThat(o.orders() + o.refunds() + o.afterAsOf() + o.rejected()).isEqualTo(o.rowsRead());
        assertThat(o.customers()).isEqualTo(3);
        assertThat(o.scored()).isEqualTo(1);
        assertThat(o.segments().get(8)).isEqualTo(new RfmWorkflow.Group("no-value", 2, -500));
        assertThat(o.segments().stream().mapToLong(RfmWorkflow.Group::customers).sum()).isEqualTo(3);
        assertThat(o.segments().stream().mapToLong(RfmWorkflow.Group::cents).sum()).isEqualTo(6500);
        assertThat(Files.readAllLines(dir.resolve("out").resolve(RfmWorkflow.REJECTS_CSV)).subList(1, 5)).containsExactly(
                "8,column 'order_at': 'yesterday' is not a time,x,yesterday,10",
                "9,column 'amount': '12d' is not an amount,y,2025-12-06,12d",
                "10,\"expected 3 fields as in the header, found 2\",z,2025-12-07",
                "11,column 'customer_id' is empty,,2025-12-07,3");
        Map<String, Map<String, String>> got = customers(dir.resolve("out").resolve(RfmWorkflow.CUSTOMERS_CSV));
        assertThat(got.get("a").get("monetary")).isEqualTo("70");
        assertThat(got.get("a").get("frequency")).isEqualTo("1");
        assertThat(got.get("a").get("refunds")).isEqualTo("1");
        assertThat(got.get("b").get("segment")).isEqualTo("no-value");
        assertThat(got.get("b").get("r_score")).isEmpty();
        assertThat(got.get("c").get("nes")).isEmpty();
        assertThat(got.get("c").get("frequency")).isEqualTo("0");
    }

    @Test
    void overTheRejectShareNothingButTheRejectsIsWritten() throws IOException {
        Path orders = write("orders.csv", List.of("customer_id,order_at,amount", "a,2025-12-01,100", "b,soon,1"));
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> RfmWorkflow.run(new RfmWorkflow.Request(orders, "2026-01-01", out, Optional.empty(),
                Optional.empty(), Optional.empty(), InputFormat.DEFAULT, 0.01)))
                .isInstanceOf(InputDataException.class)
                .hasMessage(orders + ": 1 of 2 rows (50.00 %) could not be read, over --max-reject-share 0.01; see "
                        + out.resolve(RfmWorkflow.REJECTS_CSV) + "; nothing was written to "
                        + out.resolve(RfmWorkflow.CUSTOMERS_CSV));
        assertThat(out.resolve(RfmWorkflow.CUSTOMERS_CSV)).doesNotExist();
        assertThat(out.resolve(RfmWorkflow.REJECTS_CSV)).exists();
    }

    @Test
    void rerunsAndShuffledRowsWriteTheSameBytes() throws IOException {
        Map<String, String> expected = new HashMap<>();
        Path one = write("one.csv", designedOrders(expected, 1));
        Path two = write("two.csv", designedOrders(expected, 2));
        run(one, dir.resolve("a"), Optional.empty(), Optional.empty(), Optional.empty());
        run(one, dir.resolve("b"), Optional.empty(), Optional.empty(), Optional.empty());
        run(two, dir.resolve("c"), Optional.empty(), Optional.empty(), Optional.empty());
        for (String f : List.of(RfmWorkflow.CUSTOMERS_CSV, RfmWorkflow.SEGMENTS_CSV, RfmWorkflow.STAGES_CSV)) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(f));
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f).isEqualTo(a);
            assertThat(Files.readAllBytes(dir.resolve("c").resolve(f))).as(f).isEqualTo(a);
        }
    }

    /**
     * By hand: before, p and q are important-value, r general-retain, s important-develop; now p stays,
     * q is general-keep, r is important-value, s has no row any more, t is new (general-develop).
     */
    /**
     * As of 2026-01-01 with a 30-day horizon: a orders again on day 30 (inside, the end is inclusive),
     * b on day 31 (outside), c only refunds after the as-of (no order), d orders on the as-of instant
     * itself (counted as before it: the as-of is inclusive) and e is a new customer after the as-of,
     * who is not a row. The newest order is on day 31, so the horizon is observed.
     */
    @Test
    void theRepurchaseTargetCountsOrdersInsideTheHorizonOnly() throws IOException {
        Path orders = write("orders.csv", List.of("customer_id,order_at,amount",
                "a,2025-12-01T00:00:00Z,10", "a,2026-01-31T00:00:00Z,10",
                "b,2025-12-01T00:00:00Z,10", "b,2026-02-01T00:00:00Z,10",
                "c,2025-12-01T00:00:00Z,10", "c,2026-01-10T00:00:00Z,-5",
                "d,2025-11-01T00:00:00Z,10", "d,2026-01-01T00:00:00Z,10",
                "e,2026-01-05T00:00:00Z,10"));
        Path out = dir.resolve("out");
        RfmWorkflow.Outcome o = RfmWorkflow.run(new RfmWorkflow.Request(orders, "2026-01-01T00:00:00Z", out,
                Optional.empty(), Optional.empty(), Optional.empty(), InputFormat.DEFAULT, 0.5,
                java.util.OptionalInt.of(30)));
        List<String> lines = Files.readAllLines(out.resolve(RfmWorkflow.CUSTOMERS_CSV));
        assertThat(lines.get(0)).endsWith(",asleep_since,bought_within_30d");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.charAt(0) + ":" + l.substring(l.length() - 1))
                .containsExactly("a:1", "b:0", "c:0", "d:0");
        assertThat(o.boughtAgain()).hasValue(1);
        assertThat(o.horizonUnobserved()).isFalse();
        assertThat(o.customers()).isEqualTo(4);

        RfmWorkflow.Outcome longer = RfmWorkflow.run(new RfmWorkflow.Request(orders, "2026-01-01T00:00:00Z",
                dir.resolve("out2"), Optional.empty(), Optional.empty(), Optional.empty(), InputFormat.DEFAULT, 0.5,
                java.util.OptionalInt.of(60)));
        assertThat(longer.boughtAgain()).hasValue(2);
        assertThat(longer.horizonUnobserved()).as("the orders end on day 31, before day 60").isTrue();
        assertThat(run(orders, dir.resolve("out3"), Optional.empty(), Optional.empty(), Optional.empty())
                .boughtAgain()).isEmpty();
    }

    @Test
    void migrationTableOnAHandMadeExample() throws IOException {
        Path previous = write("previous.csv", List.of("customer_id,segment,other",
                "p,important-value,1", "q,important-value,1", "r,general-retain,1", "s,important-develop,1"));
        Map<String, String> now = Map.of("p", "important-value", "q", "general-keep", "r", "important-value", "t",
                "general-develop");
        Map<List<String>, Long> table = Migration.table(Migration.readPrevious(previous), now,
                RfmSpec.defaults().labelOrder());
        assertThat(table.toString()).isEqualTo("{[important-value, important-value]=1, [important-value, general-keep]=1,"
                + " [important-develop, (absent)]=1, [general-retain, important-value]=1, [(absent), general-develop]=1}");
        assertThat(table.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
    }

    @Test
    void migrationFileFromAnEarlierRunsFolder() throws IOException {
        Map<String, String> expected = new HashMap<>();
        Path orders = write("orders.csv", designedOrders(expected, 3));
        run(orders, dir.resolve("before"), Optional.empty(), Optional.empty(), Optional.empty());
        RfmWorkflow.Outcome o = run(orders, dir.resolve("after"), Optional.empty(), Optional.empty(),
                Optional.of(dir.resolve("before")));
        assertThat(o.migrated()).contains(40L);
        List<String> lines = Files.readAllLines(dir.resolve("after").resolve(RfmWorkflow.MIGRATION_CSV));
        assertThat(lines).hasSize(9).startsWith("from,to,customers", "important-value,important-value,5");
    }

    @Test
    void previousRepeatingACustomerIsRefusedWithItsLine() throws IOException {
        Path previous = write("previous.csv", List.of("customer_id,segment", "p,a", "p,b"));
        assertThatThrownBy(() -> Migration.readPrevious(previous)).isInstanceOf(InputDataException.class)
                .hasMessageContaining("line 3").hasMessageContaining("customer 'p' is already on line 2");
    }
}
