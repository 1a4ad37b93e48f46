package dev.scorecard.crm.events;

import dev.scorecard.core.InputDataException;
import dev.scorecard.train.io.RejectsWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * What nightly runs over an append-only event log keep between nights, so that a night reads only
 * the lines appended since the last one: every line read so far as the log would hand it on (the
 * usable events as primitive columns, whatever their time; the rejected lines and duplicates with
 * their reasons), the codes, the fingerprints of the lines used, and how far the log was read. One
 * H2 MVStore file in the state directory: each night's additions and the new position are one
 * commit, and the store's file lock refuses a second run on the same state.
 *
 * <p>A night then gives exactly what a full read of the same log as of the same instant gives: the
 * events are kept whatever their time and the as-of instant is applied when they are used, so a line
 * that arrives late (an event older than the last run) simply joins the others. The state is
 * rebuilt from a full read, with the reason reported, when it cannot give that: no state yet, other
 * reading options or rules (types, properties, duplicate policy, format), a log whose bytes before
 * the last position changed (it was rewritten or truncated, not appended to), a lead of the state
 * no longer in the leads file, or a lead that had events before it was in the leads file.
 */
public final class LogState implements AutoCloseable {
    /** The store's file name in the state directory. */
    public static final String FILE = "events-state.mv.db";
    private static final int FORMAT = 3; // 1 kept the columns in the store, 2 the rejected lines' fields
    private static final int TAIL = 4096; // bytes before the position whose hash shows the log was only appended to

    private final Path dir;
    private final MVStore store;
    private final MVMap<String, byte[]> map;

    private LogState(Path dir, MVStore store) {
        this.dir = dir;
        this.store = store;
        this.map = store.openMap("log");
    }

    /**
     * Opens (or creates) the state in a directory and locks it.
     *
     * @param dir the state directory
     * @return the state
     * @throws InputDataException when another run holds it, or it is not a state this version reads
     */
    public static LogState open(Path dir) {
        return new LogState(dir, StateStore.open(dir, FILE, 16));
    }

    @Override
    public void close() {
        // Each night only adds values: nothing to compact, except after a night that rebuilt the state.
        store.close(rebuild ? 2000 : 0);
    }

    /** @return the state directory */
    public Path dir() {
        return dir;
    }

    /**
     * A rejected line or a duplicate, kept for the nights after as the rejects file's row, rendered
     * once: a night copies it rather than parsing and quoting its fields again.
     *
     * @param line the line it starts on
     * @param reason why it is not used
     * @param lead its lead id field, or empty when it has no such field (too few fields)
     * @param rendered its row in the rejects file, with the line end
     * @param duplicateOf for a duplicate, its instant; else {@link Long#MIN_VALUE}
     */
    public record Row(long line, String reason, String lead, String rendered, long duplicateOf) {
        /** @return whether a run as of {@code asOf} lists it (a duplicate of a later event is only after it) */
        public boolean listedAsOf(long asOf) {
            return duplicateOf == Long.MIN_VALUE || duplicateOf <= asOf;
        }
    }

    /**
     * One night's read of the log.
     *
     * @param events every usable event read so far, whatever its time, by tonight's lead indices
     * @param codes their codes
     * @param rows the rejected lines and duplicates read so far, in file order
     * @param header the log's header
     * @param full why the night read the whole log, or empty when it read only the new lines
     * @param newLines the lines read tonight
     */
    public record Night(EventTable events, CodeBook codes, List<Row> rows, List<String> header, Optional<String> full,
            long newLines, Totals totals) {
        /**
         * @param asOf the as-of instant
         * @return the counts a full read as of {@code asOf} gives
         */
        public EventCounts counts(long asOf) {
            long used = 0;
            long after = 0;
            long[] perType = new long[codes.typeCount()];
            for (int i = 0; i < events.size(); i++) {
                if (events.time(i) <= asOf) {
                    used++;
                    perType[events.type(i)]++;
                } else {
                    after++;
                }
            }
            long duplicates = 0;
            for (Row r : rows) {
                if (r.duplicateOf() != Long.MIN_VALUE) {
                    if (r.duplicateOf() <= asOf) {
                        duplicates++;
                    } else {
                        after++;
                    }
                }
            }
            Map<String, Long> seen = new TreeMap<>();
            for (int t = 0; t < perType.length; t++) {
                seen.put(codes.typeName(t), perType[t]);
            }
            return new EventCounts(totals.read, used, after, duplicates, totals.rejected, totals.unknownLeads,
                    totals.unknownTypes, seen, totals.latest);
        }
    }

