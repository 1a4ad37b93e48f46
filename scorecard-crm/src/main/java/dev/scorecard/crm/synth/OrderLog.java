package dev.scorecard.crm.synth;

import java.util.Arrays;

/** Orders in parallel primitive arrays: time, customer (the lead's index), amount in cents, course. */
final class OrderLog {
    int[] time = new int[64];
    int[] lead = new int[64];
    long[] cents = new long[64];
    byte[] course = new byte[64];
    int size;

    void add(long at, int leadIndex, long amountCents, int courseIndex) {
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            lead = Arrays.copyOf(lead, n);
            cents = Arrays.copyOf(cents, n);
            course = Arrays.copyOf(course, n);
        }
        time[size] = (int) at;
        lead[size] = leadIndex;
        cents[size] = amountCents;
        course[size] = (byte) courseIndex;
        size++;
    }

    void addAll(OrderLog o) {
        for (int i = 0; i < o.size; i++) {
            add(o.time[i], o.lead[i], o.cents[i], o.course[i]);
        }
    }
}
