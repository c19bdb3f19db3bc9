package io.progressledger.command.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness ({@code eventStore}): the event store answers, whichever it is (the database's table, or Axon Server).
 * A node whose store is unreachable answers webhooks with 503; the load balancer should stop sending it any.
 */
@Component
public class EventStoreHealthIndicator implements HealthIndicator {

    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;

    public EventStoreHealthIndicator(StreamableMessageSource<TrackedEventMessage<?>> eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        try {
            eventStore.createHeadToken();
            return Health.up().build();
        } catch (RuntimeException unreachable) {
            return Health.down().withDetail("error", unreachable.getClass().getSimpleName()).build();
        }
    }
}
