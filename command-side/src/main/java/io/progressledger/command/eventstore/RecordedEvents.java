package io.progressledger.command.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the event a command just appended, to name it in the webhook answer. Call it inside the transaction that
 * appended the event: while that row is uncommitted no other writer can commit a higher sequence number for the same
 * aggregate (it would have to insert ours first and hit the unique constraint), so the aggregate's newest row is
 * the one this command wrote. Every command here appends at most one event. With Axon Server the aggregate's stream
 * is read through Axon instead, without a global position.
 */
@Component
public class RecordedEvents {

    private final JdbcClient jdbc;
    private final EventStore eventStore;
    private final boolean axonServer;

    public RecordedEvents(JdbcClient jdbc, EventStore eventStore,
                          @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.axonServer = axonServer;
    }

    public RecordedEvent newestOf(String aggregateId) {
        if (axonServer) {
            long last = eventStore.lastSequenceNumberFor(aggregateId).orElseThrow();
            DomainEventMessage<?> event = eventStore.readEvents(aggregateId, last).next();
            return new RecordedEvent(event.getPayloadType().getSimpleName(), aggregateId, last, null);
        }
        return jdbc.sql("""
                        SELECT globalIndex, sequenceNumber, payloadType FROM DomainEventEntry
                        WHERE aggregateIdentifier = ? ORDER BY sequenceNumber DESC FETCH FIRST 1 ROWS ONLY""")
                .param(aggregateId)
                .query((rs, n) -> new RecordedEvent(simpleName(rs.getString("payloadType")), aggregateId,
                        rs.getLong("sequenceNumber"), rs.getLong("globalIndex")))
                .single();
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
