package dev.scorecard.train.export;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL server of {@link SqlExportPostgresParityTest}: on 127.0.0.1 only, as
 * {@code scripts/install-postgres.sh} starts it, with the same environment variables and defaults
 * ({@code SCORECARD_PG_PORT} 5432, {@code SCORECARD_PG_USER} scorecard, who is also the database,
 * {@code SCORECARD_PG_PASSWORD} scorecard).
 */
final class PostgresServer {
    static final String PORT = env("SCORECARD_PG_PORT", "5432");
    static final String USER = env("SCORECARD_PG_USER", "scorecard");
    /** Loopback only, whatever the environment says: the test never reaches another machine. */
    static final String URL = "jdbc:postgresql://127.0.0.1:" + PORT + "/" + USER;
    private static final String PASSWORD = env("SCORECARD_PG_PASSWORD", "scorecard");
    /** Seconds to wait for a connection: a server that is down refuses at once, a filtered port would hang. */
    private static final String CONNECT_TIMEOUT = "3";

    private PostgresServer() {
    }

    static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        p.setProperty("connectTimeout", CONNECT_TIMEOUT);
        p.setProperty("loginTimeout", CONNECT_TIMEOUT);
        // One INSERT of many rows per batch instead of one per row: the 45,000 rows of bank-full in seconds.
        p.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(URL, p);
    }

    /** @return why no server can be used, or empty when one answers */
    static Optional<String> unavailable() {
        try (Connection c = connect()) {
            return c.isValid(Integer.parseInt(CONNECT_TIMEOUT)) ? Optional.empty() : Optional.of("the connection is not valid");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static String env(String name, String orElse) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? orElse : v;
    }
}
