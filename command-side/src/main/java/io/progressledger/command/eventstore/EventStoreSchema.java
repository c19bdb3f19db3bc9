package io.progressledger.command.eventstore;

import io.progressledger.events.schema.SharedSchemas;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Creates or migrates the schemas the two applications share (scripts in shared-events), before the application
 * takes any call: the event store's tables, unless the events are in Axon Server, and the personal data keys. The
 * query side runs the same migrations on the same database, so whichever application starts first on an empty
 * database prepares it. Off, like Spring Boot's own migrations, when {@code spring.flyway.enabled} is false.
 */
@Component
@ConditionalOnBooleanProperty(name = "spring.flyway.enabled", matchIfMissing = true)
public class EventStoreSchema {

    public EventStoreSchema(DataSource dataSource, @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        if (!axonServer) {
            SharedSchemas.migrateEventStore(dataSource);
        }
        SharedSchemas.migratePersonalData(dataSource);
    }
}
