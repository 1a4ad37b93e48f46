package dev.scorecard.core.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Feature columns and the binary target, all of the same length. Identifier columns, when kept, are
 * in {@link #ids()} and are never features.
 *
 * @param features the candidate characteristics, in file order
 * @param ids identifier columns kept for outputs, in file order
 * @param target the binary target
 */
public record Dataset(List<Column> features, List<Column> ids, BinaryTarget target) {
    /** Checks that every column has the target's length and that names are unique. */
    public Dataset {
        features = List.copyOf(features);
        ids = List.copyOf(ids);
        Map<String, Column> seen = new LinkedHashMap<>();
        for (Column c : features) {
            checkColumn(c, target, seen);
        }
        for (Column c : ids) {
            checkColumn(c, target, seen);
        }
    }

    private static void checkColumn(Column c, BinaryTarget target, Map<String, Column> seen) {
        if (c.size() != target.size()) {
            throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size()
                    + " rows, the target has " + target.size());
        }
        if (seen.put(c.name(), c) != null) {
            throw new IllegalArgumentException("column '" + c.name() + "' appears twice");
        }
    }

    /** @return the number of rows */
    public int rowCount() {
        return target.size();
    }

    /**
     * Picks rows by index, for splits and resampling: row {@code i} of the result is row
     * {@code rows[i]} of this dataset, in every feature, id column and the target. Indices may come
     * in any order and may repeat.
     *
     * @param rows 0-based row indices, each in {@code 0..rowCount()-1}; not kept by the result
     * @return a new dataset with the same columns, in the same order
     * @throws IllegalArgumentException for an index outside the dataset, naming it and its position
     */
    public Dataset select(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        int n = rowCount();
        // Checked here once, so that the message speaks of the dataset rather than of its first column.
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= n) {
                throw new IllegalArgumentException("row index " + rows[i] + " at position " + i
                        + " is out of range for the dataset's " + n + " rows");
            }
        }
        // One copy of the indices, shared by every column picked straight from its values, so that a
        // split costs 4 bytes a row for the whole dataset rather than for each column.
        int[] shared = rows.clone();
        return new Dataset(selectAll(features, shared), selectAll(ids, shared), target.select(shared));
    }

    private static List<Column> selectAll(List<Column> columns, int[] rows) {
        List<Column> picked = new ArrayList<>(columns.size());
        for (Column c : columns) {
            picked.add(c instanceof NumericColumn n ? n.pick(rows) : ((CategoricalColumn) c).pick(rows));
        }
        return picked;
    }

    /** @return the feature column with this name, if any */
    public Optional<Column> feature(String name) {
        return features.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
