package dev.scorecard.core.data;

/** One named column of a {@link Dataset}: numeric or categorical. */
public sealed interface Column permits NumericColumn, CategoricalColumn {
    /** @return the column name as in the header */
    String name();

    /** @return the number of rows */
    int size();

    /** @return true when row {@code row} holds no value */
    boolean isMissing(int row);

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
