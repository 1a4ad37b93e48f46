package dev.scorecard.train.export;

import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.Scorecard;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the SQL export reads and writes. Start from {@link #defaults()} and change what differs with
 * the {@code withX} methods.
 *
 * @param table the input table: a name, or {@code schema.name}; each part separated by a dot is
 *     quoted on its own, so a name that itself holds a dot needs a view
 * @param idColumns columns copied to the output before the score, in this order (SPEC §7 {@code --id})
 * @param dialect the SQL dialect
 * @param reasons how many reason-code columns ({@code reason1..N}), 0 to 100, as the CLI's
 *     {@code --reasons} (default {@value Scorecard#DEFAULT_REASONS})
 * @param reasonBaseline what points lost are measured from, as the CLI's {@code --reason-baseline}
 */
public record SqlOptions(String table, List<String> idColumns, SqlDialect dialect, int reasons,
        ReasonBaseline reasonBaseline) {
    /** The table of {@link #defaults()} (SPEC §11). */
    public static final String DEFAULT_TABLE = "leads";
    /** The most reason codes, as the CLI allows. */
    public static final int MAX_REASONS = 100;

    /** Validates every option, naming it and the value received. */
    public SqlOptions {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(reasonBaseline, "reasonBaseline");
        idColumns = List.copyOf(idColumns);
        for (String part : table.split("\\.", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("table: '" + table + "' has an empty name part; expected e.g. leads or crm.leads");
            }
        }
        Set<String> seen = new HashSet<>();
        for (String id : idColumns) {
            if (id.isEmpty()) {
                throw new IllegalArgumentException("id: an id column name is empty");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("id: column '" + id + "' is listed twice");
            }
        }
        if (reasons < 0 || reasons > MAX_REASONS) {
            throw new IllegalArgumentException("reasons: " + reasons + " is out of range; expected 0 to " + MAX_REASONS);
        }
    }

    /**
     * The options with {@value Scorecard#DEFAULT_REASONS} reason codes measured from each
     * characteristic's best bin.
     *
     * @param table the input table
     * @param idColumns columns copied to the output
     * @param dialect the SQL dialect
     */
    public SqlOptions(String table, List<String> idColumns, SqlDialect dialect) {
        this(table, idColumns, dialect, Scorecard.DEFAULT_REASONS, ReasonBaseline.MAX);
    }

    /** @return table {@value #DEFAULT_TABLE}, no id columns, {@link SqlDialect#ANSI}, 4 reasons from the best bin */
    public static SqlOptions defaults() {
        return new SqlOptions(DEFAULT_TABLE, List.of(), SqlDialect.ANSI);
    }

    /** @return a copy reading this table */
    public SqlOptions withTable(String newTable) {
        return new SqlOptions(newTable, idColumns, dialect, reasons, reasonBaseline);
    }

    /** @return a copy passing these id columns through */
    public SqlOptions withIdColumns(List<String> newIdColumns) {
        return new SqlOptions(table, newIdColumns, dialect, reasons, reasonBaseline);
    }

    /** @return a copy in this dialect */
    public SqlOptions withDialect(SqlDialect newDialect) {
        return new SqlOptions(table, idColumns, newDialect, reasons, reasonBaseline);
    }

    /** @return a copy with this many reason codes */
    public SqlOptions withReasons(int newReasons) {
        return new SqlOptions(table, idColumns, dialect, newReasons, reasonBaseline);
    }

    /** @return a copy measuring points lost from this baseline */
    public SqlOptions withReasonBaseline(ReasonBaseline newReasonBaseline) {
        return new SqlOptions(table, idColumns, dialect, reasons, newReasonBaseline);
    }
}
