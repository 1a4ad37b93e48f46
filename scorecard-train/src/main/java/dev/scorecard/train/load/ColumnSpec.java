package dev.scorecard.train.load;

/**
 * What the loader does with one header column.
 *
 * @param name the header name
 * @param index the 0-based position in the header
 * @param role what the column is for
 * @param type how it is loaded; null for an excluded column, or for a feature whose type is not
 *     inferred yet
 * @param forced true when the type came from the options
 */
record ColumnSpec(String name, int index, Role role, ColumnType type, boolean forced) {

    /** What a column is for. */
    enum Role {
        FEATURE("feature"), ID("id"), TARGET("target"), EXCLUDED("excluded");

        private final String reportName;

        Role(String reportName) {
            this.reportName = reportName;
        }

        /** @return the name shown in {@link ColumnReport#role()} */
        String reportName() {
            return reportName;
        }
    }

    ColumnSpec withType(ColumnType newType) {
        return new ColumnSpec(name, index, role, newType, forced);
    }
}
