package dev.scorecard.crm.activate;

import dev.scorecard.crm.events.EventCodes;
import dev.scorecard.crm.events.EventSink;
import java.util.Arrays;
import java.util.List;

/**
 * The instants of the events that some goal names, kept per goal type and lead in time order, so
 * that "did this lead have such an event in (entered, deadline]" is a binary search. Only the goal
 * types are kept (12 bytes an event), so memory grows with those events, not with the whole log.
 * Filled by one reader, then {@link #seal}ed and read.
 */
final class UpliftEvents implements EventSink {
    private static final int UNKNOWN = -2;

    private final List<String> types;
    private final int leads;
    private EventCodes codes;
    private int[] slotOfCode = new int[0];
    private int[] lead = new int[1024];
    private int[] slot = new int[1024];
    private long[] time = new long[1024];
    private int n;
    /** After sealing: per slot and lead, where its times start in {@link #sorted}. */
    private int[] starts;
    private long[] sorted;

    /**
     * @param types the goal event types, one slot each
     * @param leads how many leads there are
     */
    UpliftEvents(List<String> types, int leads) {
        this.types = List.copyOf(types);
        this.leads = leads;
    }

    /** @param log the codes of the log being read, for the type names */
    void codes(EventCodes log) {
        this.codes = log;
    }

    @Override
    public void accept(int l, int type, long t, double value, int[] properties) {
        if (type >= slotOfCode.length) {
            int old = slotOfCode.length;
            slotOfCode = Arrays.copyOf(slotOfCode, Math.max(type + 1, old * 2));
            Arrays.fill(slotOfCode, old, slotOfCode.length, UNKNOWN);
        }
        if (slotOfCode[type] == UNKNOWN) {
            slotOfCode[type] = types.indexOf(codes.typeName(type)); // -1: no goal's type, skipped
        }
        int s = slotOfCode[type];
        if (s < 0) {
            return;
        }
        if (n == lead.length) {
            lead = Arrays.copyOf(lead, n * 2);
            slot = Arrays.copyOf(slot, n * 2);
            time = Arrays.copyOf(time, n * 2);
        }
        lead[n] = l;
        slot[n] = s;
        time[n++] = t;
    }

    /** Groups the events by slot and lead and sorts each lead's instants. */
    void seal() {
        int cells = Math.multiplyExact(types.size(), leads); // one start per goal type and lead: 4 bytes each
        starts = new int[cells + 1];
        for (int i = 0; i < n; i++) {
            starts[slot[i] * leads + lead[i] + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            starts[c + 1] += starts[c];
        }
        int[] at = Arrays.copyOf(starts, cells);
        sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[at[slot[i] * leads + lead[i]]++] = time[i];
        }
        for (int c = 0; c < cells; c++) {
            Arrays.sort(sorted, starts[c], starts[c + 1]);
        }
        lead = null;
        slot = null;
        time = null;
    }

    /**
     * @param type a goal type's slot
     * @param l a lead
     * @param after the entry's instant (excluded)
     * @param until the deadline (included)
     * @return true when the lead has an event of the type in {@code (after, until]}
     */
    boolean any(int type, int l, long after, long until) {
        int from = starts[type * leads + l];
        int to = starts[type * leads + l + 1];
        int lo = from;
        int hi = to;
        while (lo < hi) { // the first instant after 'after'
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= after) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < to && sorted[lo] <= until;
    }
}