    /** What every night so far read, as of no instant: lines, rejects and how far times reach. */
    public static final class Totals {
        long read;
        long rejected;
        long unknownLeads;
        Map<String, Long> unknownTypes = new TreeMap<>();
        long latest = Long.MIN_VALUE;

        void add(EventCounts c) {
            read += c.read();
            rejected += c.rejected();
            unknownLeads += c.unknownLeads();
            c.unknownTypes().forEach((k, v) -> unknownTypes.merge(k, v, Long::sum));
            latest = Math.max(latest, c.latest());
        }
    }

    /** Where the log was read to, and what the night's reading options were. */
    private record Meta(String key, List<String> header, long head, long to, long lines, byte[] headHash, byte[] tailHash,
            int nights, Totals totals, java.nio.ByteOrder order) {
    }

    // What tonight's read needs for the commit.
    private Meta next;
    private EventTable table;
    private int savedEvents;
    private int[] stateLead; // tonight's lead index -> the state's lead index
    private int stateLeads; // how many leads the state knows
    private List<String> newLeads; // tonight's, in state order after them
    private List<Row> rows;
    private int savedRows;
    private FingerprintSet seen;
    private CodeBook codes;
    private boolean rebuild;

    /**
     * Reads what is new in the log since the last night (or all of it when the state cannot give the
     * full read's result, see the class comment). Nothing is stored until {@link #commit()}.
     *
     * @param file the events file, appended to between nights
     * @param leads tonight's leads
     * @param options how to read it; the as-of instant is ignored (events are kept whatever their time)
     * @param progress gets the lines read so far
     * @return tonight's read
     */
    public Night read(Path file, LeadTable leads, EventLog.Options options, LongConsumer progress) {
        return read(file, () -> leads, options, progress);
    }

