package dev.scorecard.crm.value;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.Timestamps;
import dev.scorecard.crm.spec.Hundredths;
import dev.scorecard.train.io.CsvByteWriter;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.pipeline.RejectsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code scorecard rfm}: from an orders file, each customer's recency, frequency and monetary value as
 * of an instant, their 1–5 scores, one of the eight classic segments, the NES lifecycle stage against
 * the customer's own purchase cycle with its due and asleep dates; per segment and per stage the
 * counts and value; with an earlier customers.csv, the migration between segments. All files are one
 * atomic output set; a rerun on the same input writes the same bytes.
 */
public final class RfmWorkflow {
    /** One row per customer. */
    public static final String CUSTOMERS_CSV = "customers.csv";
    /** Counts and value per segment. */
    public static final String SEGMENTS_CSV = "segments.csv";
    /** Counts and value per NES stage. */
    public static final String STAGES_CSV = "stages.csv";
    /** From → to counts, with {@code --previous}. */
    public static final String MIGRATION_CSV = "migration.csv";
    /** Rejected order rows. */
    public static final String REJECTS_CSV = "orders-rejects.csv";

    /**
     * @param orders the orders file: customer_id, order_at, amount[, …]
     * @param asOf the as-of instant as written (inclusive): an order after it is left out
     * @param outDir where the outputs go
     * @param config the YAML of thresholds, labels and NES multipliers, if any
     * @param against {@code mean} or {@code median}, over the YAML's {@code segments.against}, if given
     * @param previous an earlier customers.csv (or its folder), for the migration table
     * @param format delimiter, encoding and zone of the orders
     * @param maxRejectShare the run fails when more order rows than this share are rejected
     * @param horizonDays with a value, customers.csv gets the target {@code bought_within_<H>d}: 1 when the
     *     customer ordered (amount 0 or more) after the as-of instant and at most H days later
     */
    public record Request(Path orders, String asOf, Path outDir, Optional<Path> config, Optional<String> against,
            Optional<Path> previous, InputFormat format, double maxRejectShare, OptionalInt horizonDays) {
        /** Checks nothing is null, the share is a share and the as-of is a time. */
        public Request {
            Objects.requireNonNull(orders, "orders");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(against, "against");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(horizonDays, "horizonDays");
            RejectsCheck.requireShare(maxRejectShare);
            if (horizonDays.isPresent() && horizonDays.getAsInt() < 1) {
                throw new IllegalArgumentException("--horizon: " + horizonDays.getAsInt() + " days; expected 1 or more");
            }
            against.ifPresent(a -> RfmSpec.Centre.fromConfig(a, "--against"));
            asOfMillis(asOf, format.timestamps());
        }

        /** A request without a target column. */
        public Request(Path orders, String asOf, Path outDir, Optional<Path> config, Optional<String> against,
                Optional<Path> previous, InputFormat format, double maxRejectShare) {
            this(orders, asOf, outDir, config, against, previous, format, maxRejectShare, OptionalInt.empty());
        }

        /** @return the target column's name, with a horizon */
        public Optional<String> targetColumn() {
            return horizonDays.isPresent() ? Optional.of("bought_within_" + horizonDays.getAsInt() + "d")
                    : Optional.empty();
        }

        /** @return the as-of instant in epoch milliseconds */
        public long asOfMillis() {
            return asOfMillis(asOf, format.timestamps());
        }

        private static long asOfMillis(String text, Timestamps times) {
            long t = times.parse(text);
            if (t == Timestamps.INVALID) {
                throw new IllegalArgumentException("--as-of: '" + text + "' is not a time; expected e.g. "
                        + "2026-11-30T23:59:59+08:00, 2026-11-30 23:59:59 (in --timezone) or 2026-11-30 (its start)");
            }
            return t;
        }

        /** @return the files a run may write */
        public List<Path> members() {
            return List.of(outDir.resolve(CUSTOMERS_CSV), outDir.resolve(SEGMENTS_CSV), outDir.resolve(STAGES_CSV),
                    outDir.resolve(MIGRATION_CSV), outDir.resolve(REJECTS_CSV));
        }
    }

    /**
     * A row of segments.csv or stages.csv.
     *
     * @param name the segment's label or the stage's code
     * @param customers its customers
     * @param cents their net value in cents
     */
    public record Group(String name, long customers, long cents) {
    }

