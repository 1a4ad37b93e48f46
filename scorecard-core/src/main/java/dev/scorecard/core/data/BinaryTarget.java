package dev.scorecard.core.data;

import java.util.Objects;
import java.util.Optional;

/**
 * The binary target: one byte per row, 1 for the event (a conversion, a default) and 0 for the
 * non-event. Rows whose target was missing or invalid never reach a target; the loader rejects them.
 */
public final class BinaryTarget {
    private final String name;
    private final String eventLabel;
    private final Optional<String> nonEventLabel;
    private final byte[] events;
    private final int eventCount;

    private BinaryTarget(String name, String eventLabel, Optional<String> nonEventLabel, byte[] events) {
        this.name = Objects.requireNonNull(name, "name");
        this.eventLabel = Objects.requireNonNull(eventLabel, "eventLabel");
        this.nonEventLabel = Objects.requireNonNull(nonEventLabel, "nonEventLabel");
        this.events = Objects.requireNonNull(events, "events");
        int e = 0;
        for (int i = 0; i < events.length; i++) {
            byte b = events[i];
            if (b != 0 && b != 1) {
                throw new IllegalArgumentException("target '" + name + "': value " + b + " at row " + i + " is not 0 or 1");
            }
            e += b;
        }
        this.eventCount = e;
    }

    /**
     * @param name the target column name
     * @param eventLabel the raw value that marks the event (for reports)
     * @param events 1 for event, 0 for non-event; ownership passes to the target
     * @return the target
     */
    public static BinaryTarget of(String name, String eventLabel, byte[] events) {
        return new BinaryTarget(name, eventLabel, Optional.empty(), events);
    }

    /**
     * @param name the target column name
     * @param eventLabel the raw value that marks the event
     * @param nonEventLabel the raw value that marks the non-event, which the model keeps so that a file
     *     to evaluate is read with both labels
     * @param events 1 for event, 0 for non-event; ownership passes to the target
     * @return the target
     */
    public static BinaryTarget of(String name, String eventLabel, String nonEventLabel, byte[] events) {
        return new BinaryTarget(name, eventLabel, Optional.of(nonEventLabel), events);
    }

    /** @return the target column name */
    public String name() {
        return name;
    }

    /** @return the raw value that marks the event */
    public String eventLabel() {
        return eventLabel;
    }

    /** @return the raw value that marks the non-event, when known */
    public Optional<String> nonEventLabel() {
        return nonEventLabel;
    }

    /** @return the number of rows */
    public int size() {
        return events.length;
    }

    /** @return true when row {@code row} is an event */
    public boolean isEvent(int row) {
        return events[row] != 0;
    }

    /** @return 1 for an event, 0 otherwise */
    public int event(int row) {
        return events[row];
    }

    /**
     * Picks rows by index, for splits and resampling: row {@code i} of the result is row
     * {@code rows[i]} of this target. Indices may come in any order and may repeat.
     *
     * @param rows 0-based row indices, each in {@code 0..size()-1}; not kept by the result
     * @return a new target with the same name and labels
     * @throws IllegalArgumentException for an index outside the target, naming it and its position
     */
    public BinaryTarget select(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        byte[] picked = new byte[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (r < 0 || r >= events.length) {
                throw new IllegalArgumentException("target '" + name + "': row index " + r + " at position " + i
                        + " is out of range for " + events.length + " rows");
            }
            picked[i] = events[r];
        }
        return new BinaryTarget(name, eventLabel, nonEventLabel, picked);
    }

    /** @return the number of events */
    public int eventCount() {
        return eventCount;
    }

    /** @return the number of non-events */
    public int nonEventCount() {
        return events.length - eventCount;
    }
}