    /**
     * {@link #read(Path, LeadTable, EventLog.Options, LongConsumer)} with tonight's leads asked for only
     * once the state's columns are loaded, so that the leads file can be parsed on another core
     * meanwhile (the columns are loaded by the state's lead indices and mapped to tonight's after).
     *
     * @param file the events file, appended to between nights
     * @param tonight gives tonight's leads, waiting for them if need be
     * @param options how to read it; the as-of instant is ignored (events are kept whatever their time)
     * @param progress gets the lines read so far
     * @return tonight's read
     */
    public Night read(Path file, java.util.function.Supplier<LeadTable> tonight, EventLog.Options options,
            LongConsumer progress) {
        EventLog.Options all = new EventLog.Options(options.format(), Long.MAX_VALUE, options.duplicates(),
                options.knownTypes(), options.properties());
        String key = key(all);
        Optional<Meta> meta = meta();
        String why = null;
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        if (file.getFileName().toString().endsWith(".gz")) {
            throw new InputDataException(file.toString(), 0, null, "--state needs a plain events file that grows by"
                    + " appended lines (a .gz file cannot be read from where the last night stopped)");
        }
        if (meta.isEmpty()) {
            why = "no earlier night in the state";
        } else if (!meta.get().key.equals(key)) {
            why = "the reading options or the rules' event types and properties changed";
        } else if (size < meta.get().to) {
            why = "the events file is shorter than the " + meta.get().to + " bytes the last night read";
        } else if (!Arrays.equals(hash(file, 0, meta.get().head), meta.get().headHash)
                || !Arrays.equals(hash(file, Math.max(meta.get().head, meta.get().to - TAIL), meta.get().to),
                        meta.get().tailHash)) {
            why = "the events file's first " + meta.get().to + " bytes changed (it was rewritten, not appended to)";
        }
        rebuild = why != null;
        long[] scan = scan(file, rebuild ? 0 : meta.get().to, size); // the last line end, the line ends before it
        if (!rebuild) {
            why = loadColumns(meta.get(), scan[1]);
        }
        LeadTable leads = tonight.get();
        if (!rebuild) {
            why = why != null ? why : mapLeads(meta.get(), leads);
            rebuild = why != null;
            if (rebuild) {
                scan = scan(file, 0, size);
            }
        }
        long from = rebuild ? 0 : meta.get().to;
        long head = rebuild ? 0 : meta.get().head;
        long to = scan[0];
        if (rebuild) {
            // sized for every line, so the columns are not doubled past the log (a quarter of a gigabyte at 20M lines)
            table = new EventTable(options.properties().size(), (int) Math.min(Integer.MAX_VALUE - 16, scan[1]));
            codes = new CodeBook(options.properties().size());
            seen = options.duplicates() == DuplicatePolicy.DEDUPE ? new FingerprintSet((int) Math.min(1 << 30, scan[1]))
                    : null;
            rows = new ArrayList<>();
            stateLeads = 0;
            stateLead = new int[leads.size()];
            Arrays.fill(stateLead, -1);
            savedEvents = 0;
            savedRows = 0;
        }
        if (seen != null && !rebuild) {
            seen.startJournal();
        }
        long linesBefore = rebuild ? 0 : meta.get().lines - 1; // the header is one line
        EventLog log = EventLog.open(file, leads, all, Optional.of(new EventLog.Range(head, from, to, linesBefore, codes,
                seen)));
        List<String> header = log.header();
        int leadColumn = header.indexOf(EventLog.LEAD);
        EventCounts c = log.read(table, (line, reason, fields, duplicateOf) -> rows.add(new Row(line, reason,
                fields.size() == header.size() ? fields.get(leadColumn) : "", RejectsWriter.render(line, reason, fields),
                duplicateOf)), progress);
        Totals totals = rebuild ? new Totals() : meta.get().totals;
        totals.add(c);
        long newHead = rebuild ? headerEnd(file, to) : head;
        long lines = (rebuild ? 0 : meta.get().lines) + scan[1];
        next = new Meta(key, header, newHead, to, lines, hash(file, 0, newHead), hash(file, Math.max(newHead, to - TAIL), to),
                (rebuild ? 0 : meta.get().nights) + 1, totals, rebuild ? java.nio.ByteOrder.nativeOrder() : meta.get().order);
        if (!rebuild && !header.equals(meta.get().header)) {
            throw new IllegalStateException("header changed under an unchanged hash");
        }
        newLeads = new ArrayList<>();
        for (int l = 0; l < leads.size(); l++) {
            if (stateLead[l] < 0) {
                stateLead[l] = stateLeads + newLeads.size();
                newLeads.add(leads.id(l));
            }
        }
        return new Night(table, codes, List.copyOf(rows), header, Optional.ofNullable(why), c.read(), totals);
    }

