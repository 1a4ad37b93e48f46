package dev.scorecard.train.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.UnseenPolicy;
import dev.scorecard.train.export.SqlParity.Engine;
import dev.scorecard.train.export.SqlParity.Outcome;
import dev.scorecard.train.export.SqlParity.Row;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The SQL export of hand-built models: the golden text, parity on edge rows in both engines, the
 * unseen policies, the mutations parity must catch, exact literals, the dialect differences, names
 * and options. Regenerate the golden file only on purpose, with
 * {@code mvn -pl scorecard-train test -Dtest='dev/scorecard/train/export/SqlExportTest' -Dgolden.update=true}.
 */
class SqlExportTest {
    static final String GOLDEN = "/export/tiny-ansi.sql";
    private static final Path GOLDEN_SOURCE = Path.of("src/test/resources" + GOLDEN);
    static final SqlOptions GOLDEN_OPTIONS = new SqlOptions("crm.leads", List.of("lead id"), SqlDialect.ANSI, 2,
            ReasonBaseline.MAX);

    @Test
    void goldenTextOfATinyModel() throws IOException {
        String sql = SqlParity.sql(TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, true), GOLDEN_OPTIONS);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN_SOURCE.getParent());
            Files.writeString(GOLDEN_SOURCE, sql);
        }
        String golden;
        try (InputStream in = SqlExportTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden %s on the test class path", GOLDEN).isNotNull();
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(sql).isEqualTo(golden);
        assertThat(SqlParity.sql(TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, true), GOLDEN_OPTIONS))
                .as("the same model and options give the same text").isEqualTo(sql);
    }

    /**
     * The golden file is itself valid SQL that scores like the scorer (the table renamed to crm.leads)
     * on H2 and DuckDB; its sqlite version does the same on SQLite, where the schema is an attached
     * database.
     */
    @Test
    void goldenTextRunsOnEveryEngine() throws SQLException {
        ScorecardModel model = TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, true);
        for (Engine engine : List.of(Engine.H2, Engine.DUCKDB, Engine.SQLITE)) {
            boolean sqlite = engine.dialect == SqlDialect.SQLITE;
            try (Connection c = engine.connect(); Statement s = c.createStatement()) {
                s.execute(sqlite ? "ATTACH DATABASE ':memory:' AS \"crm\"" : "CREATE SCHEMA \"crm\"");
                s.execute("CREATE TABLE \"crm\".\"leads\" (\"lead id\" INTEGER, \"duration\" DOUBLE PRECISION, "
                        + "\"Loan \"\"purpose\"\"\" VARCHAR, \"Âge\" DOUBLE PRECISION)");
                s.execute("INSERT INTO \"crm\".\"leads\" VALUES (1, 12, 'O''Brien''s \"shop\"', -0.0), "
                        + "(2, NULL, 'NA', NULL), (3, -1, 'Pune', 30)");
                try (ResultSet r = s.executeQuery(SqlParity.sql(model, GOLDEN_OPTIONS.withDialect(sqlite ? SqlDialect.SQLITE
                        : SqlDialect.ANSI)))) {
                    List<String> rows = new ArrayList<>();
                    while (r.next()) {
                        rows.add(r.getInt(1) + " " + r.getInt(2) + " " + r.getString(4) + " " + r.getInt(5) + " "
                                + r.getInt(6) + " " + r.getInt(7) + " " + r.getString(8) + " | " + r.getString(9) + " | "
                                + r.getString(10));
                    }
                    // By hand: 600 + 9 + 6 - 1 = 614 (B from 600), points lost 40 - 9, 6 - 6, 3 + 1; 600 - 17 + 0 + 0
                    // (purpose and Âge missing with no bin: neutral, warned); 600 - 12 + 2 + 3 (-1 special, Pune
                    // unseen: else bin), points lost 40 + 12, 6 - 2, 3 - 3.
                    assertThat(rows).as(engine.toString()).containsExactlyInAnyOrder(
                            "1 614 B 9 6 -1 duration: [8.5, 20.5) | Âge: [0, 30) | null",
                            "2 583 C -17 0 0 duration: Missing | Loan \"purpose\": Missing | missing:Loan \"purpose\";missing:Âge",
                            "3 593 C -12 2 3 duration: Special: -1 | Loan \"purpose\": Else | null");
                }
            }
        }
    }

    @Test
    void tinyModelMatchesTheScorerOnEdgeRows() throws SQLException {
        for (boolean elseBin : new boolean[] {true, false}) {
            ScorecardModel model = TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, elseBin);
            assertNoMismatch(parity(model, model, tinyRows(model), 4, 2, 0));
        }
    }

    /**
     * Under the reject policy the SQL scores the row neutrally and sets {@code rejected} to 1 exactly
     * where the scorer refuses it (an unseen level with no else bin).
     */
    @Test
    void rejectPolicyFlagsTheRowsTheScorerRefuses() throws SQLException {
        ScorecardModel model = TinyModels.tiny(UnseenPolicy.REJECT, false);
        List<Outcome> outcomes = parity(model, model, tinyRows(model), Scorecard.DEFAULT_REASONS, 0);
        assertNoMismatch(outcomes);
        assertThat(outcomes).allMatch(o -> o.rejected() > 0);
        assertThat(SqlParity.sql(model, SqlParity.options(SqlDialect.ANSI)))
                .contains("CASE WHEN \"bin_loan_purpose\" = -3 THEN 1 ELSE 0 END AS \"rejected\"");
        // With an else bin nothing can be refused, yet the column stays, so the output's shape follows the policy.
        ScorecardModel withElse = TinyModels.tiny(UnseenPolicy.REJECT, true);
        assertThat(SqlParity.sql(withElse, SqlParity.options(SqlDialect.ANSI))).contains("0 AS \"rejected\"");
        assertNoMismatch(parity(withElse, withElse, tinyRows(withElse), 1));
    }

    /** Points beyond INTEGER's range are written and summed as DOUBLE PRECISION, not overflowed. */
    @Test
    void hugePointsAreSummedAsDoubles() throws SQLException {
        ScorecardModel model = TinyModels.mapPoints(TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, true), p -> p * 1e8);
        String sql = SqlParity.sql(model, SqlParity.options(SqlDialect.ANSI));
        assertThat(sql).contains("CAST(60000000000e0 AS DOUBLE PRECISION)\n      + \"points_duration\"");
        assertNoMismatch(parity(model, model, tinyRows(model), 4));
    }

    /** Parity must catch a change on any path: each mutated export disagrees with the unchanged scorer. */
    @Test
    void parityCatchesEveryMutationOfTheExportedModel() throws SQLException {
        ScorecardModel model = TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, true);
        List<Row> rows = tinyRows(model);
        record Mutation(String name, ScorecardModel model, String expected) { }
        UnaryOperator<ModelBin> plusOnePoint = b -> new ModelBin(b.label(), b.kind(), b.lower(), b.upper(), b.categories(),
                b.specialValues(), b.woe(), b.points() + 1, b.count(), b.eventRate());
        UnaryOperator<ModelBin> otherWoe = b -> new ModelBin(b.label(), b.kind(), b.lower(), b.upper(), b.categories(),
                b.specialValues(), Math.nextUp(b.woe()) + 1e-6, b.points(), b.count(), b.eventRate());
        List<Mutation> mutations = List.of(
                new Mutation("points of a regular bin", TinyModels.mapBin(model, 0, 1, plusOnePoint), "points of duration"),
                new Mutation("points of a special bin", TinyModels.mapBin(model, 0, 4, plusOnePoint), "points of duration"),
                new Mutation("points of the missing bin", TinyModels.mapBin(model, 0, 5, plusOnePoint), "points of duration"),
                new Mutation("points of the else bin", TinyModels.mapBin(model, 1, 2, plusOnePoint), "points of Loan"),
                new Mutation("WOE", TinyModels.mapBin(model, 2, 1, otherWoe), "probability"),
                new Mutation("a cut point", TinyModels.withCut(model, 2, 1, Math.nextUp(0.0)), "points of Âge"),
                new Mutation("the base points", TinyModels.mapPoints(model, p -> p == 600 ? 601 : p), "score"),
                new Mutation("the neutral points", TinyModels.mapPoints(model, p -> p == 0 ? 1 : p), "score"),
                new Mutation("the missing tokens", new ScorecardModel(model.name(), model.createdWith(), model.target(),
                        model.event(), model.scaling(), model.basePoints(), model.intercept(), List.of(""), model.unseen(),
                        model.characteristics(), model.coefficients(), model.grades(), model.score10(), model.baseline(),
                        model.metrics(), model.provenance(), model.verification()), "points of Loan"));
        Scorecard scorer = Scorecard.of(model);
        try (Connection c = Engine.H2.connect()) {
            SqlParity.load(c, Engine.H2, model, rows);
            for (Mutation m : mutations) {
                Outcome o = SqlParity.compare(m.name(), scorer, m.model(), SqlParity.options(SqlDialect.H2), c, rows);
                assertThat(o.mismatches()).as(m.name()).isNotEmpty().allMatch(s -> s.contains(m.expected()));
            }
        }
    }

    /**
     * Every double the export writes reads back in both engines as the very same double. The plain
     * decimal form would not: DuckDB 1.1.3 types {@code 0.1} as DECIMAL and its DECIMAL-to-DOUBLE cast
     * misses the nearest double for some values (measured: 40 of 300 random 17-digit values), which is
     * why the literals carry an exponent.
     */
    @Test
    void doubleLiteralsReadBackAsTheExactDouble() throws SQLException {
        List<Double> values = new ArrayList<>(List.of(0.1, 0.30000000000000004, 1.0 / 3, -2.0 / 3, 1e-7, 123456.789e-300,
                Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 9007199254740993.0, 1e22, 1e23,
                0.011682645414230475, -0.0, 0.0, 2.5, 8.5));
        java.util.Random random = new java.util.Random(20240601);
        for (int i = 0; i < 200; i++) {
            values.add((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
            values.add(Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
        }
        for (Engine engine : Engine.inMemory()) {
            try (Connection c = engine.connect(); Statement s = c.createStatement()) {
                List<String> wrong = new ArrayList<>();
                int plainWrong = 0;
                for (double v : values) {
                    try (ResultSet r = s.executeQuery("SELECT " + SqlText.doubleLiteral(v) + ", CAST("
                            + new java.math.BigDecimal(v).round(new java.math.MathContext(17)).toPlainString()
                            + " AS DOUBLE PRECISION)")) {
                        r.next();
                        if (r.getDouble(1) != v) {
                            wrong.add(SqlText.doubleLiteral(v) + " read as " + r.getDouble(1));
                        }
                        plainWrong += r.getDouble(2) == v ? 0 : 1;
                    }
                }
                assertThat(wrong).as(engine.toString()).isEmpty();
                if (engine == Engine.DUCKDB) {
                    assertThat(plainWrong).as("DuckDB's DECIMAL-to-DOUBLE cast (if 0, the exponent form is merely safe)")
                            .isPositive();
                }
            }
        }
        assertThat(SqlText.doubleLiteral(0.1)).isEqualTo("CAST(0.1e0 AS DOUBLE PRECISION)");
        assertThat(SqlText.doubleLiteral(-1.5e-7)).isEqualTo("CAST(-1.5e-7 AS DOUBLE PRECISION)");
        assertThat(SqlText.doubleLiteral(-0.0)).isEqualTo("CAST(-0e0 AS DOUBLE PRECISION)");
        assertThatThrownBy(() -> SqlText.doubleLiteral(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the SQL export has no literal for nan");
    }

    /**
     * PostgreSQL, DuckDB and H2 get the same text; ANSI lacks only the NaN tests; SQLite differs from
     * ANSI only in its qualified input columns, the missing tokens stored as text in numeric columns
     * and LTRIM.
     */
    @Test
    void dialectsDifferOnlyWhereTheEnginesDo() {
        ScorecardModel model = TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, true);
        String ansi = SqlParity.sql(model, SqlParity.options(SqlDialect.ANSI));
        String postgres = SqlParity.sql(model, SqlParity.options(SqlDialect.POSTGRES));
        for (SqlDialect d : List.of(SqlDialect.DUCKDB, SqlDialect.H2)) {
            assertThat(SqlParity.sql(model, SqlParity.options(d)).replace("dialect " + d.configName(), "dialect postgres"))
                    .isEqualTo(postgres);
        }
        String nan = " OR \"duration\" = CAST('NaN' AS DOUBLE PRECISION)";
        assertThat(postgres).contains("WHEN \"duration\" IS NULL" + nan + " THEN 5");
        assertThat(postgres.replace("dialect postgres", "dialect ansi").replace(nan, "")
                .replace(" OR \"Âge\" = CAST('NaN' AS DOUBLE PRECISION)", "").replace("Missing: NULL and NaN", "Missing: NULL"))
                .isEqualTo(ansi);

        // Without an else bin, so that the level column and the unseen warning are read from the table too.
        ScorecardModel noElse = TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, false);
        String sqlite = SqlParity.sql(noElse, SqlParity.options(SqlDialect.SQLITE));
        String x = "\"scored input\".\"duration\"";
        String textToken = " OR (typeof(" + x + ") = 'text' AND " + x + " IN ('', 'NA'))";
        assertThat(sqlite).contains("    \"scored input\".\"row id\" AS \"row id\",\n",
                "WHEN " + x + " IS NULL" + textToken + " THEN 5\n",
                "    \"scored input\".\"Loan \"\"purpose\"\"\" AS \"level_loan_purpose\",\n",
                "NULLIF(LTRIM(\n", ", ';'), '') AS \"warnings\"").doesNotContain("NaN'", "TRIM(LEADING");
        assertThat(sqlite.replace("dialect sqlite", "dialect ansi")
                .replace("Missing: NULL (SQLite stores NaN as NULL); the model's missing tokens in text columns, and stored as text "
                        + "in numeric ones.", "Missing: NULL; in text columns also the model's missing tokens.")
                .replace(textToken, "").replace(textToken.replace("duration", "Âge"), "")
                .replace("\"scored input\".\"row id\" AS \"row id\"", "\"row id\"").replace("\"scored input\".", "")
                .replace("NULLIF(LTRIM(", "NULLIF(TRIM(LEADING ';' FROM").replace(", ';'), '')", "), '')"))
                .isEqualTo(SqlParity.sql(noElse, SqlParity.options(SqlDialect.ANSI)));
    }

    /**
     * SQLite cannot hold NaN: a bound NaN is stored as NULL, which the sqlite dialect scores as missing
     * like the scorer; and {@code CAST('NaN' AS DOUBLE PRECISION)} is 0.0 there, which is why that
     * dialect has no NaN test (it would make every 0 missing).
     */
    @Test
    void sqliteStoresNanAsNullAndScoresItMissing() throws SQLException {
        ScorecardModel model = TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, true);
        try (Connection c = Engine.SQLITE.connect(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT CAST('NaN' AS DOUBLE PRECISION)")) {
                r.next();
                assertThat(r.getDouble(1)).isZero();
            }
            sqliteTable(s);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO \"t\" VALUES (?, 'business', 1)")) {
                p.setDouble(1, Double.NaN);
                p.executeUpdate();
            }
            try (ResultSet r = s.executeQuery("SELECT typeof(\"duration\") FROM \"t\"")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("null");
            }
            try (ResultSet r = s.executeQuery(SqlParity.sql(model, new SqlOptions("t", List.of(), SqlDialect.SQLITE)))) {
                r.next();
                assertThat(r.getInt("points_duration")).as("the missing bin, as the scorer gives NaN").isEqualTo(-17);
                assertThat(Scorecard.of(model).score(java.util.Map.of("duration", Double.NaN, "Loan \"purpose\"", "business",
                        "Âge", 1.0)).points().get(0)).isEqualTo(-17.0);
            }
        }
    }

    /**
     * A REAL column in SQLite keeps text that is not a number, as {@code .import} leaves an empty
     * cell: a missing token there is missing, as the scorer reads it; other text sorts above every
     * number and lands in the top bin, where the scorer refuses the row (docs/export-sql.md: check
     * {@code typeof} before scoring).
     */
    @Test
    void sqliteReadsMissingTokensStoredAsTextInANumericColumn() throws SQLException {
        ScorecardModel model = TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, true);
        try (Connection c = Engine.SQLITE.connect(); Statement s = c.createStatement()) {
            sqliteTable(s);
            s.execute("INSERT INTO \"t\" VALUES ('', 'business', 1), ('NA', 'business', 1), ('12', 'business', 1), "
                    + "('twelve', 'business', 1)");
            List<String> got = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT \"points_duration\", \"reason1\" FROM ("
                    + SqlParity.sql(model, new SqlOptions("t", List.of(), SqlDialect.SQLITE)).replace(";\n", "") + ")")) {
                while (r.next()) {
                    got.add(r.getInt(1) + " " + r.getString(2));
                }
            }
            // Missing -17, missing -17, [8.5, 20.5) 9 (the text '12' became REAL 12.0), top bin -23.
            assertThat(got).containsExactlyInAnyOrder("-17 duration: Missing", "-17 duration: Missing", "9 duration: [8.5, 20.5)",
                    "-23 duration: [20.5, inf)");
            assertThatThrownBy(() -> Scorecard.of(model).score(java.util.Map.of("duration", "twelve",
                    "Loan \"purpose\"", "business", "Âge", 1.0))).isInstanceOf(InputDataException.class);

            // With 12 a missing token, the REAL 12.0 is still a number, as the scorer reads the number 12.0.
            ScorecardModel twelve = new ScorecardModel(model.name(), model.createdWith(), model.target(), model.event(),
                    model.scaling(), model.basePoints(), model.intercept(), List.of("", "NA", "12"), model.unseen(),
                    model.characteristics(), model.coefficients(), model.grades(), model.score10(), model.baseline(),
                    model.metrics(), model.provenance(), model.verification());
            try (ResultSet r = s.executeQuery("SELECT \"points_duration\" FROM ("
                    + SqlParity.sql(twelve, new SqlOptions("t", List.of(), SqlDialect.SQLITE)).replace(";\n", "")
                    + ") WHERE \"points_duration\" = 9")) {
                assertThat(r.next()).isTrue();
                assertThat(r.next()).as("one row, the one of '12'").isFalse();
            }
            assertThat(Scorecard.of(twelve).score(java.util.Map.of("duration", 12.0, "Loan \"purpose\"", "business",
                    "Âge", 1.0)).points().get(0)).isEqualTo(9.0);
        }
    }

    /**
     * SQLite reads an unknown double-quoted name as a string literal; the sqlite dialect qualifies the
     * table's columns, so a characteristic missing from the table is an error, as in the scorer.
     */
    @Test
    void sqliteRefusesATableWithoutACharacteristicColumn() throws SQLException {
        ScorecardModel model = TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, true);
        try (Connection c = Engine.SQLITE.connect(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT \"no such column\"")) {
                r.next();
                assertThat(r.getString(1)).as("the misfeature the qualification guards against").isEqualTo("no such column");
            }
            s.execute("CREATE TABLE \"t\" (\"duration\" DOUBLE PRECISION, \"Loan \"\"purpose\"\"\" VARCHAR)");
            String sql = SqlParity.sql(model, new SqlOptions("t", List.of(), SqlDialect.SQLITE));
            assertThatThrownBy(() -> s.executeQuery(sql)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("no such column: t.Âge");
        }
    }

    private static void sqliteTable(Statement s) throws SQLException {
        s.execute("CREATE TABLE \"t\" (\"duration\" DOUBLE PRECISION, \"Loan \"\"purpose\"\"\" VARCHAR, "
                + "\"Âge\" DOUBLE PRECISION)");
    }

    /**
     * NaN in a DOUBLE column: the engine dialects score it as missing like the scorer; ANSI, which has
     * no NaN, leaves it to the engine's ordering, where H2 and DuckDB put it above +inf (the top bin).
     */
    @Test
    void nanIsMissingInTheEngineDialectsAndTheTopBinInAnsi() throws SQLException {
        ScorecardModel model = TinyModels.tiny(UnseenPolicy.ELSE_BIN_NEUTRAL, true);
        for (Engine engine : Engine.ansi()) {
            try (Connection c = engine.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE \"t\" (\"duration\" DOUBLE PRECISION, \"Loan \"\"purpose\"\"\" VARCHAR, "
                        + "\"Âge\" DOUBLE PRECISION)");
                s.execute("INSERT INTO \"t\" VALUES (CAST('NaN' AS DOUBLE PRECISION), 'business', 1)");
                for (SqlDialect d : engine.dialects()) {
                    try (ResultSet r = s.executeQuery(SqlParity.sql(model, new SqlOptions("t", List.of(), d)))) {
                        r.next();
                        // Missing bin -17 (as the scorer), or the top bin [20.5, inf) -23.
                        assertThat(r.getInt("points_duration")).as(engine + " " + d).isEqualTo(d == SqlDialect.ANSI ? -23 : -17);
                    }
                }
            }
        }
    }

    @Test
    void namesAreSanitisedUniqueAndFitPostgres() {
        assertThat(SqlNames.sanitise("Loan \"purpose\"", 1)).isEqualTo("loan_purpose");
        assertThat(SqlNames.sanitise("  Credit--Amount (EUR) ", 1)).isEqualTo("credit_amount_eur");
        assertThat(SqlNames.sanitise("Âge", 3)).isEqualTo("ge");
        assertThat(SqlNames.sanitise("年龄", 3)).isEqualTo("c3");
        assertThat(SqlNames.sanitise("number_of_people_being_liable_to_provide_maintenance_for", 1))
                .isEqualTo("number_of_people_being_liable_to_provide_maintenance_for").hasSize(SqlNames.MAX_STEM);
        assertThat(SqlNames.sanitise("a".repeat(55) + "_b" + "c".repeat(10), 1)).isEqualTo("a".repeat(55));

        List<Characteristic> cs = List.of(numeric("Age"), numeric("age"), numeric("AGE!"), numeric("x".repeat(80)),
                numeric("x".repeat(81)), numeric("score"));
        ScorecardModel model = TinyModels.model(cs, 0, 0, UnseenPolicy.ELSE_BIN_NEUTRAL);
        SqlNames names = SqlNames.of(model, new SqlOptions("sc_bins", List.of("points_score", "ETA"), SqlDialect.ANSI));
        assertThat(names.stems).containsExactly("age", "age_2", "age_3", "x".repeat(56), "x".repeat(54) + "_2",
                "score_2");
        assertThat(names.eta).isEqualTo("eta_2");
        assertThat(names.binsCte).isEqualTo("sc_bins_2");
        assertThat(names.pointsCte).isEqualTo("sc_points");
        for (int k = 0; k < cs.size(); k++) {
            assertThat(names.points(k).length()).isLessThanOrEqualTo(63);
        }
    }

    @Test
    void anIdColumnCannotTakeAnOutputName() {
        ScorecardModel model = TinyModels.tiny(UnseenPolicy.REJECT, true);
        assertThatThrownBy(() -> SqlParity.sql(model, new SqlOptions("leads", List.of("id", "Grade"), SqlDialect.ANSI, 2,
                ReasonBaseline.MAX))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id: column 'Grade' has the name of an output column of the SQL export (score, probability, "
                        + "grade, reason1, reason2, warnings, rejected, points_*); select it under another name in a view");
        // An id column may be a characteristic too: it is copied, and the characteristic is scored.
        assertThat(SqlParity.sql(model, new SqlOptions("leads", List.of("duration"), SqlDialect.ANSI)))
                .startsWith("-- Scorecard model 'tiny 'model'' (scorecard test) as SQL, dialect ansi.\n")
                .contains("  SELECT\n    \"duration\",\n    CASE\n      WHEN \"duration\" IS NULL THEN 5\n");
    }

    @Test
    void optionsAreValidatedWithPreciseMessages() {
        assertThat(SqlOptions.defaults()).isEqualTo(new SqlOptions("leads", List.of(), SqlDialect.ANSI, 4, ReasonBaseline.MAX));
        assertThat(SqlOptions.defaults().withTable("crm.leads").withIdColumns(List.of("id")).withDialect(SqlDialect.H2)
                .withReasons(0).withReasonBaseline(ReasonBaseline.MEAN))
                .isEqualTo(new SqlOptions("crm.leads", List.of("id"), SqlDialect.H2, 0, ReasonBaseline.MEAN));
        assertThatThrownBy(() -> SqlOptions.defaults().withTable("crm..leads")).hasMessage(
                "table: 'crm..leads' has an empty name part; expected e.g. leads or crm.leads");
        assertThatThrownBy(() -> SqlOptions.defaults().withTable(" ")).hasMessage(
                "table: ' ' has an empty name part; expected e.g. leads or crm.leads");
        assertThatThrownBy(() -> SqlOptions.defaults().withIdColumns(List.of("id", "id"))).hasMessage(
                "id: column 'id' is listed twice");
        assertThatThrownBy(() -> SqlOptions.defaults().withIdColumns(List.of(""))).hasMessage(
                "id: an id column name is empty");
        assertThatThrownBy(() -> SqlOptions.defaults().withReasons(101)).hasMessage(
                "reasons: 101 is out of range; expected 0 to 100");
        assertThat(SqlDialect.fromConfig(" DuckDB ")).isEqualTo(SqlDialect.DUCKDB);
        assertThat(SqlDialect.fromConfig("postgres")).isEqualTo(SqlDialect.POSTGRES);
        assertThat(SqlDialect.fromConfig("SQLite")).isEqualTo(SqlDialect.SQLITE);
        assertThatThrownBy(() -> SqlDialect.fromConfig("oracle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dialect: 'oracle' is not one of ansi, postgres, duckdb, h2, sqlite");
        ScorecardModel empty = TinyModels.model(List.of(), 600, 0, UnseenPolicy.ELSE_BIN_NEUTRAL);
        assertThatThrownBy(() -> SqlParity.sql(empty, SqlOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model 'tiny 'model'' has no characteristic: there is no score to export as SQL");
    }

    /** A quote in the table name or an id column is doubled; the table's dots separate quoted parts. */
    @Test
    void identifiersAndStringsAreQuoted() {
        assertThat(SqlText.identifier("a \"b\"")).isEqualTo("\"a \"\"b\"\"\"");
        assertThat(SqlText.table("crm.lead\"s")).isEqualTo("\"crm\".\"lead\"\"s\"");
        assertThat(SqlText.string("O'Brien")).isEqualTo("'O''Brien'");
        assertThat(SqlText.comment("a\nb\u2028c")).isEqualTo("a b c");
    }

    private static Characteristic numeric(String name) {
        return new Characteristic(name, VariableType.NUMERIC, 1, List.of(new ModelBin("all", dev.scorecard.core.model.BinKind.REGULAR,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, List.of(), List.of(), 0, 0, 1, 0.5)), 0);
    }

    /** Hand-picked rows plus the edge rows of the model. */
    static List<Row> tinyRows(ScorecardModel model) {
        List<Row> rows = new ArrayList<>();
        Object[][] picked = {
                {"12", "car (new)", "40"}, {"-1", "business", "-0"}, {"0", "O'Brien's \"shop\"", "29.999"},
                {"NA", "NA", ""}, {null, "", null}, {"8.5", "radio/television", "0"}, {"20.5", "Pune", "30"},
        };
        for (Object[] p : picked) {
            Object[] sql = new Object[3];
            for (int k = 0; k < 3; k++) {
                boolean numeric = k != 1;
                String text = (String) p[k];
                sql[k] = !numeric ? text : text == null || model.missingValues().contains(text) ? null : Double.valueOf(text);
            }
            rows.add(new Row(rows.size() + 1, p, sql, false));
        }
        rows.addAll(SqlParity.edgeRows(model, rows.get(0)));
        return rows;
    }

    /** Runs the export of {@code sqlModel} in both engines, ANSI and the engine's dialect, for each reason count. */
    private static List<Outcome> parity(ScorecardModel model, ScorecardModel sqlModel, List<Row> rows, int... reasons)
            throws SQLException {
        Scorecard scorer = Scorecard.of(model);
        List<Outcome> outcomes = new ArrayList<>();
        for (Engine engine : Engine.inMemory()) {
            try (Connection c = engine.connect()) {
                SqlParity.load(c, engine, model, rows);
                for (SqlDialect d : engine.dialects()) {
                    for (int n : reasons) {
                        outcomes.add(SqlParity.compare("tiny " + engine + " " + d.configName() + " reasons " + n, scorer,
                                sqlModel, SqlParity.options(d).withReasons(n), c, rows));
                    }
                }
            }
        }
        return outcomes;
    }

    private static void assertNoMismatch(List<Outcome> outcomes) {
        String report = SqlParity.report(outcomes);
        assertThat(outcomes).as(report).allMatch(o -> o.mismatches().isEmpty() && o.rowsCompared() > 0);
    }
}
