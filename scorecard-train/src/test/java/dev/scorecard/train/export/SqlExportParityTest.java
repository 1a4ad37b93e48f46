package dev.scorecard.train.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.BinKind;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.Rounding;
import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.train.config.ConfigReader;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.config.TrainingConfig;
import dev.scorecard.train.export.SqlParity.Engine;
import dev.scorecard.train.export.SqlParity.Outcome;
import dev.scorecard.train.export.SqlParity.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §7's score parity for the SQL export: for every shipped dataset, a model trained with the
 * defaults is exported, every row of the file plus edge rows (missing, special values, cut points,
 * -0.0, huge and infinite values, unseen levels) is loaded into H2, DuckDB and SQLite (twice: numbers
 * bound as doubles, and every cell of the file bound as text as SQLite's {@code .import} does), the
 * SELECT runs in the ANSI dialect and in the engine's own (only its own on SQLite, which does not
 * parse the ANSI text), and every output row must match the embedded scorer: score, grade, points,
 * reason codes and warnings identical, probability to 1e-9.
 */
class SqlExportParityTest {
    private static final Path DATA = ParityModels.DATA;

    @TempDir
    Path tmp;

    @Test
    void germanCredit() throws SQLException {
        Path file = DATA.resolve("germancredit/germancredit.csv");
        ScorecardModel model = train(file, target("creditability"));
        List<Row> rows = rows(file, model);
        assertParity("germancredit", model, rows, 1000);

        // The suite must fail when one path's points change: the export of a model with one more point in
        // one bin disagrees with the unchanged scorer on exactly the rows the changed scorer scores differently.
        String name = model.characteristics().get(0).name();
        ScorecardModel changed = TinyModels.mapBin(model, 0, 0, b -> new ModelBin(b.label(), b.kind(), b.lower(), b.upper(),
                b.categories(), b.specialValues(), b.woe(), b.points() + 1, b.count(), b.eventRate()));
        Scorecard scorer = Scorecard.of(model);
        Scorecard changedScorer = Scorecard.of(changed);
        long differ = rows.stream().map(r -> SqlParity.input(model, r)).filter(r -> !r.containsValue(Double.NaN))
                .filter(in -> scorer.score(in).score() != changedScorer.score(in).score()).count();
        assertThat(differ).isPositive();
        try (Connection c = Engine.H2.connect()) {
            SqlParity.load(c, Engine.H2, model, rows);
            Outcome o = SqlParity.compare("germancredit changed", scorer, changed, SqlParity.options(SqlDialect.ANSI), c, rows);
            assertThat(o.mismatches()).hasSize((int) differ).allMatch(m -> m.contains("points of " + name + " "));
        }
    }

    @Test
    void creditData() throws SQLException {
        Path file = DATA.resolve("credit-data/credit_data.csv");
        ScorecardModel model = train(file, target("Status"));
        assertThat(model.characteristics()).as("credit_data has missing values: some characteristic gets a missing bin")
                .anyMatch(c -> c.bins().stream().anyMatch(b -> b.kind() == BinKind.MISSING));
        List<Row> rows = rows(file, model);
        assertParity("credit_data", model, rows, 4454);
        try (Connection c = Engine.SQLITE_TEXT.connect()) {
            SqlParity.load(c, Engine.SQLITE_TEXT, model, rows);
            assertThat(SqlParity.textInNumericColumns(c, model))
                    .as("loaded as text, credit_data's NA cells stay text in SQLite's REAL columns: the sqlite dialect's token test ran")
                    .isPositive();
        }
    }

    /**
     * credit_data with {@code missing: merge-with-closest-woe}: the missing values of some
     * characteristics are in a regular bin that {@code missingBin} names, and the SQL sends NULL (and
     * the tokens, and NaN) there as the scorer does, with that bin's points, WOE and reason and no
     * {@code missing:} warning.
     */
    @Test
    void creditDataWithMissingValuesMerged() throws SQLException {
        Path file = DATA.resolve("credit-data/credit_data.csv");
        ScorecardModel model = train(file, PmmlTrainedModels.mergedMissing(target("Status")));
        List<Characteristic> merged = model.characteristics().stream().filter(c -> c.missingBin().isPresent()).toList();
        assertThat(merged).as("some characteristic has its missing values merged into a regular bin").isNotEmpty();
        assertThat(model.characteristics()).noneMatch(c -> c.bins().stream().anyMatch(b -> b.kind() == BinKind.MISSING));
        List<Row> rows = rows(file, model);
        Scorecard scorer = Scorecard.of(model);
        long missingRows = rows.stream().map(r -> SqlParity.input(model, r))
                .filter(in -> merged.stream().anyMatch(c -> isMissing(model, in.get(c.name()))))
                .peek(in -> assertThat(scorer.score(in).warnings()).noneMatch(w -> merged.stream()
                        .anyMatch(c -> w.equals("missing:" + c.name()))))
                .count();
        assertThat(missingRows).as("rows with a merged characteristic missing").isGreaterThan(10);
        assertParity("credit_data merged missing", model, rows, 4454);
    }