    /**
     * Stores tonight's additions and position as one commit. Call after the night's outputs are in
     * place: a run stopped before it leaves the last night's state, and the next run reads the same
     * new lines again.
     */
    public void commit() {
        if (next == null) {
            throw new IllegalStateException("nothing read");
        }
        // Tonight's values go in under its night number, its columns into the night's file (moved into place
        // whole, its checksum in the store); only the meta, written last, makes them part of the state. A run
        // stopped before that leaves the last night's meta, which never reads tonight's keys or file (the next
        // run overwrites them).
        if (rebuild) {
            map.clear();
            store.commit();
        }
        int night = next.nights;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(newLeads.size());
            for (String id : newLeads) {
                out.writeUTF(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        map.put(key("leads", night), bytes.toByteArray());
        long[] fps;
        if (seen == null) {
            fps = new long[0];
        } else if (rebuild) { // every fingerprint is new: the set itself, not a journal of it
            fps = new long[seen.size()];
            int[] k = {0};
            seen.forEach(f -> fps[k[0]++] = f); // in slot order: the next night's set fills front to back
        } else {
            fps = seen.journal();
        }
        long[] file;
        try {
            file = write(dir.resolve(nightFile(night)), fps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state's " + nightFile(night) + ": " + e.getMessage(), e);
        }
        map.put(key("pieces", night), ByteBuffer.allocate(28).putLong(table.size() - savedEvents).putInt(fps.length)
                .putLong(file[0]).putLong(file[1]).array());
        map.put(key("rows", night), rows(rows.subList(savedRows, rows.size())));
        map.put(key("codes", night), codes());
        map.put("meta", meta(next));
        store.commit();
        store.sync();
        removeOtherFiles(night);
    }

    /** @return the file of a night's columns in the state directory */
    private static String nightFile(int night) {
        return String.format(java.util.Locale.ROOT, "night-%06d.columns", night);
    }

    /** Removes the column files of nights after {@code nights} (a rebuilt state's, a stopped night's). */
    private void removeOtherFiles(int nights) {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("night-") && (name.endsWith(".tmp") || name.endsWith(".columns")
                        && Integer.parseInt(name.substring(6, 12)) > nights)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // leftovers cost only disk space: the store never names them, and their checksums would not match
        }
    }

    /**
     * Writes tonight's new events, grouped by the state's lead index (in the order read within a lead),
     * then the new fingerprints. The next nights load the events in that order, so a lead's events sit
     * side by side in memory and scoring reads them in sequence, not scattered across 20M events.
     *
     * @return {@code [length, crc]}
     */
    private long[] write(Path file, long[] fps) throws IOException {
        int n = table.size() - savedEvents;
        int np = table.properties();
        int[] starts = new int[stateLeads + newLeads.size() + 1];
        for (int i = savedEvents; i < table.size(); i++) {
            starts[stateLead[table.lead(i)] + 1]++;
        }
        for (int l = 1; l < starts.length; l++) {
            starts[l] += starts[l - 1];
        }
        int[] order = new int[n];
        for (int i = savedEvents; i < table.size(); i++) {
            order[starts[stateLead[table.lead(i)]]++] = i;
        }
        // the order of the machine that made the state: a night loads the columns with bulk copies, not byte swaps
        try (ColumnFile.Writer w = new ColumnFile.Writer(file, next.order)) {
            w.putInt(n);
            w.putInt(np);
            w.putInt(fps.length);
            w.putInt(0);
            for (int e : order) {
                w.putInt(stateLead[table.lead(e)]);
            }
            for (int e : order) {
                w.putInt(table.type(e));
            }
            for (int e : order) {
                w.putLong(table.time(e));
            }
            for (int e : order) {
                w.putDouble(table.value(e));
            }
            for (int e : order) {
                for (int p = 0; p < np; p++) {
                    w.putInt(table.property(e, p));
                }
            }
            w.putLongs(fps, 0, fps.length);
            return w.commit();
        }
    }

    private static String key(String what, int night) {
        return String.format(java.util.Locale.ROOT, "%s/%06d", what, night);
    }

    /**
     * Ties the nights' leads to tonight's, and the loaded events to tonight's lead indices; returns why
     * they cannot be used with tonight's leads, or null.
     */
    private String mapLeads(Meta m, LeadTable leads) {
        rows = new ArrayList<>();
        stateLead = new int[leads.size()];
        Arrays.fill(stateLead, -1);
        int[] current = new int[1 << 16];
        int known = 0;
        String missing = null;
        for (int night = 1; night <= m.nights; night++) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(map.get(key("leads", night))))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String id = in.readUTF();
                    // a leads file that only grows keeps the state's order: no lookup for those
                    int l = known < leads.size() && leads.id(known).equals(id) ? known : leads.indexOf(id);
                    if (l < 0 && missing == null) {
                        missing = id;
                    }
                    if (known == current.length) {
                        current = Arrays.copyOf(current, known * 2);
                    }
                    current[known] = l;
                    if (l >= 0) {
                        stateLead[l] = known;
                    }
                    known++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows.addAll(rows(map.get(key("rows", night))));
        }
        if (missing != null) {
            return "lead '" + missing + "' of an earlier night is no longer in the leads file";
        }
        stateLeads = known;
        for (Row r : rows) {
            if (!r.lead().isEmpty() && leads.indexOf(r.lead()) >= 0 && r.reason().equals(EventLog.unknownLead(r.lead()))) {
                return "lead '" + r.lead() + "' had events before it was in the leads file";
            }
        }
        boolean same = true;
        for (int k = 0; k < known && same; k++) {
            same = current[k] == k;
        }
        if (!same) {
            table.mapLeads(current);
        }
        savedRows = rows.size();
        return null;
    }

