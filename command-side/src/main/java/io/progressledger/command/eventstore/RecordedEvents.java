package io.progressledger.command.eventstore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the event a command just appended, to name it in the webhook answer. Call it inside the transaction that
 * appended the event: while that row is uncommitted no other writer can commit a higher sequence number for the same
 * aggregate (it would have to insert ours first and hit the unique constraint), so the aggregate's newest row is
 * the one this command wrote. Every command here appends at most one event.
 */
@Component
public class RecordedEvents {

    private final JdbcClient jdbc;

    public RecordedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public RecordedEvent newestOf(String aggregateId) {
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
