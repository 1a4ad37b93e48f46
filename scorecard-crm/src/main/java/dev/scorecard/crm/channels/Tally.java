package dev.scorecard.crm.channels;

/** Leads and conversions of one group, counted as the leads are read. Not thread-safe. */
final class Tally {
    private long leads;
    private long conversions;

    void add(boolean converted) {
        leads++;
        if (converted) {
            conversions++;
        }
    }

    long leads() {
        return leads;
    }

    long conversions() {
        return conversions;
    }
}