    /**
     * Loads the nights' events (by the state's lead indices) and fingerprints; returns why they cannot
     * be used, or null.
     */
    private String loadColumns(Meta m, long newLines) {
        long events = 0;
        for (int night = 1; night <= m.nights; night++) {
            events += ByteBuffer.wrap(map.get(key("pieces", night))).getLong(0);
        }
        codes = restoreCodes(map.get(key("codes", m.nights)));
        int np = codes.properties();
        table = new EventTable(np, (int) Math.min(Integer.MAX_VALUE - 16, events + newLines));
        boolean dedupe = m.key.contains(";duplicates=" + DuplicatePolicy.DEDUPE + ";");
        // every event held was new to the set when read, so the set holds as many fingerprints as there are events
        seen = dedupe ? new FingerprintSet((int) Math.min(1 << 30, events + newLines)) : null;
        long[] fps = new long[1 << 16];
        for (int night = 1; night <= m.nights; night++) {
            ByteBuffer piece = ByteBuffer.wrap(map.get(key("pieces", night)));
            String name = nightFile(night);
            try (ColumnFile.Reader in = new ColumnFile.Reader(dir.resolve(name), m.order)) {
                int n = in.getInt();
                in.getInt(); // the property slots, as the codes say
                int nf = in.getInt();
                in.getInt();
                table.append(in, n);
                for (int k = 0; k < nf; k += fps.length) {
                    int c = Math.min(fps.length, nf - k);
                    in.getLongs(fps, 0, c);
                    for (int j = 0; j < c; j++) {
                        seen.add(fps[j]);
                    }
                }
                if (!in.matches(piece.getLong(12), piece.getLong(20))) {
                    return "the state's " + name + " is not the file its store names (its length or checksum differ)";
                }
            } catch (IOException e) {
                return "the state's " + name + " cannot be read (" + e.getMessage() + ")";
            }
        }
        savedEvents = table.size();
        return null;
    }

