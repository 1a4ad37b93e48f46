package dev.scorecard.train.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the loader did with one column.
 *
 * @param name the column name as in the header
 * @param type how the column was loaded ({@link ColumnType#CATEGORICAL} for id and target columns)
 * @param typeForced true when the type came from {@link CsvLoadOptions#types()}
 * @param missingTokenCounts for each missing token that matched at least one cell of this column,
 *     how many cells it matched, in the order of {@link CsvLoadOptions#missingValues()}; counted over
 *     every data row read, rejected rows included
 * @param role {@code feature}, {@code id} or {@code target}
 * @param nonNumeric for a numeric column with cells that are not numbers (their rows rejected), and for
 *     a column inferred categorical although at least as many of its cells are numbers, those cells;
 *     empty for every other column
 */
public record ColumnReport(String name, ColumnType type, boolean typeForced, Map<String, Long> missingTokenCounts, String role,
        Optional<NonNumericCells> nonNumeric) {
    /** Validates the report and copies the counts, keeping their order. */
    public ColumnReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        missingTokenCounts = Collections.unmodifiableMap(new LinkedHashMap<>(missingTokenCounts));
        Objects.requireNonNull(nonNumeric, "nonNumeric");
    }

    /** A report of a column whose type no handful of cells decided. */
    public ColumnReport(String name, ColumnType type, boolean typeForced, Map<String, Long> missingTokenCounts, String role) {
        this(name, type, typeForced, missingTokenCounts, role, Optional.empty());
    }

    /** @return the number of cells of this column that matched any missing token */
    public long missingCount() {
        long n = 0;
        for (long c : missingTokenCounts.values()) {
            n += c;
        }
        return n;
    }
}
