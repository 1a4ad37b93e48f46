package dev.scorecard.crm.blend;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.StrictNumberParser;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One part's scores as read from its file (a {@code scorecard rules} scores.csv or a
 * {@code scorecard score} output): per lead its value on 0–100 in hundredths, or -1 where the file has
 * no row for it, and the numbers of its ledger columns, which the reasons rank: for the rules every
 * column that adds up to {@code score100} ({@code channel_points}, {@code points_<level>},
 * {@code condition_points}, {@code total_cap}, {@code clamp}), for the model its
 * {@code points_<characteristic>} columns ({@code scorecard score --points}). A row that names a lead the leads file
 * does not have (or rejected), repeats a lead, or has a value that is not a number (or, for the rules,
 * not from 0 to 100) goes to the part's rejects file with its line and reason.
 */
final class PartFile {
    /** The prefix of the columns whose numbers the reasons rank. */
    static final String POINTS_PREFIX = "points_";
    /**
     * The other columns of the rules' ledger: with the {@code points_} columns they add up to
     * {@code score100}, so a capped or clamped score shows what the cap or clamp took.
     */
    static final List<String> RULES_LEDGER = List.of("channel_points", "condition_points", "total_cap", "clamp");

    final Path file;
    /** The value of each lead, in hundredths of 0–100, -1 where the file has none. */
    final long[] values;
    /** The names of the ledger columns, a {@code points_} column's without the prefix. */
    final List<String> items;
    /** Lead i's item k, in the file's own points, at {@code i * items.size() + k}. */
    final double[] points;
    final long rowsRead;
    final long rowsRejected;

    private PartFile(Path file, long[] values, List<String> items, double[] points, long rowsRead, long rowsRejected) {
        this.file = file;
        this.values = values;
        this.items = items;
        this.points = points;
        this.rowsRead = rowsRead;
        this.rowsRejected = rowsRejected;
    }

    /**
     * @param file the part's scores
     * @param spec the part
     * @param leads the leads
     * @param set the run's outputs
     * @param rejectsFile where the part's rejected rows go, a member of {@code set}
     * @return the part's values
     * @throws InputDataException when the file cannot be read or lacks {@code lead_id} or the column
     */
    static PartFile read(Path file, BlendSpec.PartSpec spec, LeadTable leads, OutputSet set, Path rejectsFile) {
        try (CsvRows rows = CsvRows.open(file, Optional.empty(), StandardCharsets.UTF_8)) {
            List<String> header = rows.header();
            int id = column(file, rows, header, LeadTable.ID, spec);
            int value = column(file, rows, header, spec.column(), spec);
            List<String> items = new ArrayList<>();
            List<Integer> itemColumns = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c);
                if (c != value && (h.startsWith(POINTS_PREFIX) || spec.part() == Part.RULES && RULES_LEDGER.contains(h))) {
                    items.add(h.startsWith(POINTS_PREFIX) ? h.substring(POINTS_PREFIX.length()) : h);
                    itemColumns.add(c);
                }
            }
            int k = items.size();
            long[] values = new long[leads.size()];
            Arrays.fill(values, -1);
            long[] lineOf = new long[leads.size()];
            double[] points = new double[leads.size() * k];
            double[] row = new double[k];
            long read = 0;
            long rejected = 0;
            try (RejectsStream rejects = new RejectsStream(set, rejectsFile, header)) {
                while (rows.next()) {
                    read++;
                    String reason = null;
                    int lead = -1;
                    long cents = -1;
                    if (rows.undecodable().isPresent()) {
                        reason = rows.undecodable().get();
                    } else if (rows.fieldCount() != header.size()) {
                        reason = "expected " + header.size() + " fields as in the header, found " + rows.fieldCount();
                    } else {
                        String leadId = rows.field(id);
                        lead = leads.indexOf(leadId);
                        String v = rows.field(value);
                        double x = StrictNumberParser.parse(v);
                        if (lead < 0) {
                            reason = "lead '" + leadId + "' is not in the leads file (or was rejected there)";
                        } else if (values[lead] >= 0) {
                            reason = "lead '" + leadId + "' is already on line " + lineOf[lead];
                        } else if (Double.isNaN(x)) {
                            reason = "column '" + spec.column() + "': '" + v + "' is not a number";
                        } else if (spec.part() == Part.RULES && (x < 0 || x > 100)) {
                            reason = "column '" + spec.column() + "': " + v + " is outside the rule score's 0 to 100";
                        } else {
                            cents = spec.part() == Part.MODEL ? spec.map(x) : Math.round(x * 100);
                            for (int j = 0; j < k && reason == null; j++) {
                                String t = rows.field(itemColumns.get(j));
                                row[j] = StrictNumberParser.parse(t);
                                if (Double.isNaN(row[j])) {
                                    reason = "column '" + header.get(itemColumns.get(j)) + "': '" + t + "' is not a number";
                                }
                            }
                        }
                    }
                    if (reason != null) {
                        rejected++;
                        rejects.add(rows.line(), reason, rows.fields());
                        continue;
                    }
                    values[lead] = cents;
                    lineOf[lead] = rows.line();
                    System.arraycopy(row, 0, points, lead * k, k);
                }
            }
            return new PartFile(file, values, List.copyOf(items), points, read, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int column(Path file, CsvRows rows, List<String> header, String name, BlendSpec.PartSpec spec) {
        int i = header.indexOf(name);
        if (i < 0) {
            String what = spec.part() == Part.RULES ? "the scores.csv of scorecard rules" : "the output of scorecard score"
                    + (name.equals(LeadTable.ID) ? " run with --id lead_id" : "");
            throw new InputDataException(file.toString(), rows.headerLine(), null, "no column '" + name + "' (" + what
                    + (name.equals(LeadTable.ID) ? "" : "; parts." + spec.part().configName + ".column names another")
                    + "); its header: " + String.join(", ", header));
        }
        return i;
    }
}
