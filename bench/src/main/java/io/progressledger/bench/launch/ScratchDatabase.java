package io.progressledger.bench.launch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the write baselines run: tables made by the applications' own migration scripts, on the same database engine,
 * server and settings as the ledger, but apart from its data.
 *
 * @param vendor the applications' name for the engine in their script folders ({@code h2}, {@code postgresql})
 * @param schema the schema to migrate and write into, or null for the database's default
 * @param url    a JDBC URL that opens it (with the schema as the current one)
 */
public record ScratchDatabase(String vendor, String schema, String url, String user, String password,
                              String description, Runnable dropper) implements AutoCloseable {

    /** A new connection (auto-commit on) into the scratch tables. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        dropper.run();
    }
}
