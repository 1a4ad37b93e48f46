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
    private int[] leads = new int[1 << 12];
    private int[] types = new int[1 << 12];
    private long[] times = new long[1 << 12];
    private double[] values = new double[1 << 12];
    private int[] props;
    private int size;

    /** @param properties the number of property slots each event has */
    public EventTable(int properties) {
        this.properties = properties;
        this.props = new int[(1 << 12) * properties];
    }

    @Override
    public void accept(int lead, int type, long time, double value, int[] p) {
        if (size == leads.length) {
            int n = size * 2;
            leads = Arrays.copyOf(leads, n);
            types = Arrays.copyOf(types, n);
            times = Arrays.copyOf(times, n);
            values = Arrays.copyOf(values, n);
            props = Arrays.copyOf(props, n * properties);
        }
        leads[size] = lead;
        types[size] = type;
        times[size] = time;
        values[size] = value;
        System.arraycopy(p, 0, props, size * properties, properties);
        size++;
    }

    /** @return the events held */
    public int size() {
        return size;
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
