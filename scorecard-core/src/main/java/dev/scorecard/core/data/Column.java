package dev.scorecard.core.data;

/** One named column of a {@link Dataset}: numeric or categorical. */
public sealed interface Column permits NumericColumn, CategoricalColumn {
    /** @return the column name as in the header */
    String name();

    /** @return the number of rows */
    int size();

    /** @return true when row {@code row} holds no value */
    boolean isMissing(int row);

    /**
     * Picks rows by index, for splits and resampling: row {@code i} of the result is row
     * {@code rows[i]} of this column. Indices may come in any order and may repeat.
     *
     * @param rows 0-based row indices, each in {@code 0..size()-1}; not kept by the result
     * @return a new column of the same kind and name; a categorical column keeps its levels and codes,
     *     also levels that no picked row holds
     * @throws IllegalArgumentException for an index outside the column, naming it and its position
     */
    Column select(int[] rows);

    /** @return the number of rows that hold no value */
    default int missingCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }
}