    /**
     * @param rowsRead order rows read; {@code = orders + refunds + afterAsOf + rejected}
     * @param orders rows that are orders (amount 0 or more) up to the as-of instant
     * @param refunds rows with a negative amount up to the as-of instant
     * @param afterAsOf rows after the as-of instant, left out
     * @param rejected rows rejected
     * @param customers customers; {@code = scored + the no-value group}
     * @param scored customers with an order and a net value above 0
     * @param segments per segment, then {@code no-value}; they add up to all customers and all value
     * @param stages per NES stage, then customers without an order
     * @param migrated customers in the migration table, when {@code --previous} was given
     * @param populationCycleDays the population's purchase cycle in days
     * @param boughtAgain with a horizon, the customers whose target is 1
     * @param horizonUnobserved with a horizon, whether the orders end before it does (the latest order is
     *     earlier than as-of + H), so that some targets of 0 may yet become 1
     * @param written the files written
     */
    public record Outcome(long rowsRead, long orders, long refunds, long afterAsOf, long rejected, long customers,
            long scored, List<Group> segments, List<Group> stages, Optional<Long> migrated, double populationCycleDays,
            OptionalLong boughtAgain, boolean horizonUnobserved, List<Path> written) {
    }

    private RfmWorkflow() {
    }

    /**
     * @param request what to compute
     * @return the counts and the files written
     * @throws InputDataException for bad input (file, line and column, or the YAML key), or too many rejects
     */
    public static Outcome run(Request request) {
        RfmSpec spec = request.config().map(RfmSpec::read).orElse(RfmSpec.defaults());
        if (request.against().isPresent()) {
            spec = spec.withAgainst(RfmSpec.Centre.fromConfig(request.against().get(), "--against"));
        }
        Optional<Map<String, String>> previous = request.previous().map(Migration::readPrevious);
        long asOf = request.asOfMillis();
        Path dir = request.outDir();
        Path rejectsFile = dir.resolve(REJECTS_CSV);
        try (OutputSet set = OutputSet.of(request.members())) {
            long labelEnd = request.horizonDays().isPresent()
                    ? asOf + request.horizonDays().getAsInt() * CustomerValues.DAY : asOf;
            OrderBook book = OrderBook.read(request.orders(), request.format(), asOf, labelEnd, set, rejectsFile);
            List<Path> written = new ArrayList<>();
            if (book.rowsRejected > 0) {
                written.add(rejectsFile);
            }
            RejectsCheck.settle(set, request.orders().toString(), Optional.of(rejectsFile), book.rowsRejected,
                    book.rowsRead, book.rowsRead - book.rowsRejected, request.maxRejectShare(), "read",
                    "; nothing was written to " + dir.resolve(CUSTOMERS_CSV));
            CustomerValues v = CustomerValues.of(book, asOf, spec);
            RfmSpec s = spec;
            Map<String, String> segmentOf = new HashMap<>();
            written.add(set.write(dir.resolve(CUSTOMERS_CSV), out -> writeCustomers(out, v, s, request.format(),
                    segmentOf, request.targetColumn())));
            List<Group> segments = segments(v, spec);
            written.add(set.write(dir.resolve(SEGMENTS_CSV), out -> writeGroups(out, "segment", segments)));
            List<Group> stages = stages(v);
            written.add(set.write(dir.resolve(STAGES_CSV), out -> writeGroups(out, "nes", stages)));
            Optional<Long> migrated = Optional.empty();
            if (previous.isPresent()) {
                Map<List<String>, Long> table = Migration.table(previous.get(), segmentOf, spec.labelOrder());
                migrated = Optional.of(table.values().stream().mapToLong(Long::longValue).sum());
                written.add(set.write(dir.resolve(MIGRATION_CSV), out -> {
                    CsvByteWriter w = new CsvByteWriter(out);
                    w.row(List.of("from", "to", "customers"));
                    for (Map.Entry<List<String>, Long> e : table.entrySet()) {
                        w.field(e.getKey().get(0));
                        w.comma();
                        w.field(e.getKey().get(1));
                        w.comma();
                        w.number(e.getValue());
                        w.endRow();
                    }
                    w.flush();
                }));
            }
            set.commit();
            OptionalLong boughtAgain = OptionalLong.empty();
            if (request.horizonDays().isPresent()) {
                long n = 0;
                for (boolean b : book.orderedAfter) {
                    n += b ? 1 : 0;
                }
                boughtAgain = OptionalLong.of(n);
            }
            return new Outcome(book.rowsRead, book.orderRows, book.refundRows, book.afterAsOf, book.rowsRejected,
                    book.ids.length, v.scored, segments, stages, migrated,
                    (double) v.populationCycle / CustomerValues.DAY, boughtAgain,
                    request.horizonDays().isPresent() && book.lastOrderAt < labelEnd, List.copyOf(written));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCustomers(java.io.OutputStream out, CustomerValues v, RfmSpec spec, InputFormat format,
            Map<String, String> segmentOf, Optional<String> target) throws IOException {
        CsvByteWriter w = new CsvByteWriter(out);
        List<String> header = new ArrayList<>(List.of(OrderBook.CUSTOMER, "recency_days", "frequency", "monetary",
                "refunds", "r_score", "f_score", "m_score", "rfm", "segment", "cycle_days", "own_cycle", "nes", "due_on",
                "asleep_since"));
        target.ifPresent(header::add);
        w.row(header);
        OrderBook b = v.book;
        for (int i = 0; i < b.ids.length; i++) {
            boolean scored = v.isScored(i);
            boolean ordered = b.orders[i].length > 0;
            String segment = scored ? spec.labels().get(v.segments[i]) : Segment.NO_VALUE;
            segmentOf.put(b.ids[i], segment);
            w.field(b.ids[i]);
            w.comma();
            if (ordered) {
                w.number(v.recencyDays[i]);
            }
            w.comma();
            w.number(b.orders[i].length);
            w.comma();
            w.field(Hundredths.format(b.cents[i]));
            w.comma();
            w.number(b.refunds[i]);
            for (int m = 0; m < 3; m++) {
                w.comma();
                if (scored) {
                    w.number(v.scores[m][i]);
                }
            }
            w.comma();
            if (scored) {
                w.field("" + v.scores[0][i] + v.scores[1][i] + v.scores[2][i]);
            }
            w.comma();
            w.field(segment);
            w.comma();
            if (ordered) {
                w.field(DoubleFormat.format((double) v.cycle[i] / CustomerValues.DAY));
            }
            w.comma();
            if (ordered) {
                w.field(v.ownCycle[i] ? "yes" : "no");
            }
            w.comma();
            if (ordered) {
                long last = b.orders[i][b.orders[i].length - 1];
                w.field(v.stages[i].code);
                w.comma();
                w.field(day(last + CustomerValues.boundary(spec.dozingAfter(), v.cycle[i]), format));
                w.comma();
                if (v.stages[i] == NesStage.SLEEPING) {
                    w.field(day(last + CustomerValues.boundary(spec.sleepingAfter(), v.cycle[i]), format));
                }
            } else {
                w.comma(); // nes, due_on and asleep_since stay empty
                w.comma();
            }
            if (target.isPresent()) {
                w.comma();
                w.number(b.orderedAfter[i] ? 1 : 0);
            }
            w.endRow();
        }
        w.flush();
    }

    /** @return the calendar day of an instant in the zone of the orders, as 2026-11-30 */
    private static String day(long millis, InputFormat format) {
        return Instant.ofEpochMilli(millis).atZone(format.zone()).toLocalDate().toString();
    }

    private static List<Group> segments(CustomerValues v, RfmSpec spec) {
        Segment[] all = Segment.values();
        long[] customers = new long[all.length + 1];
        long[] cents = new long[all.length + 1];
        for (int i = 0; i < v.book.ids.length; i++) {
            int g = v.isScored(i) ? v.segments[i].ordinal() : all.length;
            customers[g]++;
            cents[g] += v.book.cents[i];
        }
        List<Group> out = new ArrayList<>();
        List<String> labels = spec.labelOrder();
        for (int g = 0; g <= all.length; g++) {
            out.add(new Group(labels.get(g), customers[g], cents[g]));
        }
        return List.copyOf(out);
    }

    private static List<Group> stages(CustomerValues v) {
        NesStage[] all = NesStage.values();
        long[] customers = new long[all.length + 1];
        long[] cents = new long[all.length + 1];
        for (int i = 0; i < v.book.ids.length; i++) {
            int g = v.stages[i] == null ? all.length : v.stages[i].ordinal();
            customers[g]++;
            cents[g] += v.book.cents[i];
        }
        List<Group> out = new ArrayList<>();
        for (int g = 0; g <= all.length; g++) {
            out.add(new Group(g < all.length ? all[g].code : "no-order", customers[g], cents[g]));
        }
        return List.copyOf(out);
    }

    /** Writes the groups, their shares of customers and of value (of the positive value), and a total row. */
    private static void writeGroups(java.io.OutputStream out, String what, List<Group> groups) throws IOException {
        long customers = 0;
        long cents = 0;
        for (Group g : groups) {
            customers += g.customers();
            cents += g.cents();
        }
        CsvByteWriter w = new CsvByteWriter(out);
        w.row(List.of(what, "customers", "customer_share", "monetary", "value_share"));
        List<Group> rows = new ArrayList<>(groups);
        rows.add(new Group("all", customers, cents));
        for (Group g : rows) {
            w.field(g.name());
            w.comma();
            w.number(g.customers());
            w.comma();
            w.field(share(g.customers(), customers));
            w.comma();
            w.field(Hundredths.format(g.cents()));
            w.comma();
            w.field(share(g.cents(), cents));
            w.endRow();
        }
        w.flush();
    }

    /** @return part / whole to four decimals, empty when the whole is 0 */
    private static String share(long part, long whole) {
        return whole == 0 ? "" : DoubleFormat.format(Math.round(10_000.0 * part / whole) / 10_000.0);
    }
}
