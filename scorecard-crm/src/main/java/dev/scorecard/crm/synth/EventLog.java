package dev.scorecard.crm.synth;

import java.util.Arrays;

/**
 * The events one chunk of leads generated, in parallel primitive arrays (a 20M-event run holds
 * them all before writing them in arrival order): the time, the time the line reaches the export
 * (later for late arrivals), the lead's index (beyond the last lead for unknown leads), the type
 * (a {@link MalformedKind} in the high bits), the course index and the value ({@code -1}: none).
 */
final class EventLog {
    /** A log holds fewer events than this, so that its index fits the sort key's 24 bits. */
    static final int MAX_EVENTS = 1 << 24;

    int[] time;
    int[] arrival;
    int[] lead;
    byte[] type;
    byte[] course;
    int[] value;
    int size;

    EventLog(int capacity) {
        int n = Math.max(16, capacity);
        time = new int[n];
        arrival = new int[n];
        lead = new int[n];
        type = new byte[n];
        course = new byte[n];
        value = new int[n];
    }

    /** Appends an event that arrives when it happens; returns its index. */
    int add(long at, int leadIndex, int typeByte, int courseIndex, int val) {
        if (size == time.length) {
            grow();
        }
        int i = size++;
        time[i] = (int) at;
        arrival[i] = (int) at;
        lead[i] = leadIndex;
        type[i] = (byte) typeByte;
        course[i] = (byte) courseIndex;
        value[i] = val;
        return i;
    }

    /** Appends an exact copy of event {@code i} that arrives at {@code at}. */
    void copy(int i, long at) {
        int j = add(time[i], lead[i], type[i], course[i], value[i]);
        arrival[j] = (int) at;
    }

    private void grow() {
        if (time.length >= MAX_EVENTS) {
            throw new IllegalStateException("a chunk of leads generated more than " + MAX_EVENTS + " events");
        }
        int n = Math.min(MAX_EVENTS, time.length * 2);
        time = Arrays.copyOf(time, n);
        arrival = Arrays.copyOf(arrival, n);
        lead = Arrays.copyOf(lead, n);
        type = Arrays.copyOf(type, n);
        course = Arrays.copyOf(course, n);
        value = Arrays.copyOf(value, n);
    }
}
