package io.progressledger.query.eventstore;

import io.progressledger.events.AggregateType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Reads the event store's table as it is, for auditors: in global order, by aggregate, by position. Always in
 * bounded batches, so that reading a million events takes constant memory.
 */
@Component
@JdbcEventStore
public class EventLog {

    private static final String COLUMNS = "globalIndex, type, aggregateIdentifier, sequenceNumber, eventIdentifier, "
            + "payloadType, payloadRevision, timeStamp, payload, metaData";

    private final JdbcClient events;

    public EventLog(EventStoreConnection connection) {
        this.events = JdbcClient.create(connection.dataSource());
    }

    /** Up to {@code limit} events after a global position, in global order. */
    public List<StoredEvent> after(long position, int limit) {
        return events.sql("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE globalIndex > ? "
                        + "ORDER BY globalIndex FETCH FIRST ? ROWS ONLY")
                .params(position, limit)
                .query(EventLog::event)
                .list();
    }

    /**
     * Every event of one aggregate, in the order they were stored: those under its id and those under its id of
     * earlier versions ({@link AggregateType#legacyIdOf}), of its own type (an old id two types shared holds both).
     */
    public List<StoredEvent> ofAggregate(AggregateType type, String aggregateId) {
        // One indexed read per id, joined, not IN (?, ?): given a parameter list, H2 walks the whole aggregate index.
        String oneId = "SELECT " + COLUMNS + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND type = ?";
        String legacyId = type.legacyIdOf(aggregateId);
        boolean twoIds = !legacyId.equals(aggregateId);
        return events.sql((twoIds ? oneId + " UNION ALL " + oneId : oneId) + " ORDER BY globalIndex")
                .params(twoIds ? List.of(aggregateId, type.storedName(), legacyId, type.storedName())
                        : List.of(aggregateId, type.storedName()))
                .query(EventLog::event)
                .list();
    }

    /**
     * The aggregates of a type whose identifier starts with a prefix (a learner's trails: {@code trail:i:u:}, and
     * {@code i:u:} for those stored before ids were namespaced).
     */
    public List<String> aggregatesStartingWith(String prefix, AggregateType type) {
        return events.sql("SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry WHERE aggregateIdentifier LIKE ? "
                        + "AND type = ? ORDER BY aggregateIdentifier")
                .params(prefix.replace("%", "\\%").replace("_", "\\_") + "%", type.storedName())
                .query(String.class)
                .list();
    }

    /** The events at these global positions (those that still exist), in global order. */
    public List<StoredEvent> at(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        List<StoredEvent> found = new ArrayList<>();
        List<Long> all = new ArrayList<>(positions);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            found.addAll(events.sql("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE globalIndex IN ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY globalIndex")
                    .params(new ArrayList<Object>(chunk))
                    .query(EventLog::event)
                    .list());
        }
        return found;
    }

    /** The events with these identifiers (those that still exist). */
    public List<StoredEvent> withIdentifiers(Collection<String> identifiers) {
        List<StoredEvent> found = new ArrayList<>();
        List<String> all = new ArrayList<>(identifiers);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            found.addAll(events.sql("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE eventIdentifier IN ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(new ArrayList<Object>(chunk))
                    .query(EventLog::event)
                    .list());
        }
        return found;
    }

    /** The time the first event after a position was stored, if there is one. */
    public java.util.Optional<java.time.Instant> firstTimestampAfter(long position) {
        return events.sql("SELECT timeStamp FROM DomainEventEntry WHERE globalIndex > ? "
                        + "ORDER BY globalIndex FETCH FIRST 1 ROWS ONLY")
                .param(position)
                .query(String.class)
                .optional()
                .map(java.time.Instant::parse);
    }

    /** Global positions of stored events after a position, in order (a merge walk against the hash chain). */
    public List<Long> positionsAfter(long position, long upTo, int limit) {
        return events.sql("SELECT globalIndex FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex <= ? "
                        + "ORDER BY globalIndex FETCH FIRST ? ROWS ONLY")
                .params(position, upTo, limit)
                .query(Long.class)
                .list();
    }

    /** The recorded rewrites of events at these positions, by position. */
    public java.util.Map<Long, EventRewrite> rewritesAt(Collection<Long> positions) {
        java.util.Map<Long, EventRewrite> found = new java.util.HashMap<>();
        List<Long> all = new ArrayList<>(positions);
        for (int from = 0; from < all.size(); from += 500) {
            events.sql("SELECT * FROM event_rewrite WHERE global_index IN (:positions)")
                    .param("positions", all.subList(from, Math.min(all.size(), from + 500)))
                    .query(EventLog::rewrite)
                    .list()
                    .forEach(rewrite -> found.put(rewrite.globalPosition(), rewrite));
        }
        return found;
    }

    /** An event's signature by the command side: the signing key's id and the HMAC (see EventSignature). */
    public record Signature(String keyId, String signature) {
    }

    /** The signatures of the events at these positions, by position. */
    public java.util.Map<Long, Signature> signaturesAt(Collection<Long> positions) {
        java.util.Map<Long, Signature> found = new java.util.HashMap<>();
        List<Long> all = new ArrayList<>(positions);
        for (int from = 0; from < all.size(); from += 500) {
            events.sql("SELECT global_index, key_id, signature FROM event_signature WHERE global_index IN (:positions)")
                    .param("positions", all.subList(from, Math.min(all.size(), from + 500)))
                    .query((rs, n) -> found.put(rs.getLong("global_index"),
                            new Signature(rs.getString("key_id"), rs.getString("signature"))))
                    .list();
        }
        return found;
    }

    /** The position of the first signed event, when any is: events before it were stored before signing began. */
    public java.util.Optional<Long> firstSignedPosition() {
        return events.sql("SELECT MIN(global_index) FROM event_signature").query(Long.class).optional();
    }

    /** Every recorded rewrite of an event up to a position, in global order. */
    public List<EventRewrite> rewritesUpTo(long position) {
        return events.sql("SELECT * FROM event_rewrite WHERE global_index <= ? ORDER BY global_index")
                .param(position)
                .query(EventLog::rewrite)
                .list();
    }

    private static EventRewrite rewrite(ResultSet rs, int row) throws SQLException {
        return new EventRewrite(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("original_payload_sha256"), rs.getString("rewritten_payload_sha256"));
    }

    private static StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("globalIndex"), rs.getString("type"), rs.getString("aggregateIdentifier"),
                rs.getLong("sequenceNumber"), rs.getString("eventIdentifier"), rs.getString("payloadType"),
                rs.getString("payloadRevision"), rs.getString("timeStamp"), rs.getBytes("payload"),
                rs.getBytes("metaData"));
    }
}
