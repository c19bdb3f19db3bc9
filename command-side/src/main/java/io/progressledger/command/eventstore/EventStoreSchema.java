package io.progressledger.command.eventstore;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Creates or migrates the event store's tables (scripts in shared-events, {@code db/eventstore/<vendor>}), before the
 * application takes any call. The query side runs the same migration on the same database, so whichever application
 * starts first on an empty database prepares it; Flyway's lock makes concurrent starts safe. Off, like Spring
 * Boot's own migrations, when {@code spring.flyway.enabled} is false.
 */
@Component
@JdbcEventStore
@ConditionalOnBooleanProperty(name = "spring.flyway.enabled", matchIfMissing = true)
public class EventStoreSchema {

    public EventStoreSchema(DataSource dataSource) throws MetaDataAccessException {
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
