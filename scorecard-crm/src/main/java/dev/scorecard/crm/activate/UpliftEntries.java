package dev.scorecard.crm.activate;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.NearestName;
import dev.scorecard.core.internal.StrictNumberParser;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.events.Timestamps;
import dev.scorecard.train.io.RejectsStream;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code entries.csv} that {@code scorecard activate} writes, one row per time a lead entered a
 * plan ({@code lead_id, plan, group, bucket, entered_at, grade, score100}), read through the
 * project's CSV reader into columns. A row that cannot be used goes to the rejects file with its
 * line and reason, in this order of checks: bytes that are not text, the wrong number of fields, an
 * empty {@code lead_id} or {@code plan}, a plan that the plans file does not have (so that entries of
 * a plan since removed from the file are counted, not silently measured or dropped), a
 * {@code group} other than {@code treated} and {@code control}, a {@code bucket} that is not a whole
 * number from 0 to 9999, an {@code entered_at} that is not a time, an empty {@code grade}, a
 * {@code score100} that is not a number from 0 to 100, a lead not in the leads file, and a row
 * repeating the lead, plan and {@code entered_at} of an earlier row. Immutable once read.
 */
final class UpliftEntries {
    static final List<String> COLUMNS = List.of("lead_id", "plan", "group", "bucket", "entered_at", "grade", "score100");
    static final String TREATED = "treated";
    static final String CONTROL = "control";

    final int size;
    final int[] lead;
    final int[] plan;
    final boolean[] treated;
    final long[] enteredAt;
    final int[] grade;
    /** The grades, in text order; {@link #grade} indexes them. */
    final List<String> grades;
    final long rowsRead;
    final long rowsRejected;

    private UpliftEntries(int size, int[] lead, int[] plan, boolean[] treated, long[] enteredAt, int[] grade,
            List<String> grades, long rowsRead, long rowsRejected) {
        this.size = size;
        this.lead = lead;
        this.plan = plan;
        this.treated = treated;
        this.enteredAt = enteredAt;
        this.grade = grade;
        this.grades = grades;
        this.rowsRead = rowsRead;
        this.rowsRejected = rowsRejected;
    }