    @Test
    void bankFull() throws SQLException {
        Path file = DATA.resolve("bank-marketing/bank-full.csv.gz");
        ScorecardModel model = train(file, target("y").withLoading(Optional.empty(), Optional.empty(), Set.of("duration"),
                Set.of()));
        assertThat(model.characteristics()).extracting(Characteristic::name).doesNotContain("duration");
        assertParity("bank-full", model, rows(file, model), 45211);
    }

    @Test
    void onlineShoppers() throws SQLException {
        Path file = DATA.resolve("online-shoppers/online_shoppers_intention.csv");
        ScorecardModel model = train(file, target("Revenue"));
        assertParity("online-shoppers", model, rows(file, model), 12330);
    }

    /**
     * The shipped bank-marketing config (missing tokens {@code ''} and {@code unknown}, which stay
     * text in the table and must still be missing; pdays -1 special) plus special values on balance,
     * which the model keeps: 0 in a bin of its own, -1 and 1 together in another.
     */
    @Test
    void specialValuesAndTextMissingTokens() throws Exception {
        Path file = DATA.resolve("bank-marketing/bank-full.csv.gz");
        String shipped = Files.readString(Path.of("../examples/configs/bank-marketing.yaml"));
        assertThat(shipped).contains("  pdays: [-1]");
        Path config = tmp.resolve("bank-specials.yaml");
        Files.writeString(config, shipped.replace("  pdays: [-1]", "  pdays: [-1]\n  balance: [[0], [-1, 1]]"));
        ScorecardModel model = train(file, ConfigReader.read(config));
        assertThat(model.missingValues()).contains("unknown");
        Characteristic balance = model.characteristics().stream().filter(c -> c.name().equals("balance")).findFirst()
                .orElseThrow();
        assertThat(balance.bins()).filteredOn(b -> b.kind() == BinKind.SPECIAL).extracting(b -> b.specialValues())
                .containsExactly(List.of(0.0), List.of(-1.0, 1.0));
        assertThat(model.characteristics()).as("a categorical characteristic has a missing bin for 'unknown'")
                .anyMatch(c -> c.type() == VariableType.CATEGORICAL
                        && c.bins().stream().anyMatch(b -> b.kind() == BinKind.MISSING));
        assertParity("bank-full with specials", model, rows(file, model), 45211);
    }

    /** Points not rounded (DOUBLE PRECISION sums) and reasons measured from the mean points. */
    @Test
    void unroundedPointsAndMeanReasonBaseline() throws SQLException {
        Path file = DATA.resolve("germancredit/germancredit.csv");
        ScorecardModel model = train(file, target("creditability").withTraining(TrainingConfig.defaults()
                .withScaling(ScalingOptions.defaults().withRounding(Rounding.NONE))));
        assertThat(model.characteristics().get(0).bins()).anyMatch(b -> b.points() != Math.rint(b.points()));
        List<Row> rows = rows(file, model);
        List<Outcome> outcomes = new ArrayList<>();
        Scorecard scorer = Scorecard.of(model);
        for (Engine engine : Engine.inMemory()) {
            try (Connection c = engine.connect()) {
                SqlParity.load(c, engine, model, rows);
                for (SqlDialect d : engine.dialects()) {
                    outcomes.add(SqlParity.compare("germancredit unrounded " + engine + " " + d.configName() + " mean",
                            scorer, model, SqlParity.options(d).withReasons(6).withReasonBaseline(ReasonBaseline.MEAN), c, rows));
                }
            }
        }
        assertNoMismatch(outcomes);
    }

    private void assertParity(String name, ScorecardModel model, List<Row> rows, int dataRows) throws SQLException {
        assertThat(rows.stream().filter(r -> r.id() < SqlParity.FIRST_EDGE_ID)).hasSize(dataRows);
        Scorecard scorer = Scorecard.of(model);
        List<Outcome> outcomes = new ArrayList<>();
        for (Engine engine : Engine.inMemory()) {
            try (Connection c = engine.connect()) {
                SqlParity.load(c, engine, model, rows);
                for (SqlDialect d : engine.dialects()) {
                    outcomes.add(SqlParity.compare(name + " " + engine + " " + d.configName(), scorer, model,
                            SqlParity.options(d), c, rows));
                }
            }
        }
        assertNoMismatch(outcomes);
    }

    /** @return true for a value the scorer reads as missing: null, NaN or one of the model's missing tokens */
    private static boolean isMissing(ScorecardModel model, Object value) {
        return value == null || value instanceof Double d && d.isNaN()
                || value instanceof String s && model.missingValues().contains(s);
    }

    private static void assertNoMismatch(List<Outcome> outcomes) {
        String report = SqlParity.report(outcomes);
        System.out.print(report);
        assertThat(outcomes).as(report).allMatch(o -> o.mismatches().isEmpty() && o.rowsCompared() > 0);
    }

    private static List<Row> rows(Path file, ScorecardModel model) {
        return ParityModels.rows(file, model);
    }

    private static ScorecardConfig target(String column) {
        return ParityModels.target(column);
    }

    private ScorecardModel train(Path file, ScorecardConfig config) {
        return ParityModels.train(file, config, tmp);
    }
}
