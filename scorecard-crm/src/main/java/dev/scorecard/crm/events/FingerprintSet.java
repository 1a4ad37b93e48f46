package dev.scorecard.crm.events;

/**
 * The 64-bit fingerprints of the event lines seen, for dropping repeats without keeping the lines:
 * open addressing over a {@code long[]}, 11 to 23 bytes per distinct line. Two different lines share
 * a fingerprint with probability about {@code n² / 2^65} (1 in 90,000 for 20 million lines). Not
 * thread-safe.
 */
public final class FingerprintSet {
    private long[] slots;
    private int size;
    private boolean hasZero;
    private long[] journal; // the fingerprints added since startJournal(), for an incremental run's state
    private int journalSize;

    /** An empty set. */
    public FingerprintSet() {
        this(0);
    }

    /** @param expected how many fingerprints it will hold, so that it need not grow */
    public FingerprintSet(int expected) {
        int n = 1 << 16;
        while (n * 7L < expected * 10L + 10) {
            n <<= 1;
        }
        slots = new long[n];
    }

    /** Starts keeping the fingerprints added from now on, in order: {@link #journal()}. */
    public void startJournal() {
        journal = new long[1 << 12];
        journalSize = 0;
    }

    /** @return the fingerprints added since {@link #startJournal()}, in order */
    public long[] journal() {
        return journal == null ? new long[0] : java.util.Arrays.copyOf(journal, journalSize);
    }

    /**
     * Hands every fingerprint held to {@code to}, in no particular order.
     *
     * @param to gets them
     */
    public void forEach(java.util.function.LongConsumer to) {
        if (hasZero) {
            to.accept(0);
        }
        for (long f : slots) {
            if (f != 0) {
                to.accept(f);
            }
        }
    }

    /** @return the fingerprints held */
    public int size() {
        return size + (hasZero ? 1 : 0);
    }

    /**
     * @param fingerprint a 64-bit fingerprint
     * @return true when the fingerprint was not in the set (it now is)
     */
    public boolean add(long fingerprint) {
        boolean added = put(fingerprint);
        if (added && journal != null) {
            if (journalSize == journal.length) {
                journal = java.util.Arrays.copyOf(journal, journalSize * 2);
            }
            journal[journalSize++] = fingerprint;
        }
        return added;
    }

    private boolean put(long fingerprint) {
        if (fingerprint == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int mask = slots.length - 1;
        int i = (int) (mix(fingerprint) & mask);
        while (true) {
            long s = slots[i];
            if (s == 0) {
                slots[i] = fingerprint;
                if (++size * 10L > slots.length * 7L) { // linear probing stays short up to 0.7 full
                    grow();
                }
                return true;
            }
            if (s == fingerprint) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long s : old) {
            if (s != 0) {
                int i = (int) (mix(s) & mask);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
            }
        }
    }

    /**
     * Spreads the bits (the finaliser of MurmurHash3), so nearby fingerprints do not cluster.
     *
     * @param h any 64 bits
     * @return them mixed
     */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
