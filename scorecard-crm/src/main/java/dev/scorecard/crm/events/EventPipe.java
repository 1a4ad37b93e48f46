package dev.scorecard.crm.events;

import dev.scorecard.train.load.CsvCells;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The second half of reading a log, on a thread of its own: the reading thread parses, checks and
 * looks up each line and hands it on in blocks of primitive columns; this thread drops repeats
 * ({@link DuplicatePolicy#DEDUPE}), feeds the sink and writes the rejects file, all in file order,
 * so the sink and the rejects see exactly what a single thread would give them. The two halves
 * cost about the same (the fingerprint set and the per-lead state are both a cache miss per line),
 * which is why the split is here. A duplicate's fields go to the rejects file as read, so under
 * {@code dedupe} each block also keeps its lines' characters.
 */
final class EventPipe {
    private static final int LINES = 8192;
    private static final Block END = new Block(0, 0, false);

    private final BlockingQueue<Block> full;
    private final BlockingQueue<Block> free;
    private final EventSink sink;
    private final EventLog.Rejected rejects;
    private final FingerprintSet seen;
    private final Thread thread;
    private Block filling;
    private volatile Throwable failure;
    // Written by the second thread, read by the first after join().
    private long used;
    private long duplicates;
    private long[] perType = new long[16];

    /** @param seen the fingerprints of the lines used so far, added to; null unless repeats are dropped */
    EventPipe(EventSink sink, EventLog.Rejected rejects, int width, int properties, FingerprintSet seen) {
        this.sink = sink;
        this.rejects = rejects;
        this.seen = seen;
        boolean dedupe = seen != null;
        int blocks = 4;
        full = new ArrayBlockingQueue<>(blocks + 1);
        free = new ArrayBlockingQueue<>(blocks);
        for (int b = 0; b < blocks; b++) {
            free.add(new Block(properties, width, dedupe));
        }
        thread = new Thread(this::drain, "scorecard-events");
        thread.setDaemon(true);
        thread.start();
        filling = take();
    }

    /** Hands on a usable event; {@code fingerprint} is ignored unless repeats are dropped. */
    void event(long line, int lead, int type, long time, double value, int[] props, long fingerprint, CsvCells c) {
        Block b = filling;
        int i = b.size;
        b.line[i] = line;
        b.reason[i] = null;
        b.lead[i] = lead;
        b.type[i] = type;
        b.time[i] = time;
        b.value[i] = value;
        System.arraycopy(props, 0, b.props, i * props.length, props.length);
        if (seen != null) {
            b.fingerprint[i] = fingerprint;
            b.keep(i, c);
        }
        next(b);
    }

    /** Hands on a line that cannot be used, with its fields as read. */
    void reject(long line, String reason, List<String> fields) {
        Block b = filling;
        int i = b.size;
        b.line[i] = line;
        b.reason[i] = reason;
        b.rejected.add(fields);
        if (seen != null) {
            b.rowEnd[i] = b.rowStart(i); // no characters kept: its fields travel as Strings
        }
        next(b);
    }

    private void next(Block b) {
        if (++b.size == LINES) {
            put(b);
            filling = null; // handed on: a failure from here on must not hand it on again
            filling = take();
        }
    }

    /** Hands on what is left, waits for the second thread and rethrows what stopped it. */
    void finish() {
        put(filling);
        filling = null;
        put(END);
        join();
        rethrow();
    }

    /** Stops the second thread after a failure of the first; what it wrote is left as it is. */
    void abandon() {
        if (filling != null) {
            filling.size = 0;
            put(filling);
            filling = null;
        }
        put(END);
        join();
    }

    long used() {
        return used;
    }

    long duplicates() {
        return duplicates;
    }

    /** @return how many events of type code {@code type} were used */
    long used(int type) {
        return type < perType.length ? perType[type] : 0;
    }

    private void drain() {
        while (true) {
            Block b;
            try {
                b = full.take();
            } catch (InterruptedException e) {
                failure = e;
                return;
            }
            if (b == END) {
                return;
            }
            if (failure == null) {
                try {
                    deliver(b);
                } catch (RuntimeException | Error e) {
                    failure = e; // the first thread sees it at its next block and stops
                }
            }
            b.size = 0;
            b.chars = b.chars.length > (1 << 22) ? new char[1 << 16] : b.chars; // one odd block does not pin memory
            b.rejected.clear();
            free.add(b);
        }
    }

    private void deliver(Block b) {
        int np = b.props.length / LINES;
        int[] props = new int[np];
        int r = 0;
        for (int i = 0; i < b.size; i++) {
            if (b.reason[i] != null) {
                rejects.add(b.line[i], b.reason[i], b.rejected.get(r++), Long.MIN_VALUE);
                continue;
            }
            if (seen != null && !seen.add(b.fingerprint[i])) {
                duplicates++;
                rejects.add(b.line[i], EventLog.DUPLICATE, b.fields(i), b.time[i]);
                continue;
            }
            int type = b.type[i];
            if (type >= perType.length) {
                perType = Arrays.copyOf(perType, Math.max(type + 1, perType.length * 2));
            }
            perType[type]++;
            used++;
            System.arraycopy(b.props, i * np, props, 0, np);
            sink.accept(b.lead[i], type, b.time[i], b.value[i], props);
        }
    }

    private Block take() {
        while (true) {
            rethrow();
            try {
                Block b = free.poll(100, TimeUnit.MILLISECONDS);
                if (b != null) {
                    return b;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the events", e);
            }
        }
    }

    private void put(Block b) {
        if (!full.offer(b)) { // never: the queue holds every block and the end mark
            throw new IllegalStateException("event pipe overfull");
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the events", e);
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("the events thread stopped", t);
        }
    }

    /** Lines in primitive columns; under dedupe also their characters, field by field. */
    private static final class Block {
        final long[] line = new long[LINES];
        final String[] reason = new String[LINES];
        final List<List<String>> rejected = new ArrayList<>(); // the rejected lines' fields, in order
        final int[] lead = new int[LINES];
        final int[] type = new int[LINES];
        final long[] time = new long[LINES];
        final double[] value = new double[LINES];
        final int[] props;
        final long[] fingerprint;
        final int width;
        final int[] fieldEnd;
        final int[] rowEnd;
        char[] chars;
        int size;

        Block(int properties, int width, boolean keepChars) {
            props = new int[LINES * properties];
            this.width = width;
            fingerprint = keepChars ? new long[LINES] : null;
            fieldEnd = keepChars ? new int[LINES * width] : null;
            rowEnd = keepChars ? new int[LINES] : null;
            chars = new char[keepChars ? 1 << 16 : 0];
        }

        int rowStart(int i) {
            return i == 0 ? 0 : rowEnd[i - 1];
        }

        void keep(int i, CsvCells c) {
            int at = rowStart(i);
            int need = at;
            for (int f = 0; f < width; f++) {
                need += c.fieldLength(f);
            }
            if (need > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(need, chars.length * 2));
            }
            for (int f = 0; f < width; f++) {
                at += c.copyField(f, chars, at);
                fieldEnd[i * width + f] = at;
            }
            rowEnd[i] = at;
        }

        List<String> fields(int i) {
            List<String> out = new ArrayList<>(width);
            int at = rowStart(i);
            for (int f = 0; f < width; f++) {
                int end = fieldEnd[i * width + f];
                out.add(new String(chars, at, end - at));
                at = end;
            }
            return out;
        }
    }
}
