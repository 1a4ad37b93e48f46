package dev.scorecard.train.export;

import dev.scorecard.core.internal.ConfigNames;

/**
 * The SQL the export writes ({@code --dialect ansi|postgres|duckdb|h2}, SPEC §11). Every dialect
 * writes the same standard SQL; the one difference is how a NaN stored in a {@code DOUBLE PRECISION}
 * column is treated:
 * <ul>
 *   <li>{@link #ANSI}: standard SQL has no NaN, so only NULL is missing. PostgreSQL, DuckDB and H2
 *       can store NaN and order it above +∞, so there a NaN would fall in the top bin; use their
 *       dialect, or store NULL.
 *   <li>{@link #POSTGRES}, {@link #DUCKDB}, {@link #H2}: a value equal to
 *       {@code CAST('NaN' AS DOUBLE PRECISION)} is missing too, as the scorer treats NaN. These
 *       engines hold NaN equal to itself, so the test works there.
 * </ul>
 */
public enum SqlDialect {
    /** Standard SQL: runs unchanged on PostgreSQL, DuckDB and H2; NULL is the only missing number. */
    ANSI("ansi", false),
    /** PostgreSQL: standard SQL plus the NaN test. */
    POSTGRES("postgres", true),
    /** DuckDB: standard SQL plus the NaN test. */
    DUCKDB("duckdb", true),
    /** H2: standard SQL plus the NaN test. */
    H2("h2", true);

    private final String configName;
    private final boolean nanIsMissing;

    SqlDialect(String configName, boolean nanIsMissing) {
        this.configName = configName;
        this.nanIsMissing = nanIsMissing;
    }

    /** @return the config and command-line spelling */
    public String configName() {
        return configName;
    }

    /** @return true when the SQL tests numbers for NaN and treats it as missing */
    boolean nanIsMissing() {
        return nanIsMissing;
    }

    /**
     * @param text {@code ansi}, {@code postgres}, {@code duckdb} or {@code h2} (trimmed, case-insensitive)
     * @return the dialect
     * @throws IllegalArgumentException listing the allowed values
     */
    public static SqlDialect fromConfig(String text) {
        return ConfigNames.parse("dialect", values(), SqlDialect::configName, text);
    }
}
