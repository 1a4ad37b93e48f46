package dev.scorecard.crm.events;

import java.util.Arrays;

/**
 * Lead ids to their indices, looked up by the characters of a cell without making a String: open
 * addressing over one {@code long[]} whose entries hold the id's hash (String's, so a String and a
 * cell with the same text agree) and the lead's index, so that a lookup of a log's millions of lines
 * touches one slot and then the id itself. Not thread-safe while ids are added.
 */
final class LeadIndex {
    private static final long EMPTY = -1L;

    private String[] ids;
    private long[] slots = newSlots(1 << 11);
    private int size;

    LeadIndex(String[] ids) {
        this.ids = ids;
    }

    /** Follows the id array as it grows. */
    void ids(String[] grown) {
        this.ids = grown;
    }

    /**
     * @param id the id of lead {@code index}, already at {@code ids[index]}
     * @return false when another lead has that id (nothing is added)
     */
    boolean add(String id, int index) {
        if (indexOf(id) >= 0) {
            return false;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        put(id.hashCode(), index);
        size++;
        return true;
    }

    /** @return the index of the lead with this id, or -1 */
    int indexOf(CharSequence id) {
        int h = hash(id);
        int mask = slots.length - 1;
        int p = spread(h) & mask;
        while (true) {
            long e = slots[p];
            if (e == EMPTY) {
                return -1;
            }
            if ((int) (e >>> 32) == h) {
                String candidate = ids[(int) e];
                if (candidate.contentEquals(id)) {
                    return (int) e;
                }
            }
            p = (p + 1) & mask;
        }
    }

    private void put(int h, int index) {
        int mask = slots.length - 1;
        int p = spread(h) & mask;
        while (slots[p] != EMPTY) {
            p = (p + 1) & mask;
        }
        slots[p] = ((long) h << 32) | index;
    }

    private void grow() {
        long[] old = slots;
        slots = newSlots(old.length * 2);
        for (long e : old) {
            if (e != EMPTY) {
                put((int) (e >>> 32), (int) e);
            }
        }
    }

    private static long[] newSlots(int n) {
        long[] s = new long[n];
        Arrays.fill(s, EMPTY);
        return s;
    }

    /** String's hash of the characters, computed the same for a String and a cell. */
    private static int hash(CharSequence s) {
        if (s instanceof String str) {
            return str.hashCode();
        }
        int h = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    /** String hashes of similar ids differ in their low bits only a little: mix them (Fibonacci hashing). */
    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
