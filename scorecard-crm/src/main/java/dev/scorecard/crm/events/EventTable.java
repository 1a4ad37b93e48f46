package dev.scorecard.crm.events;

import java.util.Arrays;

/**
 * The usable events of a log held in memory as primitive columns (about 24 bytes per event plus 4 per
 * property), for work that needs them more than once, such as features at many as-of dates. Fill it
 * as a log's {@link EventSink}, then {@link #replay} it. Not thread-safe while filled; replaying from
 * several threads at once is safe.
 */
public final class EventTable implements EventSink {
    private final int properties;
    private int[] leads;
    private int[] types;
    private long[] times;
    private double[] values;
    private int[] props;
    private int size;

    /** @param properties the number of property slots each event has */
    public EventTable(int properties) {
        this(properties, 1 << 12);
    }

    /**
     * @param properties the number of property slots each event has
     * @param capacity the events it holds before it grows
     */
    public EventTable(int properties, int capacity) {
        this.properties = properties;
        int n = Math.max(16, capacity);
        leads = new int[n];
        types = new int[n];
        times = new long[n];
        values = new double[n];
        props = new int[n * properties];
    }

    @Override
    public void accept(int lead, int type, long time, double value, int[] p) {
        if (size == leads.length) {
            grow(size + 1);
        }
        leads[size] = lead;
        types[size] = type;
        times[size] = time;
        values[size] = value;
        System.arraycopy(p, 0, props, size * properties, properties);
        size++;
    }

    /**
     * Appends {@code n} events stored column after column (as {@link LogState} writes them), their
     * leads as stored: {@link #mapLeads} maps them.
     */
    void append(ColumnFile.Reader in, int n) throws java.io.IOException {
        int need = size + n;
        if (need > leads.length) {
            grow(need);
        }
        in.getInts(leads, size, n);
        in.getInts(types, size, n);
        in.getLongs(times, size, n);
        in.getDoubles(values, size, n);
        in.getInts(props, size * properties, n * properties);
        size = need;
    }

    /** Maps every event's lead index {@code l} to {@code leadOf[l]}. */
    void mapLeads(int[] leadOf) {
        for (int i = 0; i < size; i++) {
            leads[i] = leadOf[leads[i]];
        }
    }

    /** Makes room for at least {@code need} events. */
    private void grow(int need) {
        // by half: at 20M events, doubling would hold 13M empty slots and copy 1.6 GB
        int n = Math.max(need, leads.length + (leads.length >> 1));
        leads = Arrays.copyOf(leads, n);
        types = Arrays.copyOf(types, n);
        times = Arrays.copyOf(times, n);
        values = Arrays.copyOf(values, n);
        props = Arrays.copyOf(props, n * properties);
    }

    /** @return the number of property slots */
    int properties() {
        return properties;
    }

    /** @return the events held */
    public int size() {
        return size;
    }

    /** @return event {@code i}'s lead index */
    public int lead(int i) {
        return leads[i];
    }

    /** @return event {@code i}'s type code */
    public int type(int i) {
        return types[i];
    }

    /** @return event {@code i}'s instant, epoch milliseconds */
    public long time(int i) {
        return times[i];
    }

    /** @return event {@code i}'s value, NaN when it has none */
    public double value(int i) {
        return values[i];
    }

    /** @return the code of event {@code i}'s property {@code p}, -1 when blank */
    public int property(int i, int p) {
        return props[i * properties + p];
    }

    /**
     * The events grouped by lead, in the order they were read within each lead (a counting sort).
     *
     * @param leadCount the number of leads
     * @return {@code [starts, order]}: lead {@code l}'s events are {@code order[starts[l]]} to
     *     {@code order[starts[l + 1] - 1]}
     */
    public int[][] byLead(int leadCount) {
        int[] starts = new int[leadCount + 1];
        for (int i = 0; i < size; i++) {
            starts[leads[i] + 1]++;
        }
        for (int l = 0; l < leadCount; l++) {
            starts[l + 1] += starts[l];
        }
        int[] next = Arrays.copyOf(starts, leadCount);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[next[leads[i]]++] = i;
        }
        return new int[][] {starts, order};
    }

    /**
     * Hands every event at or before {@code until} to the sink, in the order they were read.
     *
     * @param sink gets the events
     * @param until the as-of instant, epoch milliseconds (inclusive)
     */
    public void replay(EventSink sink, long until) {
        int[] p = new int[properties];
        for (int i = 0; i < size; i++) {
            if (times[i] <= until) {
                System.arraycopy(props, i * properties, p, 0, properties);
                sink.accept(leads[i], types[i], times[i], values[i], p);
            }
        }
    }
}
