package io.progressledger.query.eventstore;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Creates or migrates the event store's tables (scripts in shared-events, {@code db/eventstore/<vendor>}) in the
 * database the events are read from. The command side runs the same migration, so whichever application
 * starts first on an empty database prepares it; Flyway's lock makes concurrent starts safe. Off, like Spring
 * Boot's own migrations, when {@code spring.flyway.enabled} is false.
 */
@Component
@JdbcEventStore
@ConditionalOnBooleanProperty(name = "spring.flyway.enabled", matchIfMissing = true)
public class EventStoreSchema {

    public EventStoreSchema(EventStoreConnection connection) throws MetaDataAccessException {
        DataSource dataSource = connection.dataSource();
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, metadata -> metadata.getDatabaseProductName());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/eventstore/" + (product.toLowerCase().contains("postgres") ? "postgresql" : "h2"))
                .table("flyway_eventstore_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
