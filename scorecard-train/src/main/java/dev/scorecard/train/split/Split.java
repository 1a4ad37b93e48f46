package dev.scorecard.train.split;

import dev.scorecard.core.data.Dataset;
import java.util.Arrays;
import java.util.Objects;

/**
 * A division of a dataset's rows into a training part and a test part, as 0-based row indices into
 * the full dataset. Both arrays are strictly increasing (so each part keeps the file order) and no
 * row is in both. The arrays are copied on the way in and on the way out; equality compares their
 * contents.
 *
 * @param train the training rows, strictly increasing, each at least 0
 * @param test the test rows, strictly increasing, each at least 0, none also in {@code train}
 */
public record Split(int[] train, int[] test) {
    /** Checks order and disjointness, and copies both arrays. */
    public Split {
        train = checked(Objects.requireNonNull(train, "train").clone(), "train");
        test = checked(Objects.requireNonNull(test, "test").clone(), "test");
        // Both sorted: one merge walk finds a shared row.
        int i = 0;
        int j = 0;
        while (i < train.length && j < test.length) {
            if (train[i] < test[j]) {
                i++;
            } else if (train[i] > test[j]) {
                j++;
            } else {
                throw new IllegalArgumentException("row " + train[i] + " is in both train and test");
            }
        }
    }

    private static int[] checked(int[] rows, String what) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + rows[i] + " is negative");
            }
            if (i > 0 && rows[i] <= rows[i - 1]) {
                throw new IllegalArgumentException(what + " rows must be strictly increasing, but " + what + "["
                        + i + "] = " + rows[i] + " follows " + rows[i - 1]);
            }
        }
        return rows;
    }

    /** @return a copy of the training rows */
    @Override
    public int[] train() {
        return train.clone();
    }

    /** @return a copy of the test rows */
    @Override
    public int[] test() {
        return test.clone();
    }

    /** @return the number of training rows */
    public int trainCount() {
        return train.length;
    }

    /** @return the number of test rows */
    public int testCount() {
        return test.length;
    }

    /**
     * @param full the dataset the indices refer to
     * @return the training rows of {@code full}, in file order
     * @throws IllegalArgumentException when the split refers to a row {@code full} does not have
     */
    public Dataset trainOf(Dataset full) {
        return pick(full, train, "train");
    }

    /**
     * @param full the dataset the indices refer to
     * @return the test rows of {@code full}, in file order
     * @throws IllegalArgumentException when the split refers to a row {@code full} does not have
     */
    public Dataset testOf(Dataset full) {
        return pick(full, test, "test");
    }

    private static Dataset pick(Dataset full, int[] rows, String what) {
        Objects.requireNonNull(full, "full");
        // Sorted, so the last index is the largest: one comparison gives a message that names the split.
        if (rows.length > 0 && rows[rows.length - 1] >= full.rowCount()) {
            throw new IllegalArgumentException("the split's " + what + " rows reach row " + rows[rows.length - 1]
                    + ", but the dataset has " + full.rowCount() + " rows");
        }
        return full.select(rows);
    }

    /** @return true for a split with the same rows in each part */
    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
    }

    /** @return the sizes of the two parts, not the indices (a split may hold millions) */
    @Override
    public String toString() {
        return "Split[train=" + train.length + " rows, test=" + test.length + " rows]";
    }
}
