package dev.scorecard.crm.activate;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of the scores files joined on {@code lead_id} (a blended.csv, a rules scores.csv, a
 * features.csv …), as text by lead. A column is known by its name, or by {@code <file stem>.<name>}
 * when an earlier file already has that name. The leads the first file scores are the candidates of
 * every plan. Only the columns the plans read are kept, so a wide features file costs little.
 * Rows naming a lead the leads file does not have, repeating a lead or with the wrong number of fields
 * go to the file's rejects file with their line and reason.
 */
final class LeadColumns {
    /** A value written as a JSON number (so that a payload carries it as one). */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** One scores file read. */
    record FileCounts(Path file, long rowsRead, long rowsRejected, Path rejects) {
    }

    private final List<String> names;
    private final Map<String, Integer> index;
    private final String[][] values;
    private final boolean[] numeric;
    private final boolean[] candidate;
    private final List<FileCounts> files;

    private LeadColumns(List<String> names, String[][] values, boolean[] numeric, boolean[] candidate,
            List<FileCounts> files) {
        this.names = List.copyOf(names);
        this.index = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        this.values = values;
        this.numeric = numeric;
        this.candidate = candidate;
        this.files = List.copyOf(files);
    }

    /**
     * @param files the scores files
     * @return every name a column can be known by, the first file's first, each to its file and column
     */
    static Map<String, int[]> names(List<Path> files) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (int f = 0; f < files.size(); f++) {
            List<String> header = header(files.get(f));
            if (!header.contains(LeadTable.ID)) {
                throw new InputDataException(files.get(f).toString(), 1, null, "no 'lead_id' column; a scores file is"
                        + " keyed by lead_id (blended.csv of scorecard blend, scores.csv of scorecard rules …)");
            }
            String stem = files.get(f).getFileName().toString().replaceFirst("\\.[^.]*$", "");
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c);
                if (h.equals(LeadTable.ID)) {
                    continue;
                }
                out.putIfAbsent(h, new int[] {f, c});
                out.putIfAbsent(stem + "." + h, new int[] {f, c});
            }
        }
        return out;
    }

    private static List<String> header(Path file) {
        try (CsvRows rows = CsvRows.open(file, Optional.empty(), StandardCharsets.UTF_8)) {
            return rows.header();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param files the scores files
     * @param wanted the names the plans read
     * @param leads the leads
     * @param set the run's outputs
     * @param rejects where each file's rejected rows go
     * @return the columns read
     */
    static LeadColumns read(List<Path> files, Set<String> wanted, LeadTable leads, OutputSet set, List<Path> rejects) {
        Map<String, int[]> all = names(files);
        List<String> names = new ArrayList<>();
        for (String n : all.keySet()) {
            if (wanted.contains(n)) {
                names.add(n);
            }
        }
        String[][] values = new String[names.size()][leads.size()];
        boolean[] numeric = new boolean[names.size()];
        java.util.Arrays.fill(numeric, true);
        boolean[] candidate = new boolean[leads.size()];
        List<FileCounts> counts = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            List<Integer> mine = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                if (all.get(names.get(k))[0] == f) {
                    mine.add(k);
                }
            }
            counts.add(readFile(files.get(f), f == 0, mine, all, names, values, numeric, candidate, leads, set,
                    rejects.get(f)));
        }
        return new LeadColumns(names, values, numeric, candidate, counts);
    }

    private static FileCounts readFile(Path file, boolean first, List<Integer> mine, Map<String, int[]> all,
            List<String> names, String[][] values, boolean[] numeric, boolean[] candidate, LeadTable leads,
            OutputSet set, Path rejectsFile) {
        long[] lineOf = new long[leads.size()];
        long read = 0;
        long rejected = 0;
        try (CsvRows rows = CsvRows.open(file, Optional.empty(), StandardCharsets.UTF_8);
                RejectsStream rejects = new RejectsStream(set, rejectsFile, rows.header())) {
            List<String> header = rows.header();
            int id = header.indexOf(LeadTable.ID);
            while (rows.next()) {
                read++;
                String reason = null;
                int lead = -1;
                if (rows.undecodable().isPresent()) {
                    reason = rows.undecodable().get();
                } else if (rows.fieldCount() != header.size()) {
                    reason = "expected " + header.size() + " fields as in the header, found " + rows.fieldCount();
                } else {
                    String leadId = rows.field(id);
                    lead = leads.indexOf(leadId);
                    if (lead < 0) {
                        reason = "lead '" + leadId + "' is not in the leads file (or was rejected there)";
                    } else if (lineOf[lead] > 0) {
                        reason = "lead '" + leadId + "' is already on line " + lineOf[lead];
                    }
                }
                if (reason != null) {
                    rejected++;
                    rejects.add(rows.line(), reason, rows.fields());
                    continue;
                }
                lineOf[lead] = rows.line();
                if (first) {
                    candidate[lead] = true;
                }
                for (int k : mine) {
                    String v = rows.field(all.get(names.get(k))[1]);
                    values[k][lead] = v;
                    if (!v.isEmpty() && numeric[k] && !JSON_NUMBER.matcher(v).matches()) {
                        numeric[k] = false;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileCounts(file, read, rejected, rejectsFile);
    }

    /**
     * @param name a column's name
     * @return its index, or -1
     */
    int column(String name) {
        Integer k = index.get(name);
        return k == null ? -1 : k;
    }

    /** @return the value of column k for lead i: empty when blank or when the lead has no row there */
    String value(int k, int lead) {
        String v = values[k][lead];
        return v == null ? "" : v;
    }

    /** @return the JSON text of column k for lead i: a number, a string, or null when empty */
    String json(int k, int lead) {
        String v = value(k, lead);
        return v.isEmpty() ? "null" : numeric[k] ? v : PayloadTemplate.string(v);
    }

    /** @return whether lead i has a row in the first scores file */
    boolean candidate(int lead) {
        return candidate[lead];
    }

    /** @return the names kept */
    List<String> names() {
        return names;
    }

    /** @return what each file gave */
    List<FileCounts> files() {
        return files;
    }
}
