package dev.scorecard.crm.value;

import dev.scorecard.core.InputDataException;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The from → to table between an earlier run's customers.csv and this one's: one row per pair of
 * segments that has customers, in segment order; a customer in one run only comes from or goes to
 * {@link #ABSENT}. The rows add up to every customer of either run.
 */
final class Migration {
    /** The side of a customer that one of the two runs does not have. */
    static final String ABSENT = "(absent)";

    private Migration() {
    }

    /**
     * @param previous a customers.csv, or the folder of one
     * @return each customer's segment in it
     * @throws InputDataException when it lacks the columns or repeats a customer
     */
    static Map<String, String> readPrevious(Path previous) {
        Path file = Files.isDirectory(previous) ? previous.resolve(RfmWorkflow.CUSTOMERS_CSV) : previous;
        Map<String, String> out = new HashMap<>();
        Map<String, Long> lines = new HashMap<>();
        try (CsvRows rows = CsvRows.open(file, Optional.of(','), StandardCharsets.UTF_8)) {
            List<String> header = rows.header();
            int id = header.indexOf(OrderBook.CUSTOMER);
            int seg = header.indexOf("segment");
            if (id < 0 || seg < 0) {
                throw new InputDataException(file.toString(), rows.headerLine(), null, "no column '"
                        + (id < 0 ? OrderBook.CUSTOMER : "segment") + "' (--previous is the customers.csv of an earlier"
                        + " scorecard rfm); its header: " + String.join(", ", header));
            }
            while (rows.next()) {
                if (rows.undecodable().isPresent() || rows.fieldCount() != header.size()) {
                    throw new InputDataException(file.toString(), rows.line(), null, rows.undecodable()
                            .orElse("expected " + header.size() + " fields as in the header, found " + rows.fieldCount()));
                }
                String c = rows.field(id);
                Long before = lines.putIfAbsent(c, rows.line());
                if (before != null) {
                    throw new InputDataException(file.toString(), rows.line(), OrderBook.CUSTOMER, "customer '" + c
                            + "' is already on line " + before);
                }
                out.put(c, rows.field(seg));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * @param before each customer's earlier segment
     * @param after each customer's segment now
     * @param order the labels in output order; others follow sorted, then {@link #ABSENT}
     * @return (from, to) → customers, in output order, pairs without customers left out
     */
    static Map<List<String>, Long> table(Map<String, String> before, Map<String, String> after, List<String> order) {
        TreeSet<String> extra = new TreeSet<>();
        extra.addAll(before.values());
        extra.addAll(after.values());
        extra.removeAll(order);
        List<String> labels = new ArrayList<>(order);
        labels.addAll(extra);
        labels.add(ABSENT);
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            rank.put(labels.get(i), i);
        }
        int k = labels.size();
        long[] counts = new long[k * k];
        for (Map.Entry<String, String> e : after.entrySet()) {
            counts[rank.get(before.getOrDefault(e.getKey(), ABSENT)) * k + rank.get(e.getValue())]++;
        }
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                counts[rank.get(e.getValue()) * k + rank.get(ABSENT)]++;
            }
        }
        Map<List<String>, Long> out = new LinkedHashMap<>();
        for (int f = 0; f < k; f++) {
            for (int t = 0; t < k; t++) {
                if (counts[f * k + t] > 0) {
                    out.put(List.of(labels.get(f), labels.get(t)), counts[f * k + t]);
                }
            }
        }
        return out;
    }
}
