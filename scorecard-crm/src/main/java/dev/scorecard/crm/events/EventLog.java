package dev.scorecard.crm.events;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.NearestName;
import dev.scorecard.train.io.RejectsStream;
import dev.scorecard.train.load.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * An event log ({@code lead_id, event, timestamp[, value][, …properties]}, SPEC §10), read once,
 * in whatever order its lines are, through the project's CSV reader: each usable event goes to an
 * {@link EventSink} as numbers (the lead's index, a type code, epoch milliseconds, the value and
 * property codes), so memory grows with the leads, the types and the property values, never with
 * the events. Only {@link DuplicatePolicy#DEDUPE} keeps something per line: an 8-byte fingerprint.
 *
 * <p>A line is, in this order: rejected (bytes that are not text, the wrong number of fields, an
 * empty {@code lead_id} or {@code event}, a {@code timestamp} that is not a time, a {@code value}
 * that is not a number, a lead id not in the leads file, a type not in the spec's list); left out
 * as after the as-of instant (invisible, counted); left out as a duplicate of an earlier line (same
 * lead, type, instant, value and every property, under {@code dedupe}); or used. Rejected lines and
 * duplicates go to the rejects file with their line and reason. Not thread-safe: one pass, with the
 * repeats, the sink and the rejects file on a second thread ({@link EventPipe}), in file order.
 */
public final class EventLog implements EventCodes {
    /** The lead id column. */
    public static final String LEAD = "lead_id";
    /** The event type column. */
    public static final String EVENT = "event";
    /** The time column. */
    public static final String TIMESTAMP = "timestamp";
    /** The optional number column. */
    public static final String VALUE = "value";
    /** The reason a duplicate line is given in the rejects file. */
    public static final String DUPLICATE = "duplicate: the same lead_id, event, timestamp, value and properties as an"
            + " earlier line";

    /**
     * How a log is read.
     *
     * @param format delimiter, encoding, header, zone
     * @param asOf the as-of instant in epoch milliseconds: later events are invisible
     * @param duplicates what repeated lines count for
     * @param knownTypes the event types allowed, or empty to allow any
     * @param properties the property columns whose values the sink gets, in slot order
     */
    public record Options(InputFormat format, long asOf, DuplicatePolicy duplicates, Optional<Set<String>> knownTypes,
            List<String> properties) {
        /** Checks and copies. */
        public Options {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(duplicates, "duplicates");
            knownTypes = knownTypes.map(Set::copyOf);
            properties = List.copyOf(properties);
        }
    }

    /**
     * Where a rejected line goes: the rejects file, or the state of an incremental run.
     */
    public interface Rejected {
        /**
         * @param line the line the row starts on
         * @param reason why it cannot be used
         * @param fields its fields as read
         * @param duplicateOf for a {@link #DUPLICATE}, the instant of the event it repeats; else
         *     {@link Long#MIN_VALUE}
         */
        void add(long line, String reason, List<String> fields, long duplicateOf);
    }

    /**
     * The part of a log an incremental run reads: the header and the lines appended since an
     * earlier run read {@code from} bytes, with that run's codes and fingerprints carried on.
     *
     * @param head the bytes of the header line
     * @param from where the new lines start
     * @param to where they end (a line end)
     * @param linesBefore the lines from {@code head} to {@code from}
     * @param codes the earlier run's codes, added to as new types and values appear
     * @param seen the earlier run's fingerprints of the lines used, added to
     */
    public record Range(long head, long from, long to, long linesBefore, CodeBook codes, FingerprintSet seen) {
    }

    private final Path file;
    private final LeadTable leads;
    private final Options options;
    private final CsvCells cells;
    private final List<String> header;
    private final int[] otherColumns;
    private final int[] propertySlot;
    private final boolean hasValue;
    private final CodeBook codes; // its type names are read by the sink's thread (EventPipe)
    private final FingerprintSet seen;

    private EventLog(Path file, LeadTable leads, Options options, CsvCells cells, Optional<Range> range) {
        this.file = file;
        this.leads = leads;
        this.options = options;
        this.cells = cells;
        this.header = cells.header();
        int lead = required(LEAD);
        int event = required(EVENT);
        int time = required(TIMESTAMP);
        int value = header.indexOf(VALUE);
        this.hasValue = value >= 0;
        List<Integer> others = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != lead && c != event && c != time && c != value) {
                others.add(c);
            }
        }
        otherColumns = others.stream().mapToInt(Integer::intValue).toArray();
        propertySlot = new int[options.properties().size()];
        codes = range.map(Range::codes).orElseGet(() -> new CodeBook(options.properties().size()));
        seen = options.duplicates() != DuplicatePolicy.DEDUPE ? null
                : range.map(Range::seen).orElseGet(FingerprintSet::new);
        for (int p = 0; p < propertySlot.length; p++) {
            String name = options.properties().get(p);
            int c = header.indexOf(name);
            int k = others.indexOf(c);
            if (c < 0 || k < 0) {
                throw new InputDataException(file.toString(), cells.headerLine(), null, "no property column '" + name + "'"
                        + NearestName.didYouMean(name, header) + " (the columns: " + String.join(", ", header) + ")");
            }
            propertySlot[p] = k;
        }
        // Text slots: the event type and every other column (few distinct values each), then the id and time.
        int[] texts = new int[otherColumns.length + 3];
        texts[0] = event;
        System.arraycopy(otherColumns, 0, texts, 1, otherColumns.length);
        texts[otherColumns.length + 1] = lead;
        texts[otherColumns.length + 2] = time;
        cells.select(hasValue ? new int[] {value} : new int[0], texts, otherColumns.length + 1);
        cells.selectViews(2); // the id and the time are looked up and parsed, never kept: no String per line
    }

    private int required(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new InputDataException(file.toString(), cells.headerLine(), null, "no column '" + name + "'; an events "
                    + "file needs " + LEAD + ", " + EVENT + " and " + TIMESTAMP + " (its header: " + String.join(", ", header)
                    + ")");
        }
        return i;
    }

    /**
     * Opens the log and checks its header.
     *
     * @param file the events CSV (.csv or .csv.gz)
     * @param leads the leads the events may belong to
     * @param options how to read it
     * @return the log, before its first line
     * @throws InputDataException when the file cannot be read or lacks a column
     */
    public static EventLog open(Path file, LeadTable leads, Options options) {
        return open(file, leads, options, Optional.empty());
    }

    /**
     * Opens the log, or only its header and the lines of a range, and checks its header.
     *
     * @param range the lines appended since an earlier run, with its codes and fingerprints
     * @return the log, before the first line to read
     * @see #open(Path, LeadTable, Options)
     */
    public static EventLog open(Path file, LeadTable leads, Options options, Optional<Range> range) {
        InputFormat f = options.format();
        CsvCells cells = range.isEmpty() ? CsvCells.open(file, f.delimiter(), f.encoding(), List.of(""), f.dialect())
                : CsvCells.openRange(file, f.delimiter(), f.encoding(), List.of(""), f.dialect(), range.get().head(),
                        range.get().from(), range.get().to(), range.get().linesBefore());
        try {
            return new EventLog(file, leads, options, cells, range);
        } catch (RuntimeException e) {
            try {
                cells.close();
            } catch (IOException ignored) {
                // already failing with a clearer message
            }
            throw e;
        }
    }

    /** @return the file's header */
    public List<String> header() {
        return header;
    }

    /**
     * Reads every line, handing the usable events to the sink, and closes the file.
     *
     * @param sink gets each usable event
     * @param rejects makes the rejects stream from the header, at the first line that needs it
     * @param progress gets the lines read so far, now and then
     * @return the counts
     */
    public EventCounts read(EventSink sink, Function<List<String>, RejectsStream> rejects, LongConsumer progress) {
        RejectsStream[] out = new RejectsStream[1];
        return read(sink, (line, reason, fields, duplicateOf) -> {
            if (out[0] == null) {
                out[0] = rejects.apply(header);
            }
            out[0].add(line, reason, fields);
        }, progress);
    }

    /**
     * Reads every line, handing the usable events to the sink and the rest to {@code rejected}, and
     * closes the file.
     *
     * @param sink gets each usable event
     * @param rejected gets each rejected line and each duplicate, in file order
     * @param progress gets the lines read so far, now and then
     * @return the counts
     */
    public EventCounts read(EventSink sink, Rejected rejected, LongConsumer progress) {
        Timestamps times = options.format().timestamps();
        long asOf = options.asOf();
        boolean dedupe = options.duplicates() == DuplicatePolicy.DEDUPE;
        int width = header.size();
        int others = otherColumns.length;
        int[] props = new int[propertySlot.length];
        long read = 0;
        long after = 0;
        long rejects = 0;
        long unknownLeads = 0;
        long latest = Long.MIN_VALUE;
        Map<String, Long> unknownTypes = new TreeMap<>();
        EventPipe pipe = new EventPipe(sink, rejected, header.size(), props.length, seen);
        try (CsvCells c = cells) {
            while (c.next()) {
                read++;
                if ((read & 0xFFFF) == 0) {
                    progress.accept(read);
                }
                String reason = null;
                int lead = -1;
                int type = -1;
                long time = 0;
                double value = Double.NaN;
                String bytes = c.undecodable();
                if (bytes != null) {
                    int f = c.undecodableField();
                    reason = f < width ? "column '" + header.get(f) + "': " + bytes : bytes;
                } else if (c.fieldCount() != width) {
                    reason = "expected " + width + " fields as in the header, found " + c.fieldCount();
                } else {
                    CharSequence id = c.view(others + 1);
                    String typeText = c.text(0);
                    CharSequence timeText = c.view(others + 2);
                    if (id.length() == 0) {
                        reason = "column '" + LEAD + "' is empty";
                    } else if (typeText.isEmpty()) {
                        reason = "column '" + EVENT + "' is empty";
                    } else if ((time = times.parse(timeText)) == Timestamps.INVALID) {
                        reason = "column '" + TIMESTAMP + "': value '" + timeText + "' is not a time";
                    } else if (hasValue && c.badNumber(0) != null) {
                        reason = "column '" + VALUE + "': value '" + c.badNumber(0) + "' is not a number";
                    } else if ((lead = leads.indexOf(id)) < 0) {
                        reason = unknownLead(id);
                        unknownLeads++;
                    } else if (options.knownTypes().isPresent() && !options.knownTypes().get().contains(typeText)) {
                        reason = "event type '" + typeText + "' is not one of the spec's eventTypes"
                                + NearestName.didYouMean(typeText, options.knownTypes().get());
                        unknownTypes.merge(typeText, 1L, Long::sum);
                    } else {
                        type = typeCode(typeText);
                        value = hasValue ? c.number(0) : Double.NaN;
                    }
                }
                if (reason != null) {
                    rejects++;
                    pipe.reject(c.line(), reason, c.fields());
                    continue;
                }
                latest = Math.max(latest, time);
                if (time > asOf) {
                    after++;
                    continue;
                }
                for (int p = 0; p < props.length; p++) {
                    props[p] = propertyCode(p, c.text(1 + propertySlot[p]));
                }
                pipe.event(c.line(), lead, type, time, value, props, dedupe ? fingerprint(time, value, c, others) : 0, c);
            }
        } catch (IOException e) {
            pipe.abandon();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            pipe.abandon();
            throw e;
        }
        pipe.finish();
        progress.accept(read);
        Map<String, Long> seenTypes = new TreeMap<>();
        for (int t = 0; t < codes.typeCount(); t++) {
            seenTypes.put(codes.typeName(t), pipe.used(t));
        }
        return new EventCounts(read, pipe.used(), after, pipe.duplicates(), rejects, unknownLeads, unknownTypes, seenTypes,
                latest);
    }

    /** @return the reason a line for a lead not in the leads file is rejected with */
    static String unknownLead(CharSequence id) {
        return "lead_id '" + id + "' is not in the leads file";
    }

    /**
     * A 64-bit hash of everything on the line, with the instant and value as parsed (FNV-1a, then
     * mixed). The lead and type go in as text, not as codes, so that fingerprints kept by an
     * incremental run stay comparable when the leads file is reordered.
     */
    private static long fingerprint(long time, double value, CsvCells c, int others) {
        long h = 0xcbf29ce484222325L;
        h = text(h, c.view(others + 1));
        h = text(h, c.text(0));
        h = (h ^ time) * 0x100000001b3L;
        h = (h ^ Double.doubleToLongBits(value)) * 0x100000001b3L;
        for (int k = 0; k < others; k++) {
            h = text(h, c.text(1 + k));
        }
        return FingerprintSet.mix(h);
    }

    private static long text(long h, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return (h ^ 0x1F) * 0x100000001b3L; // a field end, so "ab","c" differs from "a","bc"
    }

    private int typeCode(String type) {
        return codes.typeCode(type);
    }

    @Override
    public int propertyCode(int p, String text) {
        return codes.propertyCode(p, text);
    }

    @Override
    public int typeCount() {
        return codes.typeCount();
    }

    @Override
    public String typeName(int code) {
        return codes.typeName(code);
    }

    @Override
    public int propertyCount(int property) {
        return codes.propertyCount(property);
    }

    @Override
    public String propertyValue(int property, int code) {
        return codes.propertyValue(property, code);
    }
}
