package io.progressledger.bench.launch;

import io.progressledger.bench.Settings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The database both applications run on, as the benchmark reaches it: the same JDBC URL their own connections use
 * (H2's file through AUTO_SERVER, or the PostgreSQL database), so a JDBC baseline measures the same store.
 */
public interface Database extends AutoCloseable {

    static Database of(Settings settings, Path dataDir) {
        return settings.db().equals("postgres")
                ? PostgresDatabase.create(settings.postgresUrl(), settings.postgresUser(), settings.postgresPassword())
                : new H2Database(dataDir);
    }

    /** {@code h2} or {@code postgres}. */
    String kind();

    /** A new connection to the event store's database (auto-commit on). */
    Connection connect() throws SQLException;

    /** Environment variables the applications need for this database. */
    Map<String, String> applicationEnvironment();

    /** Command-line arguments the applications need for this database. */
    List<String> applicationArguments();

    /** How the JDBC baselines reach the database, for the report. */
    String describe();

    /** Drops what the run created, when the database outlives the run's directory. */
    @Override
    void close();
}
