package dev.scorecard.train.export;

import dev.scorecard.core.internal.ConfigNames;

/**
 * The SQL the export writes ({@code --dialect ansi|postgres|duckdb|h2|sqlite}, SPEC §11). The first
 * four write the same standard SQL and differ only in how a NaN stored in a {@code DOUBLE PRECISION}
 * column is treated; SQLite, which does not take all of that SQL, gets a few spellings of its own:
 * <ul>
 *   <li>{@link #ANSI}: standard SQL has no NaN, so only NULL is missing. PostgreSQL, DuckDB and H2
 *       can store NaN and order it above +∞, so there a NaN would fall in the top bin; use their
 *       dialect, or store NULL.
 *   <li>{@link #POSTGRES}, {@link #DUCKDB}, {@link #H2}: a value equal to
 *       {@code CAST('NaN' AS DOUBLE PRECISION)} is missing too, as the scorer treats NaN. These
 *       engines hold NaN equal to itself, so the test works there.
 *   <li>{@link #SQLITE}: SQLite stores a NaN as NULL, so NULL is the only missing number (and the
 *       NaN test would be wrong there: {@code CAST('NaN' AS REAL)} is 0.0). SQLite has no
 *       {@code TRIM(LEADING … FROM …)}, so the warnings are trimmed with {@code LTRIM}; a numeric
 *       column may hold text, so a missing token stored as text there is missing; and an unknown
 *       double-quoted name is read as a string literal, so the table's columns are qualified with
 *       the table's name, which makes a missing column an error rather than a silent constant.
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
    H2("h2", true),
    /** SQLite 3.35 or later with its math functions ({@code EXP}); see docs/export-sql.md. */
    SQLITE("sqlite", false);

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
     * @return true when a numeric column can hold text (SQLite keeps {@code ''} or {@code NA} as text
     *     in a REAL column), so that a missing token must be tested there too
     */
    boolean numbersMayBeText() {
        return this == SQLITE;
    }

    /**
     * @param table the quoted table, as in the {@code FROM} clause
     * @param column the quoted column
     * @return how the first stage names one of the table's columns: qualified in SQLite, where an
     *     unqualified double-quoted name that matches no column silently becomes a string
     */
    String inputColumn(String table, String column) {
        return this == SQLITE ? table + "." + column : column;
    }

    /**
     * @param text an expression, possibly spanning lines
     * @param chars a string literal of the characters to drop
     * @return {@code text} without its leading {@code chars}: standard {@code TRIM(LEADING …)}, or
     *     SQLite's {@code LTRIM(text, chars)}
     */
    String trimLeading(String text, String chars) {
        return this == SQLITE ? "LTRIM(" + text + ", " + chars + ")" : "TRIM(LEADING " + chars + " FROM" + text + ")";
    }

    /**
     * @param text {@code ansi}, {@code postgres}, {@code duckdb}, {@code h2} or {@code sqlite}
     *     (trimmed, case-insensitive)
     * @return the dialect
     * @throws IllegalArgumentException listing the allowed values
     */
    public static SqlDialect fromConfig(String text) {
        return ConfigNames.parse("dialect", values(), SqlDialect::configName, text);
    }
}
