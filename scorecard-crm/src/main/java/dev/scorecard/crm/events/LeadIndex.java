package dev.scorecard.crm.events;

import java.util.Arrays;

/**
 * Lead ids to their indices, looked up by the characters of a cell without making a String. Open
 * addressing over one {@code long[]} of two-long entries: the id's hash (String's, so a String and a
 * cell with the same text agree) with the lead's index, and, for an id of at most 8 ASCII characters
 * (most CRM ids: {@code L0000123}, a phone-length number is not), the id itself packed into a long,
 * so that such a lookup touches one cache line and never the id's String. Longer ids are compared
 * with their String. Not thread-safe while ids are added.
 */
final class LeadIndex {
    private static final long EMPTY = -1L;
    /** The packed form of an id that does not fit one: compared through its String. */
    private static final long UNPACKED = 0L;

    private String[] ids;
    private long[] entries = newEntries(1 << 11);
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
        if ((size + 1) * 2 > entries.length / 2) {
            grow();
        }
        put(id.hashCode(), index, pack(id));
        size++;
        return true;
    }

    /** @return the index of the lead with this id, or -1 */
    int indexOf(CharSequence id) {
        int h = hash(id);
        long packed = pack(id);
        int mask = entries.length / 2 - 1;
        int p = spread(h) & mask;
        while (true) {
            long e = entries[2 * p];
            if (e == EMPTY) {
                return -1;
            }
            if ((int) (e >>> 32) == h) {
                long key = entries[2 * p + 1];
                if (packed != UNPACKED ? key == packed : key == UNPACKED && ids[(int) e].contentEquals(id)) {
                    return (int) e;
                }
            }
            p = (p + 1) & mask;
        }
    }

    private void put(int h, int index, long packed) {
        int mask = entries.length / 2 - 1;
        int p = spread(h) & mask;
        while (entries[2 * p] != EMPTY) {
            p = (p + 1) & mask;
        }
        entries[2 * p] = ((long) h << 32) | index;
        entries[2 * p + 1] = packed;
    }

    private void grow() {
        long[] old = entries;
        entries = newEntries(old.length / 2 * 2);
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                put((int) (old[i] >>> 32), (int) old[i], old[i + 1]);
            }
        }
    }

    private static long[] newEntries(int slots) {
        long[] s = new long[2 * slots];
        Arrays.fill(s, EMPTY);
        return s;
    }

    /**
     * @return the id's characters as the bytes of a long, when it has 1 to 8 characters from U+0001 to
     *     U+007F (no zero byte, so two such ids pack alike only when they are equal); otherwise
     *     {@link #UNPACKED}
     */
    static long pack(CharSequence id) {
        int n = id.length();
        if (n == 0 || n > 8) {
            return UNPACKED;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c == 0 || c > 0x7F) {
                return UNPACKED;
            }
            v = (v << 8) | c;
        }
        return v << (8 * (8 - n));
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
