package dev.scorecard.crm.value;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.StrictNumberParser;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.Timestamps;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The orders file read into one entry per customer: the instants of its orders (amount 0 or more) and
 * its net monetary value in cents (orders plus refunds, which are negative amounts). A refund lowers the
 * value and never counts as an order; an order after the as-of instant is left out and counted;
 * malformed rows go to the rejects file with their line and reason. Other columns are ignored.
 */
final class OrderBook {
    static final String CUSTOMER = "customer_id";
    static final String ORDER_AT = "order_at";
    static final String AMOUNT = "amount";
    /** Amounts beyond this (in currency units) are refused: their cents would not be exact in a long sum. */
    private static final double MAX_AMOUNT = 1e13;

    /** The customers, sorted by id. */
    final String[] ids;
    /** Customer i's order instants, ascending (epoch milliseconds). */
    final long[][] orders;
    /** Customer i's net value in cents. */
    final long[] cents;
    /** Customer i's refunds (rows with a negative amount). */
    final int[] refunds;
    final long rowsRead;
    final long rowsRejected;
    final long afterAsOf;
    final long orderRows;
    final long refundRows;
    /** Whether customer i ordered after the as-of instant, up to the label's end. */
    final boolean[] orderedAfter;
    /** The latest instant of any order row read, before or after the as-of instant; MIN_VALUE when none. */
    final long lastOrderAt;

    private OrderBook(String[] ids, long[][] orders, long[] cents, int[] refunds, long rowsRead, long rowsRejected,
            long afterAsOf, long orderRows, long refundRows, boolean[] orderedAfter, long lastOrderAt) {
        this.ids = ids;
        this.orders = orders;
        this.cents = cents;
        this.refunds = refunds;
        this.rowsRead = rowsRead;
        this.rowsRejected = rowsRejected;
        this.afterAsOf = afterAsOf;
        this.orderRows = orderRows;
        this.refundRows = refundRows;
        this.orderedAfter = orderedAfter;
        this.lastOrderAt = lastOrderAt;
    }

    /** A customer while reading. */
    private static final class Acc {
        long[] times = new long[2];
        int n;
        long cents;
        int refunds;
    }

    /**
     * @param file the orders
     * @param format delimiter, encoding and the zone of local times
     * @param asOf the as-of instant (inclusive)
     * @param labelEnd the end (inclusive) of the span after {@code asOf} whose orders set {@link #orderedAfter}
     * @param set the run's outputs
     * @param rejectsFile a member of {@code set}
     * @return the customers
     * @throws InputDataException when the file lacks a column or cannot be read
     */
    static OrderBook read(Path file, InputFormat format, long asOf, long labelEnd, OutputSet set,
            Path rejectsFile) {
        Timestamps times = format.timestamps();
        try (CsvRows rows = CsvRows.open(file, format.delimiter(), format.encoding())) {
            List<String> header = rows.header();
            int id = column(file, rows, header, CUSTOMER);
            int at = column(file, rows, header, ORDER_AT);
            int amount = column(file, rows, header, AMOUNT);
            Map<String, Acc> customers = new HashMap<>();
            long read = 0;
            long rejected = 0;
            long later = 0;
            long orderRows = 0;
            long refundRows = 0;
            long lastOrderAt = Long.MIN_VALUE;
            Set<String> after = new HashSet<>();
            try (RejectsStream rejects = new RejectsStream(set, rejectsFile, header)) {
                while (rows.next()) {
                    read++;
                    String reason = null;
                    long t = 0;
                    double x = 0;
                    if (rows.undecodable().isPresent()) {
                        reason = rows.undecodable().get();
                    } else if (rows.fieldCount() != header.size()) {
                        reason = "expected " + header.size() + " fields as in the header, found " + rows.fieldCount();
                    } else if (rows.field(id).isEmpty()) {
                        reason = "column '" + CUSTOMER + "' is empty";
                    } else {
                        t = times.parse(rows.field(at));
                        x = StrictNumberParser.parse(rows.field(amount));
                        if (t == Timestamps.INVALID) {
                            reason = "column '" + ORDER_AT + "': '" + rows.field(at) + "' is not a time";
                        } else if (Double.isNaN(x) || Math.abs(x) > MAX_AMOUNT) {
                            reason = "column '" + AMOUNT + "': '" + rows.field(amount) + "' is not an amount";
                        }
                    }
                    if (reason != null) {
                        rejected++;
                        rejects.add(rows.line(), reason, rows.fields());
                        continue;
                    }
                    if (x >= 0) {
                        lastOrderAt = Math.max(lastOrderAt, t);
                    }
                    if (t > asOf) {
                        later++;
                        if (x >= 0 && t <= labelEnd) {
                            after.add(rows.field(id));
                        }
                        continue;
                    }
                    Acc c = customers.computeIfAbsent(rows.field(id), k -> new Acc());
                    c.cents += Math.round(x * 100);
                    if (x < 0) {
                        c.refunds++;
                        refundRows++;
                    } else {
                        if (c.n == c.times.length) {
                            c.times = Arrays.copyOf(c.times, 2 * c.n);
                        }
                        c.times[c.n++] = t;
                        orderRows++;
                    }
                }
            }
            String[] ids = customers.keySet().toArray(new String[0]);
            Arrays.sort(ids);
            long[][] orders = new long[ids.length][];
            long[] cents = new long[ids.length];
            int[] refunds = new int[ids.length];
            boolean[] orderedAfter = new boolean[ids.length];
            for (int i = 0; i < ids.length; i++) {
                Acc c = customers.get(ids[i]);
                orders[i] = Arrays.copyOf(c.times, c.n);
                Arrays.sort(orders[i]);
                cents[i] = c.cents;
                refunds[i] = c.refunds;
                orderedAfter[i] = after.contains(ids[i]);
            }
            return new OrderBook(ids, orders, cents, refunds, read, rejected, later, orderRows, refundRows,
                    orderedAfter, lastOrderAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int column(Path file, CsvRows rows, List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new InputDataException(file.toString(), rows.headerLine(), null, "no column '" + name
                    + "' (orders need " + String.join(", ", List.of(CUSTOMER, ORDER_AT, AMOUNT)) + "); its header: "
                    + String.join(", ", new ArrayList<>(header)));
        }
        return i;
    }
}
