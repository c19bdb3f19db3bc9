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

    /**
     * A scratch database beside this one for the write baselines, to be created by the applications' own migration
     * scripts: H2, a second file in {@code directory} opened embedded by the driver exactly as the command side
     * opens its own; PostgreSQL, a schema of the run's database on the same server.
     */
    ScratchDatabase scratch(Path directory);

    /**
     * The processes of the database server working for this run (PostgreSQL's backends of the run's database), for
     * their CPU time; empty where the database runs inside the applications (H2).
     */
    List<Long> serverPids();

    /** Sessions busy on the same server for other databases (other people's work), where that can be known; else null. */
    default Integer otherActiveSessions() {
        return null;
    }

    /** The settings that decide what a COMMIT guarantees, read from the database itself. */
    Map<String, String> commitSettings(Connection connection) throws SQLException;

    /** What a COMMIT means on this database with those settings, in a sentence for the report. */
    String commitMeaning(Map<String, String> settings);

    /** Drops what the run created, when the database outlives the run's directory. */
    @Override
    void close();
}
