package dev.scorecard.train.load;

import dev.scorecard.core.data.NumericColumn;
import java.util.Arrays;

/**
 * The cells of one numeric column while the file loads, in chunks of 32,768 rows (256 KB as doubles:
 * under half of G1's smallest region, so no chunk is a humongous object that a full GC cannot move). A filled chunk is
 * packed into 4-byte decimal mantissas when every value in it is one (see {@link DecimalPacking}), so
 * the typical CSV column of prices, ages and rates takes 4 bytes a cell during the load and after it,
 * and no array is ever grown by copying. Rows are put in increasing order; a row never put reads 0.
 */
final class NumberChunks {
    static final int CHUNK_BITS = 15;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    /** The scale of a chunk held as doubles. */
    private static final int DOUBLES = -1;

    /** Per chunk: a {@code double[]} (the one being filled, or one that did not pack) or an {@code int[]}. */
    private Object[] chunks = new Object[8];
    private int[] scales = new int[8];
    private int count;
    private double[] filling;
    private int fillingIndex = -1;

    /** Puts the value of row {@code row}, which is not below any row put before. */
    void put(int row, double v) {
        int c = row >>> CHUNK_BITS;
        if (c != fillingIndex) {
            moveTo(c);
        }
        filling[row & MASK] = v;
    }

    private void moveTo(int c) {
        if (c < fillingIndex) {
            throw new IllegalStateException("row of chunk " + c + " put after chunk " + fillingIndex);
        }
        pack();
        if (c >= chunks.length) {
            int n = Math.max(c + 1, chunks.length * 2);
            chunks = Arrays.copyOf(chunks, n);
            scales = Arrays.copyOf(scales, n);
        }
        filling = new double[CHUNK];
        fillingIndex = c;
        chunks[c] = filling;
        scales[c] = DOUBLES;
        count = c + 1;
    }

    /** Packs the chunk being filled, if it can be. */
    private void pack() {
        if (filling == null) {
            return;
        }
        DecimalPacking.Packed p = DecimalPacking.pack(filling, filling.length);
        if (p != null) {
            chunks[fillingIndex] = p.mantissas();
            scales[fillingIndex] = p.scale();
        }
        filling = null;
    }

    /**
     * Hands the column over, without the rejected rows, releasing each chunk as it is copied: 4 bytes
     * a cell when every chunk packed and one scale holds them all, otherwise 8. Call once.
     *
     * @param name the column name
     * @param rows the rows put (the last row index plus one, at least)
     * @param rejected row indices to leave out, strictly increasing
     * @return exactly {@code rows - rejected.length} values
     */
    NumericColumn take(String name, int rows, int[] rejected) {
        pack();
        int scale = commonScale();
        int n = rows - rejected.length;
        if (scale >= 0) {
            int[] out = new int[n];
            copyKept(rows, rejected, (chunk, from, at, len) -> {
                int[] m = (int[]) chunks[chunk];
                int k = scales[chunk];
                if (m == null) {
                    return; // never put: zeros
                }
                if (k == scale) {
                    System.arraycopy(m, from, out, at, len);
                } else {
                    int f = DecimalPacking.powerOfTen(scale - k);
                    for (int i = 0; i < len; i++) {
                        out[at + i] = DecimalPacking.rescale(m[from + i], f);
                    }
                }
            });
            return NumericColumn.ofDecimal(name, out, scale);
        }
        double[] out = new double[n];
        copyKept(rows, rejected, (chunk, from, at, len) -> {
            Object c = chunks[chunk];
            if (c instanceof double[] d) {
                System.arraycopy(d, from, out, at, len);
            } else if (c instanceof int[] m) {
                int k = scales[chunk];
                for (int i = 0; i < len; i++) {
                    out[at + i] = NumericColumn.decimalValue(m[from + i], k);
                }
            }
        });
        return NumericColumn.of(name, out);
    }

    /**
     * @return the largest scale of the packed chunks when every chunk packed and every mantissa still
     *     fits at it; -1 otherwise
     */
    private int commonScale() {
        int scale = 0;
        for (int c = 0; c < count; c++) {
            if (chunks[c] instanceof double[]) {
                return -1;
            }
            if (chunks[c] != null) {
                scale = Math.max(scale, scales[c]);
            }
        }
        for (int c = 0; c < count; c++) {
            if (chunks[c] instanceof int[] m && scales[c] < scale && !DecimalPacking.fitsRescaled(m,
                    DecimalPacking.powerOfTen(scale - scales[c]))) {
                return -1;
            }
        }
        return scale;
    }

    private interface Copy {
        void run(int chunk, int from, int at, int len);
    }

    /** Calls {@code copy} for each run of kept rows within a chunk, in row order, and releases each chunk after it. */
    private void copyKept(int rows, int[] rejected, Copy copy) {
        int at = 0;
        int next = 0;
        for (int c = 0; c < count && (long) c * CHUNK < rows; c++) {
            int start = c * CHUNK;
            int end = (int) Math.min(rows, (long) start + CHUNK);
            int from = start;
            while (from < end) {
                int stop = next < rejected.length && rejected[next] < end ? rejected[next] : end;
                if (stop > from) {
                    copy.run(c, from - start, at, stop - from);
                    at += stop - from;
                }
                if (stop < end) {
                    next++;
                    from = stop + 1;
                } else {
                    from = end;
                }
            }
            chunks[c] = null;
        }
        chunks = null;
    }
}
