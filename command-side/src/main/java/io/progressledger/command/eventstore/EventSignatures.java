package io.progressledger.command.eventstore;

import io.progressledger.events.audit.EventSignature;
import io.progressledger.events.keys.KeyRing;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/**
 * Signs events as they are appended, in the appending transaction: one row of {@code event_signature} per event, the
 * HMAC of what the store holds of it ({@link EventSignature}) with the current audit signing key, which comes from
 * configuration and never reaches the database, a log or an answer.
 */
@Component
@JdbcEventStore
public class EventSignatures {

    private final JdbcClient jdbc;
    private final KeyRing signingKeys;

    public EventSignatures(JdbcClient jdbc, @Qualifier("auditSigningKeys") KeyRing signingKeys) {
        this.jdbc = jdbc;
        this.signingKeys = signingKeys;
    }

    /** Signs the stored events with these identifiers (just appended, in the caller's transaction). */
    public void sign(Collection<String> eventIdentifiers) {
        if (eventIdentifiers.isEmpty()) {
            return;
        }
        List<Object[]> rows = jdbc.sql("""
                        SELECT globalIndex, eventIdentifier, type, aggregateIdentifier, sequenceNumber, payloadType,
                            payloadRevision, timeStamp, payload, metaData FROM DomainEventEntry
                        WHERE eventIdentifier IN (:ids)""")
                .param("ids", eventIdentifiers)
                .query((rs, n) -> {
                    String content = EventSignature.content(rs.getLong("globalIndex"), rs.getString("eventIdentifier"),
                            rs.getString("type"), rs.getString("aggregateIdentifier"), rs.getLong("sequenceNumber"),
                            rs.getString("payloadType"), rs.getString("payloadRevision"), rs.getString("timeStamp"),
                            EventSignature.sha256(rs.getBytes("payload")), rs.getBytes("metaData"));
                    return new Object[]{rs.getLong("globalIndex"), rs.getString("eventIdentifier"),
                            signingKeys.currentId(), EventSignature.sign(signingKeys.current(), content)};
                })
                .list();
        for (Object[] row : rows) {
            jdbc.sql("INSERT INTO event_signature (global_index, event_identifier, key_id, signature) "
                    + "VALUES (?, ?, ?, ?)").params(row).update();
        }
    }
}
