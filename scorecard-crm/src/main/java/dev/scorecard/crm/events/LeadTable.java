package dev.scorecard.crm.events;

import dev.scorecard.core.InputDataException;
import dev.scorecard.train.io.RejectsStream;
import dev.scorecard.train.load.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The leads file in memory (SPEC §10): {@code lead_id, created_at} and, when present,
 * {@code channel, sub_channel, converted, converted_at}, plus every other column as text, kept for
 * passing through. Rows that cannot be used are handed to a rejects stream with their line and
 * reason, in file order: a blank or repeated {@code lead_id} (the first row with an id wins), a
 * {@code created_at} or {@code converted_at} that is not a time, a {@code converted} that is not
 * {@code 0}, {@code 1} or missing, a row with bytes that are not text or with the wrong number of
 * fields. Immutable once read; thread-safe.
 */
public final class LeadTable {
    /** The id column. */
    public static final String ID = "lead_id";
    /** The creation time column. */
    public static final String CREATED_AT = "created_at";
    /** The channel column. */
    public static final String CHANNEL = "channel";
    /** The sub-channel column. */
    public static final String SUB_CHANNEL = "sub_channel";
    /** The outcome column: 1 converted, 0 not (yet), missing unknown. */
    public static final String CONVERTED = "converted";
    /** When the lead converted. */
    public static final String CONVERTED_AT = "converted_at";
    /** What {@link #converted(int)} gives for a missing outcome. */
    public static final byte UNKNOWN = -1;
    /** What {@link #convertedAt(int)} gives for a lead with no conversion time. */
    public static final long NO_TIME = Timestamps.INVALID;

    private final Path file;
    private final List<String> header;
    private final String[] ids;
    private final LeadIndex index;
    private final long[] createdAt;
    private final byte[] converted;
    private final long[] convertedAt;
    private final List<String> attributeNames;
    private final String[][] attributes;
    private final long rowsRead;
    private final long rowsRejected;

    private LeadTable(Path file, List<String> header, String[] ids, LeadIndex index, long[] createdAt,
            byte[] converted, long[] convertedAt, List<String> attributeNames, String[][] attributes, long rowsRead,
            long rowsRejected) {
        this.file = file;
        this.header = header;
        this.ids = ids;
        this.index = index;
        this.createdAt = createdAt;
        this.converted = converted;
        this.convertedAt = convertedAt;
        this.attributeNames = attributeNames;
        this.attributes = attributes;
        this.rowsRead = rowsRead;
        this.rowsRejected = rowsRejected;
    }

