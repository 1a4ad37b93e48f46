package dev.scorecard.train.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.train.config.ConfigReader;
import dev.scorecard.train.config.ScorecardConfig;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §7's score parity of the SQL export on a real PostgreSQL server, as {@link
 * SqlExportParityTest} holds it on the in-memory engines: every row of every shipped dataset plus
 * the edge rows, in a temporary table, the export run in the ANSI and the postgres dialect, every
 * output row equal to the embedded scorer (probability to 1e-9). Needs a server on 127.0.0.1
 * ({@code scripts/install-postgres.sh}; see {@link PostgresServer}); skipped, not failed, without one.
 */
class SqlExportPostgresParityTest {
    @TempDir
    Path tmp;

    /** Asked once per class; the answer is held so that each test is skipped with the message. */
    private static Optional<String> unavailable;

    @BeforeAll
    static void askTheServer() {
        unavailable = PostgresServer.unavailable();
    }

    /**
     * Per test, not in {@code @BeforeAll}: Surefire counts the tests of a class aborted in
     * {@code @BeforeAll} as neither run nor skipped, so the skip would not show.
     */
    @BeforeEach
    void server() {
        Optional<String> why = unavailable;
        Assumptions.assumeTrue(why.isEmpty(), () -> "no PostgreSQL server usable at " + PostgresServer.URL + " as "
                + PostgresServer.USER + " (" + why.orElse("") + "); scripts/install-postgres.sh starts one. Skipped.");
    }

    @Test
    void germanCredit() throws SQLException {
        assertParity("germancredit", "germancredit/germancredit.csv", ParityModels.target("creditability"), 1000);
    }

    @Test
    void creditData() throws SQLException {
        assertParity("credit_data", "credit-data/credit_data.csv", ParityModels.target("Status"), 4454);
    }

    /** Missing values merged into the regular bin of closest WOE, which the characteristics name. */
    @Test
    void creditDataWithMissingValuesMerged() throws SQLException {
        assertParity("credit_data merged missing", "credit-data/credit_data.csv",
                PmmlTrainedModels.mergedMissing(ParityModels.target("Status")), 4454);
    }

    @Test
    void bankFull() throws SQLException {
        assertParity("bank-full", "bank-marketing/bank-full.csv.gz", ParityModels.target("y").withLoading(Optional.empty(),
                Optional.empty(), Set.of("duration"), Set.of()), 45211);
    }

    @Test
    void onlineShoppers() throws SQLException {
        assertParity("online-shoppers", "online-shoppers/online_shoppers_intention.csv", ParityModels.target("Revenue"),
                12330);
    }

    /** The shipped bank-marketing config (text missing tokens, pdays -1 special) plus special values on balance. */
    @Test
    void specialValuesAndTextMissingTokens() throws Exception {
        String shipped = Files.readString(Path.of("../examples/configs/bank-marketing.yaml"));
        assertThat(shipped).contains("  pdays: [-1]");
        Path config = tmp.resolve("bank-specials.yaml");
        Files.writeString(config, shipped.replace("  pdays: [-1]", "  pdays: [-1]\n  balance: [[0], [-1, 1]]"));
        assertParity("bank-full with specials", "bank-marketing/bank-full.csv.gz", ConfigReader.read(config), 45211);
    }

    private void assertParity(String name, String dataset, ScorecardConfig config, int dataRows)
            throws SQLException {
        Path file = ParityModels.DATA.resolve(dataset);
        ScorecardModel model = ParityModels.train(file, config, tmp);
        List<Row> rows = ParityModels.rows(file, model);
        assertThat(rows.stream().filter(r -> r.id() < SqlParity.FIRST_EDGE_ID)).hasSize(dataRows);
        Scorecard scorer = Scorecard.of(model);
        List<Outcome> outcomes = new ArrayList<>();
        try (Connection c = Engine.POSTGRES.connect()) {
            SqlParity.load(c, Engine.POSTGRES, model, rows);
            for (SqlDialect d : Engine.POSTGRES.dialects()) {
                outcomes.add(SqlParity.compare(name + " POSTGRES " + d.configName(), scorer, model, SqlParity.options(d), c,
                        rows));
            }
        }
        String report = SqlParity.report(outcomes);
        System.out.print(report);
        assertThat(outcomes).as(report).allMatch(o -> o.mismatches().isEmpty() && o.rowsCompared() > 0);
    }
}
