package io.progressledger.query.eventstore;

import io.progressledger.events.schema.SharedSchemas;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Creates or migrates the schemas the two applications share (scripts in shared-events) in the command side's
 * database, where the events are read from: the event store's tables, unless the events are in Axon Server, and the
 * personal data keys. The command side runs the same migrations, so whichever application starts first on an empty
 * database prepares it. Off, like Spring Boot's own migrations, when {@code spring.flyway.enabled} is false.
 */
@Component
@ConditionalOnBooleanProperty(name = "spring.flyway.enabled", matchIfMissing = true)
public class EventStoreSchema {

    public EventStoreSchema(EventStoreConnection connection,
                            @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        if (!axonServer) {
            SharedSchemas.migrateEventStore(connection.dataSource());
        }
        SharedSchemas.migratePersonalData(connection.dataSource());
    }
}
