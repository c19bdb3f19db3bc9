package io.progressledger.events.schema;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The schemas both applications share, in the command side's database: the event store's tables (when the events
 * are there, not in Axon Server) and the personal data keys (always). Each has its own Flyway history, so either
 * application may prepare an empty database, and Flyway's lock makes concurrent starts safe.
 */
public final class SharedSchemas {

    private SharedSchemas() {
    }

    /** {@code db/eventstore/<vendor>}: the event store, and the record of rewritten events. */
    public static void migrateEventStore(DataSource dataSource) {
        migrate(dataSource, "eventstore", "flyway_eventstore_history");
    }

    /** {@code db/personaldata/<vendor>}: the data subjects' keys. */
    public static void migratePersonalData(DataSource dataSource) {
        migrate(dataSource, "personaldata", "flyway_personal_data_history");
    }

    private static void migrate(DataSource dataSource, String schema, String historyTable) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + schema + "/" + vendor(dataSource))
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    private static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database holds the shared schemas", e);
        }
    }
}