    private static byte[] rows(List<Row> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(rows.size());
            for (Row r : rows) {
                out.writeLong(r.line());
                out.writeLong(r.duplicateOf());
                writeText(out, r.reason());
                writeText(out, r.lead());
                writeText(out, r.rendered());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<Row> rows(byte[] bytes) {
        List<Row> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                long line = in.readLong();
                long dup = in.readLong();
                out.add(new Row(line, readText(in), readText(in), readText(in), dup));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    // writeUTF stops at 64 KiB; a rejected line's field may be longer.
    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] codes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            List<String> types = codes.types();
            out.writeInt(types.size());
            for (String t : types) {
                writeText(out, t);
            }
            int np = codes.properties();
            out.writeInt(np);
            for (int p = 0; p < np; p++) {
                List<String> v = codes.values(p);
                out.writeInt(v.size());
                for (String s : v) {
                    writeText(out, s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private CodeBook restoreCodes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int nt = in.readInt();
            List<String> types = new ArrayList<>();
            for (int i = 0; i < nt; i++) {
                types.add(readText(in));
            }
            int np = in.readInt();
            CodeBook book = new CodeBook(np);
            types.forEach(book::typeCode);
            for (int p = 0; p < np; p++) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    book.propertyCode(p, readText(in));
                }
            }
            return book;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Meta> meta() {
        byte[] bytes = map.get("meta");
        if (bytes == null) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                return Optional.empty(); // another version's state: rebuilt
            }
            String key = readText(in);
            java.nio.ByteOrder order = in.readBoolean() ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN;
            int nh = in.readInt();
            List<String> header = new ArrayList<>();
            for (int i = 0; i < nh; i++) {
                header.add(readText(in));
            }
            long head = in.readLong();
            long to = in.readLong();
            long lines = in.readLong();
            byte[] headHash = in.readNBytes(in.readInt());
            byte[] tailHash = in.readNBytes(in.readInt());
            int nights = in.readInt();
            Totals t = new Totals();
            t.read = in.readLong();
            t.rejected = in.readLong();
            t.unknownLeads = in.readLong();
            t.latest = in.readLong();
            int nu = in.readInt();
            for (int i = 0; i < nu; i++) {
                t.unknownTypes.put(readText(in), in.readLong());
            }
            return Optional.of(new Meta(key, header, head, to, lines, headHash, tailHash, nights, t, order));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] meta(Meta m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            writeText(out, m.key);
            out.writeBoolean(m.order == java.nio.ByteOrder.LITTLE_ENDIAN);
            out.writeInt(m.header.size());
            for (String h : m.header) {
                writeText(out, h);
            }
            out.writeLong(m.head);
            out.writeLong(m.to);
            out.writeLong(m.lines);
            out.writeInt(m.headHash.length);
            out.write(m.headHash);
            out.writeInt(m.tailHash.length);
            out.write(m.tailHash);
            out.writeInt(m.nights);
            out.writeLong(m.totals.read);
            out.writeLong(m.totals.rejected);
            out.writeLong(m.totals.unknownLeads);
            out.writeLong(m.totals.latest);
            out.writeInt(m.totals.unknownTypes.size());
            for (Map.Entry<String, Long> e : m.totals.unknownTypes.entrySet()) {
                writeText(out, e.getKey());
                out.writeLong(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The reading options a state is valid for. */
    private static String key(EventLog.Options o) {
        InputFormat f = o.format();
        return "delimiter=" + f.delimiter() + ";encoding=" + f.encoding().name() + ";zone=" + f.zone().getId() + ";dialect="
                + f.dialect() + ";duplicates=" + o.duplicates() + ";types=" + o.knownTypes().map(TreeSet::new)
                + ";properties=" + o.properties();
    }

    /**
     * @return {@code [to, lines]}: the byte after the last line end in {@code [from, size)} ({@code from}
     *     when there is none) and the line ends before it
     */
    private static long[] scan(Path file, long from, long size) {
        long lines = 0;
        long last = from;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            long at = from;
            boolean cr = false;
            while (at < size) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), size - at));
                int n = ch.read(buf, at);
                if (n < 0) {
                    break;
                }
                byte[] a = buf.array();
                for (int i = 0; i < n; i++) {
                    byte x = a[i];
                    if (x == '\n') {
                        lines++;
                        last = at + i + 1;
                    } else if (cr) {
                        throw new InputDataException(file.toString(), 0, null, "--state needs lines that end in LF or"
                                + " CRLF; byte " + (at + i) + " follows a lone CR");
                    }
                    cr = x == '\r';
                }
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new long[] {last, lines};
    }

    /** @return the byte after the header line's end */
    private static long headerEnd(Path file, long to) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long at = 0;
            while (at < to) {
                buf.clear();
                int n = ch.read(buf, at);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n') {
                        return at + i + 1;
                    }
                }
                at += n;
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] hash(Path file, long from, long to) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long at = from;
            while (at < to) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), to - at));
                int n = ch.read(buf, at);
                if (n < 0) {
                    break;
                }
                d.update(buf.array(), 0, n);
                at += n;
            }
            return d.digest();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