    /**
     * Reads the leads file.
     *
     * @param file the leads CSV (.csv or .csv.gz)
     * @param format delimiter, encoding, header and zone
     * @param rejects gets the header and then each rejected row; called once, before the first row
     * @return the leads kept
     * @throws InputDataException when the file cannot be read or lacks {@code lead_id} or
     *     {@code created_at}
     */
    public static LeadTable read(Path file, InputFormat format, Function<List<String>, RejectsStream> rejects) {
        try (CsvCells cells = CsvCells.open(file, format.delimiter(), format.encoding(), List.of(), format.dialect())) {
            List<String> header = cells.header();
            int id = required(file, header, ID);
            int created = required(file, header, CREATED_AT);
            int conv = header.indexOf(CONVERTED);
            int convAt = header.indexOf(CONVERTED_AT);
            List<Integer> attributeColumns = new ArrayList<>();
            List<String> attributeNames = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (c != id && c != created && c != conv && c != convAt) {
                    attributeColumns.add(c);
                    attributeNames.add(header.get(c));
                }
            }
            int a = attributeColumns.size();
            // Text slots: the attributes first (few distinct values: one String each), then the id and times.
            int[] texts = new int[a + 4];
            for (int k = 0; k < a; k++) {
                texts[k] = attributeColumns.get(k);
            }
            texts[a] = id;
            texts[a + 1] = created;
            texts[a + 2] = conv < 0 ? id : conv;
            texts[a + 3] = convAt < 0 ? id : convAt;
            cells.select(new int[0], texts, a + (conv < 0 ? 0 : 1));
            RejectsStream out = rejects.apply(header);
            Timestamps times = format.timestamps();
            Builder b = new Builder(a);
            long read = 0;
            long rejected = 0;
            int width = header.size();
            while (cells.next()) {
                read++;
                String reason = b.add(cells, width, a, header, times, conv >= 0, convAt >= 0);
                if (reason != null) {
                    rejected++;
                    out.add(cells.line(), reason, cells.fields());
                }
            }
            return b.build(file, header, attributeNames, read, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int required(Path file, List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new InputDataException(file.toString(), 0, null, "no column '" + name + "'; a leads file needs " + ID + " and "
                    + CREATED_AT + " (its header: " + String.join(", ", header) + ")");
        }
        return i;
    }

    /** Grows the columns row by row. */
    private static final class Builder {
        private final int attributeCount;
        private String[] ids = new String[1024];
        private long[] created = new long[1024];
        private byte[] converted = new byte[1024];
        private long[] convertedAt = new long[1024];
        private String[][] attributes;
        private final LeadIndex index = new LeadIndex(ids);
        private int n;

        Builder(int attributeCount) {
            this.attributeCount = attributeCount;
            this.attributes = new String[attributeCount][1024];
        }

        /** @return null when the row was kept, otherwise why not */
        String add(CsvCells cells, int width, int a, List<String> header, Timestamps times, boolean hasConverted,
                boolean hasConvertedAt) {
            String bytes = cells.undecodable();
            if (bytes != null) {
                int f = cells.undecodableField();
                return f < width ? "column '" + header.get(f) + "': " + bytes : bytes;
            }
            if (cells.fieldCount() != width) {
                return "expected " + width + " fields as in the header, found " + cells.fieldCount();
            }
            String id = cells.text(a);
            if (id.isEmpty()) {
                return "column '" + ID + "' is empty";
            }
            String createdText = cells.text(a + 1);
            long c = times.parse(createdText);
            if (c == Timestamps.INVALID) {
                return "column '" + CREATED_AT + "': value '" + createdText + "' is not a time";
            }
            byte conv = UNKNOWN;
            if (hasConverted) {
                String v = cells.text(a + 2);
                if (v.equals("1")) {
                    conv = 1;
                } else if (v.equals("0")) {
                    conv = 0;
                } else if (!v.isEmpty()) {
                    return "column '" + CONVERTED + "': value '" + v + "' is not 0, 1 or empty";
                }
            }
            long at = NO_TIME;
            if (hasConvertedAt) {
                String v = cells.text(a + 3);
                if (!v.isEmpty()) {
                    at = times.parse(v);
                    if (at == Timestamps.INVALID) {
                        return "column '" + CONVERTED_AT + "': value '" + v + "' is not a time";
                    }
                    if (conv == 0) {
                        return "column '" + CONVERTED_AT + "' has a time but converted is 0";
                    }
                }
            }
            if (n == ids.length) {
                int size = n * 2;
                ids = Arrays.copyOf(ids, size);
                index.ids(ids);
                created = Arrays.copyOf(created, size);
                converted = Arrays.copyOf(converted, size);
                convertedAt = Arrays.copyOf(convertedAt, size);
                for (int k = 0; k < attributeCount; k++) {
                    attributes[k] = Arrays.copyOf(attributes[k], size);
                }
            }
            ids[n] = id;
            if (!index.add(id, n)) {
                return "lead_id '" + id + "' repeats the lead of an earlier row";
            }
            created[n] = c;
            converted[n] = conv;
            convertedAt[n] = at;
            for (int k = 0; k < attributeCount; k++) {
                attributes[k][n] = cells.text(k);
            }
            n++;
            return null;
        }

        LeadTable build(Path file, List<String> header, List<String> attributeNames, long read, long rejected) {
            String[][] attrs = new String[attributeCount][];
            for (int k = 0; k < attributeCount; k++) {
                attrs[k] = Arrays.copyOf(attributes[k], n);
            }
            String[] kept = Arrays.copyOf(ids, n);
            index.ids(kept);
            return new LeadTable(file, List.copyOf(header), kept, index, Arrays.copyOf(created, n),
                    Arrays.copyOf(converted, n), Arrays.copyOf(convertedAt, n), List.copyOf(attributeNames), attrs, read,
                    rejected);
        }
    }

    /**
     * @param i a lead's index
     * @return a table of that lead alone (its index there is 0), for work on one lead at a time
     */
    public LeadTable row(int i) {
        String[] id = {ids[i]};
        LeadIndex one = new LeadIndex(id);
        one.add(ids[i], 0);
        String[][] attrs = new String[attributes.length][];
        for (int k = 0; k < attrs.length; k++) {
            attrs[k] = new String[] {attributes[k][i]};
        }
        return new LeadTable(file, header, id, one, new long[] {createdAt[i]}, new byte[] {converted[i]},
                new long[] {convertedAt[i]}, attributeNames, attrs, 1, 0);
    }

    /** @return the file read */
    public Path file() {
        return file;
    }

    /** @return the file's header */
    public List<String> header() {
        return header;
    }

    /** @return the number of leads kept */
    public int size() {
        return ids.length;
    }

    /** @return data rows read */
    public long rowsRead() {
        return rowsRead;
    }

    /** @return data rows rejected; {@code rowsRead() == size() + rowsRejected()} */
    public long rowsRejected() {
        return rowsRejected;
    }

    /**
     * @param id a lead id (a String, or a cell's characters)
     * @return its index, or -1 when no lead has it
     */
    public int indexOf(CharSequence id) {
        return index.indexOf(id);
    }

    /** @return lead {@code i}'s id */
    public String id(int i) {
        return ids[i];
    }

    /** @return when lead {@code i} was created, in epoch milliseconds */
    public long createdAt(int i) {
        return createdAt[i];
    }

    /** @return 1 converted, 0 not, {@link #UNKNOWN} when the file has no outcome for lead {@code i} */
    public byte converted(int i) {
        return converted[i];
    }

    /** @return when lead {@code i} converted, or {@link #NO_TIME} */
    public long convertedAt(int i) {
        return convertedAt[i];
    }

    /** @return true when the file has a {@code converted} column */
    public boolean hasOutcome() {
        return header.contains(CONVERTED);
    }

    /** @return the names of the columns kept as text (all but the id, the times and the outcome) */
    public List<String> attributeNames() {
        return attributeNames;
    }

    /**
     * @param name an attribute column
     * @return its values by lead, or empty when the file has no such column
     */
    public Optional<AttributeColumn> attribute(String name) {
        int k = attributeNames.indexOf(name);
        return k < 0 ? Optional.empty() : Optional.of(new AttributeColumn(name, attributes[k]));
    }

    /** One attribute column: text by lead index. */
    public static final class AttributeColumn {
        private final String name;
        private final String[] values;

        AttributeColumn(String name, String[] values) {
            this.name = name;
            this.values = values;
        }

        /** @return the column's name */
        public String name() {
            return name;
        }

        /** @return lead {@code i}'s value as written (empty when blank) */
        public String value(int i) {
            return values[i];
        }
    }
}
