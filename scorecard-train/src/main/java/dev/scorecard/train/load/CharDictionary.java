package dev.scorecard.train.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dictionary encoding of labels read as {@code char[]} slices: a String is created only the first
 * time a label is seen. Codes are dense, 0-based, in order of first appearance. Open addressing with
 * linear probing, kept at most half full.
 */
final class CharDictionary {
    private int[] table = new int[16]; // code + 1; 0 = empty slot
    private char[][] keys = new char[8][];
    private int[] hashes = new int[8];
    private long[] firstLines; // null unless asked for
    private final List<String> levels = new ArrayList<>();

    /** A dictionary that does not keep where each label first appeared. */
    CharDictionary() {
    }

    /**
     * @param keepFirstLines true to keep the line each label first appeared on (given to
     *     {@link #code(char[], int, int, long)}), for messages about a column's odd values
     */
    CharDictionary(boolean keepFirstLines) {
        firstLines = keepFirstLines ? new long[8] : null;
    }

    /** @return the code of the label in the slice, adding it when new */
    int code(char[] buf, int off, int len) {
        return code(buf, off, len, 0);
    }

    /** @return the code of the label in the slice, adding it, first seen on {@code line}, when new */
    int code(char[] buf, int off, int len, long line) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + buf[i];
        }
        int mask = table.length - 1;
        int slot = spread(h) & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return add(slot, h, buf, off, len, line);
            }
            int code = entry - 1;
            if (hashes[code] == h) {
                char[] key = keys[code];
                if (key.length == len && Arrays.equals(key, 0, len, buf, off, off + len)) {
                    return code;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /** @return the code of {@code label}, adding it when new */
    int code(String label) {
        return code(label.toCharArray(), 0, label.length());
    }

    /** @return the number of distinct labels */
    int size() {
        return levels.size();
    }

    /** @return the labels in code order (a live view; do not modify) */
    List<String> levels() {
        return levels;
    }

    /** @return the line label {@code code} first appeared on, when this dictionary keeps them */
    long firstLine(int code) {
        return firstLines[code];
    }

    private int add(int slot, int h, char[] buf, int off, int len, long line) {
        int code = levels.size();
        if (code == keys.length) {
            keys = Arrays.copyOf(keys, code * 2);
            hashes = Arrays.copyOf(hashes, code * 2);
            if (firstLines != null) {
                firstLines = Arrays.copyOf(firstLines, code * 2);
            }
        }
        if (firstLines != null) {
            firstLines[code] = line;
        }
        keys[code] = Arrays.copyOfRange(buf, off, off + len);
        hashes[code] = h;
        levels.add(new String(keys[code]));
        table[slot] = code + 1;
        if (2 * (code + 1) > table.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int mask = t.length - 1;
        for (int code = 0; code < levels.size(); code++) {
            int slot = spread(hashes[code]) & mask;
            while (t[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            t[slot] = code + 1;
        }
        table = t;
    }

    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