    /**
     * @param file the entries CSV
     * @param format delimiter, encoding and the zone of times without an offset
     * @param plans the plan names, in the plans file's order
     * @param leads the leads
     * @param rejects makes the rejects stream from the header, at the first rejected row
     * @return the entries kept
     * @throws InputDataException when the file cannot be read or lacks a column
     */
    static UpliftEntries read(Path file, InputFormat format, List<String> plans, LeadTable leads,
            Function<List<String>, RejectsStream> rejects) {
        Map<String, Integer> planIndex = new HashMap<>();
        for (int p = 0; p < plans.size(); p++) {
            planIndex.put(plans.get(p), p);
        }
        try (CsvRows rows = CsvRows.open(file, format.delimiter(), format.encoding())) {
            List<String> header = rows.header();
            int[] col = new int[COLUMNS.size()];
            for (int c = 0; c < col.length; c++) {
                col[c] = header.indexOf(COLUMNS.get(c));
                if (col[c] < 0) {
                    throw new InputDataException(file.toString(), rows.headerLine(), null, "no column '" + COLUMNS.get(c)
                            + "'; an entries file (from scorecard activate) has " + String.join(", ", COLUMNS)
                            + " (its header: " + String.join(", ", header) + ")");
                }
            }
            Timestamps times = format.timestamps();
            Map<String, Integer> gradeCodes = new HashMap<>();
            Map<String, Long> seen = new HashMap<>(); // lead, plan and instant -> the line of its first row
            RejectsStream out = null;
            int n = 0;
            int[] lead = new int[1024];
            int[] plan = new int[1024];
            boolean[] treated = new boolean[1024];
            long[] entered = new long[1024];
            int[] grade = new int[1024];
            long read = 0;
            long rejected = 0;
            while (rows.next()) {
                read++;
                String reason = null;
                int l = -1;
                int p = -1;
                long at = 0;
                boolean t = false;
                Optional<String> bytes = rows.undecodable();
                if (bytes.isPresent()) {
                    reason = bytes.get();
                } else if (rows.fieldCount() != header.size()) {
                    reason = "expected " + header.size() + " fields as in the header, found " + rows.fieldCount();
                } else {
                    String id = rows.field(col[0]);
                    String planName = rows.field(col[1]);
                    String group = rows.field(col[2]);
                    String bucket = rows.field(col[3]);
                    String enteredText = rows.field(col[4]);
                    String score = rows.field(col[6]);
                    Integer pi = planIndex.get(planName);
                    double s = StrictNumberParser.parse(score);
                    if (id.isEmpty()) {
                        reason = "column 'lead_id' is empty";
                    } else if (planName.isEmpty()) {
                        reason = "column 'plan' is empty";
                    } else if (pi == null) {
                        reason = "plan '" + planName + "' is not in the plans file" + NearestName.didYouMean(planName,
                                plans);
                    } else if (!group.equals(TREATED) && !group.equals(CONTROL)) {
                        reason = "column 'group': value '" + group + "' is not treated or control";
                    } else if (!isBucket(bucket)) {
                        reason = "column 'bucket': value '" + bucket + "' is not a whole number from 0 to 9999";
                    } else if ((at = times.parse(enteredText)) == Timestamps.INVALID) {
                        reason = "column 'entered_at': value '" + enteredText + "' is not a time";
                    } else if (rows.field(col[5]).isEmpty()) {
                        reason = "column 'grade' is empty";
                    } else if (!(s >= 0 && s <= 100)) {
                        reason = "column 'score100': value '" + score + "' is not a number from 0 to 100";
                    } else if ((l = leads.indexOf(id)) < 0) {
                        reason = "lead_id '" + id + "' is not in the leads file";
                    } else {
                        p = pi;
                        t = group.equals(TREATED);
                        Long first = seen.putIfAbsent(l + "\u0000" + p + "\u0000" + at, rows.line());
                        if (first != null) {
                            reason = "repeats the lead_id, plan and entered_at of line " + first;
                        }
                    }
                }
                if (reason != null) {
                    rejected++;
                    out = out == null ? rejects.apply(header) : out;
                    out.add(rows.line(), reason, rows.fields());
                    continue;
                }
                if (n == lead.length) {
                    lead = Arrays.copyOf(lead, n * 2);
                    plan = Arrays.copyOf(plan, n * 2);
                    treated = Arrays.copyOf(treated, n * 2);
                    entered = Arrays.copyOf(entered, n * 2);
                    grade = Arrays.copyOf(grade, n * 2);
                }
                lead[n] = l;
                plan[n] = p;
                treated[n] = t;
                entered[n] = at;
                grade[n] = gradeCodes.computeIfAbsent(rows.field(col[5]), g -> gradeCodes.size());
                n++;
            }
            // Grades in text order (A before B), whatever order the rows came in.
            String[] byCode = new String[gradeCodes.size()];
            gradeCodes.forEach((g, c) -> byCode[c] = g);
            String[] sorted = byCode.clone();
            Arrays.sort(sorted);
            int[] rank = new int[byCode.length];
            for (int c = 0; c < byCode.length; c++) {
                rank[c] = Arrays.binarySearch(sorted, byCode[c]);
            }
            for (int i = 0; i < n; i++) {
                grade[i] = rank[grade[i]];
            }
            return new UpliftEntries(n, Arrays.copyOf(lead, n), Arrays.copyOf(plan, n), Arrays.copyOf(treated, n),
                    Arrays.copyOf(entered, n), Arrays.copyOf(grade, n), List.of(sorted), read, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBucket(String text) {
        if (text.isEmpty() || text.length() > 4) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
