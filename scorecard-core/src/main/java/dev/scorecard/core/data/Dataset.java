package dev.scorecard.core.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** @return the feature column with this name, if any */
    public Optional<Column> feature(String name) {
        return features.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
