package dev.scorecard.train.export;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ScoreResult;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.internal.StrictNumberParser;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The SQL parity harness (SPEC §7): rows loaded into an in-memory H2, DuckDB or SQLite table, the
 * exported SELECT run over them, every output row compared with {@link Scorecard#score(Map, int,
 * dev.scorecard.core.ReasonBaseline)} on the same raw values, every conflict collected before one
 * failure (STYLE §11).
 *
 * <p>Table layout: {@value #ID} (INTEGER) then one column per characteristic, named as in the model:
 * DOUBLE PRECISION for numeric ones (NULL for a missing token), VARCHAR with the raw text for
 * categorical ones (so missing tokens such as {@code ''} or {@code NA} stay text). The same DDL gives
 * SQLite columns of REAL and TEXT affinity.
 */
final class SqlParity {
    /** SPEC §7: probability parity to 1e-9 (the engines' EXP against StrictMath.exp differ by ulps). */
    static final double PROBABILITY_TOLERANCE = 1e-9;
    /** The id column of every test table; its space exercises quoting. */
    static final String ID = "row id";
    /** The test table; its space exercises quoting. */
    static final String TABLE = "scored input";
    /** Edge rows are numbered from here, data rows from 1. */
    static final int FIRST_EDGE_ID = 1_000_000;

    private SqlParity() {
    }

    /** The SQL engines of the parity suite, each with the way its table is filled. */
    enum Engine {
        H2("jdbc:h2:mem:", SqlDialect.H2),
        DUCKDB("jdbc:duckdb:", SqlDialect.DUCKDB),
        /** SQLite, numbers bound as doubles (a NaN is stored as NULL). */
        SQLITE("jdbc:sqlite::memory:", SqlDialect.SQLITE),
        /**
         * SQLite filled as its shell's {@code .import} fills a table created beforehand: every cell of
         * the file bound as its text, so the REAL affinity turns numbers into doubles and leaves
         * missing tokens ({@code ''}, {@code NA}) as text. Values that edge rows give as doubles stay
         * doubles.
         */
        SQLITE_TEXT("jdbc:sqlite::memory:", SqlDialect.SQLITE),
        /** A PostgreSQL server on 127.0.0.1, not in memory: only {@link SqlExportPostgresParityTest} uses it. */
        POSTGRES(PostgresServer.URL, SqlDialect.POSTGRES);

        final String url;
        final SqlDialect dialect;

        Engine(String url, SqlDialect dialect) {
            this.url = url;
            this.dialect = dialect;
        }

        Connection connect() throws SQLException {
            return this == POSTGRES ? PostgresServer.connect() : DriverManager.getConnection(url);
        }

        /** @return the dialects run on this engine: ANSI and its own, or only its own where ANSI does not parse (SQLite) */
        List<SqlDialect> dialects() {
            return dialect == SqlDialect.SQLITE ? List.of(dialect) : List.of(SqlDialect.ANSI, dialect);
        }

        /** @return the engines that run in this JVM, always there */
        static List<Engine> inMemory() {
            return java.util.Arrays.stream(values()).filter(e -> e != POSTGRES).toList();
        }

        /** @return the in-memory engines that run the ANSI text */
        static List<Engine> ansi() {
            return inMemory().stream().filter(e -> e.dialects().contains(SqlDialect.ANSI)).toList();
        }
    }

    /**
     * One input row.
     *
     * @param id its {@value #ID}
     * @param java what the scorer gets, in characteristic order: raw text, a Double, or null
     * @param sql what the table holds: a Double or null (numeric), text or null (categorical)
     * @param nan true when a numeric value is NaN (only dialects that test for NaN treat it as missing)
     */
    record Row(int id, Object[] java, Object[] sql, boolean nan) {
        Row with(int newId, int k, Object javaValue, Object sqlValue) {
            Object[] j = java.clone();
            Object[] s = sql.clone();
            j[k] = javaValue;
            s[k] = sqlValue;
            boolean n = false;
            for (Object v : s) {
                n |= v instanceof Double d && d.isNaN();
            }
            return new Row(newId, j, s, n);
        }
    }

    /** Every data row of a CSV file, raw text for the scorer and typed values for the table. */
    static List<Row> csvRows(Path file, ScorecardModel model) {
        List<Characteristic> cs = model.characteristics();
        Set<String> missing = new HashSet<>(model.missingValues());
        List<Row> rows = new ArrayList<>();
        try (CsvRows csv = CsvRows.open(file, Optional.empty(), StandardCharsets.UTF_8)) {
            int[] at = new int[cs.size()];
            for (int k = 0; k < cs.size(); k++) {
                at[k] = csv.header().indexOf(cs.get(k).name());
                if (at[k] < 0) {
                    throw new IllegalStateException(file + " has no column " + cs.get(k).name());
                }
            }
            while (csv.next()) {
                Object[] java = new Object[cs.size()];
                Object[] sql = new Object[cs.size()];
                for (int k = 0; k < cs.size(); k++) {
                    String text = csv.field(at[k]);
                    java[k] = text;
                    if (cs.get(k).type() != VariableType.NUMERIC) {
                        sql[k] = text;
                    } else if (!missing.contains(text)) {
                        double v = StrictNumberParser.parse(text);
                        if (v != v) {
                            throw new IllegalStateException(file + " line " + csv.line() + ": '" + text + "' in numeric "
                                    + cs.get(k).name());
                        }
                        sql[k] = v;
                    }
                }
                rows.add(new Row(rows.size() + 1, java, sql, false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * Rows that change one characteristic of {@code base} at a time to an edge: missing (NULL, NaN,
     * every missing token), special values, values exactly on, just below and just above every cut
     * point, -0.0, huge and infinite values, every known level, unseen levels and near misses of known
     * ones; then one row with everything missing and one with everything extreme.
     */
    static List<Row> edgeRows(ScorecardModel model, Row base) {
        List<Characteristic> cs = model.characteristics();
        List<Row> rows = new ArrayList<>();
        int id = FIRST_EDGE_ID;
        for (int k = 0; k < cs.size(); k++) {
            Characteristic c = cs.get(k);
            if (c.type() == VariableType.NUMERIC) {
                List<Double> values = new ArrayList<>(List.of(Double.NaN, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                        1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, 1e15 + 0.5, -123456789.125));
                for (ModelBin b : c.bins()) {
                    if (b.kind() == BinKind.REGULAR && Double.isFinite(b.lower())) {
                        values.addAll(List.of(b.lower(), Math.nextDown(b.lower()), Math.nextUp(b.lower()), -b.lower()));
                    }
                    for (double s : b.specialValues()) {
                        values.addAll(List.of(s, Math.nextDown(s), Math.nextUp(s), s == 0 ? -0.0 : -s));
                    }
                }
                rows.add(base.with(id++, k, null, null));
                for (String token : model.missingValues()) {
                    rows.add(base.with(id++, k, token, null));
                }
                for (double v : values) {
                    rows.add(base.with(id++, k, v, v));
                }
            } else {
                List<String> levels = new ArrayList<>();
                levels.add(null);
                levels.addAll(model.missingValues());
                levels.addAll(List.of("never seen in training", "O'Brien \"quoted\"; a=b", "", " ", "nan", "NULL"));
                for (ModelBin b : c.bins()) {
                    for (String level : b.categories()) {
                        levels.addAll(List.of(level, " " + level, level + " ", level.toUpperCase(java.util.Locale.ROOT)));
                    }
                }
                for (String level : levels) {
                    rows.add(base.with(id++, k, level, level));
                }
            }
        }
        Object[] none = new Object[cs.size()];
        rows.add(new Row(id++, none, none, false));
        Object[] extremeJava = new Object[cs.size()];
        Object[] extremeSql = new Object[cs.size()];
        for (int k = 0; k < cs.size(); k++) {
            boolean numeric = cs.get(k).type() == VariableType.NUMERIC;
            extremeJava[k] = numeric ? (Object) Double.POSITIVE_INFINITY : "an unseen level";
            extremeSql[k] = extremeJava[k];
        }
        rows.add(new Row(id, extremeJava, extremeSql, false));
        return rows;
    }

    /** @return what the scorer gets for a row: its raw values by characteristic name */
    static Map<String, Object> input(ScorecardModel model, Row row) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (int k = 0; k < model.characteristics().size(); k++) {
            input.put(model.characteristics().get(k).name(), row.java()[k]);
        }
        return input;
    }

    /** Creates the test table on a connection and loads the rows (DuckDB through its appender, SQLite in one transaction). */
    static void load(Connection c, Engine engine, ScorecardModel model, List<Row> rows) throws SQLException {
        List<Characteristic> cs = model.characteristics();
        // On the server a temporary table: gone with the connection, and no clash with another run.
        StringBuilder ddl = new StringBuilder((engine == Engine.POSTGRES ? "CREATE TEMPORARY TABLE " : "CREATE TABLE ")
                + SqlText.identifier(TABLE) + " (" + SqlText.identifier(ID)
                + " INTEGER");
        for (Characteristic ch : cs) {
            ddl.append(", ").append(SqlText.identifier(ch.name()))
                    .append(ch.type() == VariableType.NUMERIC ? " DOUBLE PRECISION" : " VARCHAR");
        }
        try (Statement s = c.createStatement()) {
            s.execute(ddl.append(')').toString());
        }
        if (engine == Engine.DUCKDB) {
            try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE)) {
                for (Row r : rows) {
                    a.beginRow();
                    a.append(r.id());
                    for (Object v : r.sql()) {
                        if (v instanceof Double d) {
                            a.append(d.doubleValue());
                        } else {
                            a.append((String) v);
                        }
                    }
                    a.endRow();
                }
            }
            return;
        }
        StringBuilder insert = new StringBuilder("INSERT INTO " + SqlText.identifier(TABLE) + " VALUES (?");
        insert.append(", ?".repeat(cs.size())).append(')');
        // SQLite commits every statement on its own unless told otherwise: 45,000 transactions; PostgreSQL too.
        boolean oneTransaction = engine.dialect == SqlDialect.SQLITE || engine == Engine.POSTGRES;
        if (oneTransaction) {
            c.setAutoCommit(false);
        }
        try (PreparedStatement p = c.prepareStatement(insert.toString())) {
            int batch = 0;
            for (Row r : rows) {
                p.setInt(1, r.id());
                for (int k = 0; k < cs.size(); k++) {
                    boolean numeric = cs.get(k).type() == VariableType.NUMERIC;
                    Object v = engine == Engine.SQLITE_TEXT && r.java()[k] instanceof String text ? text : r.sql()[k];
                    if (v == null) {
                        p.setNull(k + 2, numeric ? Types.DOUBLE : Types.VARCHAR);
                    } else if (v instanceof Double d) {
                        p.setDouble(k + 2, d);
                    } else {
                        p.setString(k + 2, (String) v);
                    }
                }
                p.addBatch();
                if (++batch % 5000 == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
        if (oneTransaction) {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** @return how many cells of the test table's numeric columns SQLite holds as text */
    static long textInNumericColumns(Connection c, ScorecardModel model) throws SQLException {
        long n = 0;
        try (Statement s = c.createStatement()) {
            for (Characteristic ch : model.characteristics()) {
                if (ch.type() == VariableType.NUMERIC) {
                    try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + SqlText.identifier(TABLE) + " WHERE typeof("
                            + SqlText.identifier(ch.name()) + ") = 'text'")) {
                        r.next();
                        n += r.getLong(1);
                    }
                }
            }
        }
        return n;
    }

    /** @return the export of a model over the test table, with {@value #ID} as the id column */
    static String sql(ScorecardModel model, SqlOptions options) {
        StringWriter w = new StringWriter();
        try {
            SqlExport.write(model, options, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** @return options over the test table, {@value #ID} passed through */
    static SqlOptions options(SqlDialect dialect) {
        return new SqlOptions(TABLE, List.of(ID), dialect);
    }

    /** What one run compared, and what did not match. */
    record Outcome(String label, int rowsCompared, int nanRowsSkipped, int rejected, List<String> mismatches) {
        String summary() {
            return label + ": " + rowsCompared + " rows compared" + (nanRowsSkipped > 0 ? ", " + nanRowsSkipped
                    + " NaN rows left to the dialects" : "") + (rejected > 0 ? ", " + rejected + " rejected" : "")
                    + ", " + mismatches.size() + " mismatches";
        }
    }

    /**
     * Runs {@code sqlModel}'s export on the table and compares every row with {@code scorer}; in the
     * ANSI dialect, rows holding NaN are not compared (docs/export-sql.md).
     */
    static Outcome compare(String label, Scorecard scorer, ScorecardModel sqlModel, SqlOptions options, Connection c,
            List<Row> rows) throws SQLException {
        List<Characteristic> cs = scorer.model().characteristics();
        SqlNames names = SqlNames.of(sqlModel, options);
        List<String> expectedColumns = new ArrayList<>(options.idColumns());
        expectedColumns.addAll(List.of("score", "probability", "grade"));
        for (int k = 0; k < cs.size(); k++) {
            expectedColumns.add(names.points(k));
        }
        expectedColumns.addAll(names.reasons);
        expectedColumns.add("warnings");
        boolean flag = sqlModel.unseen() == UnseenPolicy.REJECT;
        if (flag) {
            expectedColumns.add("rejected");
        }
        Map<Integer, Object[]> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql(sqlModel, options))) {
            ResultSetMetaData md = r.getMetaData();
            List<String> got = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                got.add(md.getColumnLabel(i));
            }
            if (!got.equals(expectedColumns)) {
                return new Outcome(label, 0, 0, 0, List.of("columns " + got + " instead of " + expectedColumns));
            }
            while (r.next()) {
                Object[] v = new Object[got.size()];
                for (int i = 0; i < v.length; i++) {
                    Object o = r.getObject(i + 1);
                    v[i] = o instanceof Number n ? (Object) n.doubleValue() : o;
                }
                if (out.put(((Double) v[0]).intValue(), v) != null) {
                    throw new IllegalStateException("row " + v[0] + " came out twice");
                }
            }
        }
        List<String> mismatches = new ArrayList<>();
        if (out.size() != rows.size()) {
            mismatches.add(out.size() + " rows out for " + rows.size() + " rows in");
        }
        int compared = 0;
        int skipped = 0;
        int rejected = 0;
        boolean ansi = options.dialect() == SqlDialect.ANSI;
        int reasons = options.reasons();
        for (Row row : rows) {
            if (ansi && row.nan()) {
                skipped++;
                continue;
            }
            Object[] v = out.get(row.id());
            if (v == null) {
                mismatches.add("row " + row.id() + ": missing from the output");
                continue;
            }
            compared++;
            Map<String, Object> input = input(scorer.model(), row);
            ScoreResult e;
            try {
                e = scorer.score(input, reasons, options.reasonBaseline());
            } catch (InputDataException refused) {
                rejected++;
                if (!flag || !Objects.equals(v[v.length - 1], 1.0)) {
                    mismatches.add("row " + row.id() + " " + input + ": the scorer refuses it (" + refused.getMessage()
                            + "), the SQL gives score " + v[1] + (flag ? " rejected " + v[v.length - 1] : ""));
                }
                continue;
            }
            List<String> problems = new ArrayList<>();
            int at = 1;
            check(problems, "score", e.score(), v[at++]);
            Object p = v[at++];
            if (!(p instanceof Double d && Math.abs(d - e.probability()) <= PROBABILITY_TOLERANCE)) {
                problems.add("probability " + p + " instead of " + e.probability());
            }
            check(problems, "grade", e.grade(), v[at++]);
            for (int k = 0; k < cs.size(); k++) {
                check(problems, "points of " + cs.get(k).name(), e.points().get(k), v[at++]);
            }
            for (int i = 0; i < reasons; i++) {
                check(problems, "reason" + (i + 1), i < e.reasons().size() ? e.reasons().get(i) : null, v[at++]);
            }
            check(problems, "warnings", e.warnings().isEmpty() ? null : String.join(";", e.warnings()), v[at++]);
            if (flag) {
                check(problems, "rejected", 0.0, v[at]);
            }
            if (!problems.isEmpty()) {
                mismatches.add("row " + row.id() + " " + input + ": " + String.join(", ", problems));
            }
        }
        return new Outcome(label, compared, skipped, rejected, mismatches);
    }

    /** Numbers compare as numbers (-0.0 equals 0.0, as in SQL), anything else with equals. */
    private static void check(List<String> problems, String what, Object expected, Object actual) {
        boolean same = expected instanceof Double a && actual instanceof Double b ? a.doubleValue() == b.doubleValue()
                : Objects.equals(expected, actual);
        if (!same) {
            problems.add(what + " " + actual + " instead of " + expected);
        }
    }

    /** @return a failure message naming the mismatch count and the first few */
    static String report(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        for (Outcome o : outcomes) {
            sb.append(o.summary()).append('\n');
            o.mismatches().stream().limit(5).forEach(m -> sb.append("  ").append(m).append('\n'));
        }
        return sb.toString();
    }
}
