package io.progressledger.command.delivery;

import io.progressledger.command.eventstore.RecordedEvent;
import io.progressledger.command.privacy.PersonalDataSeal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** The durable record of every webhook call, and the idempotency keys of the accepted ones. */
@Repository
public class DeliveryLog {

    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<RecordedEvent>> EVENTS = new TypeReference<>() {
    };

    /** {@code data_subject} of a delivery whose body names none; null marks a delivery not examined yet. */
    private static final String NO_SUBJECT = "";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PersonalDataSeal seal;

    public DeliveryLog(JdbcClient jdbc, JsonMapper json, PersonalDataSeal seal) {
        this.jdbc = jdbc;
        this.json = json;
        this.seal = seal;
    }

    /**
     * Logs a delivery. A body that names its data subject is stored sealed with the subject's key, so that erasing
     * the subject reaches it; a body that names none (not JSON, no learner in it) is stored as it arrived.
     */
    public void record(Delivery delivery) {
        String subject = delivery.dataSubject();
        jdbc.sql("""
                        INSERT INTO delivery (id, source, received_at, client_address, headers, body_size,
                            event_type, sender_event_id, idempotency_key, outcome, status_code, problem, events,
                            duration_micros, authenticated, retry_of, requested_by, data_subject, body_removed,
                            body_removed_at, body_sha256)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(delivery.id(), delivery.source(), OffsetDateTime.ofInstant(delivery.receivedAt(), ZoneOffset.UTC),
                        delivery.clientAddress(), json.writeValueAsString(delivery.headers()),
                        delivery.bodySize(), delivery.eventType(), delivery.senderEventId(),
                        delivery.idempotencyKey(), delivery.outcome().name(), delivery.statusCode(),
                        delivery.problem() == null ? null : json.writeValueAsString(delivery.problem()),
                        delivery.events() == null ? null : json.writeValueAsString(delivery.events()),
                        delivery.durationMicros(), delivery.authenticated(), delivery.retryOf(),
                        delivery.requestedBy(), subject == null ? NO_SUBJECT : subject, delivery.bodyRemoved(),
                        delivery.bodyRemovedAt() == null ? null
                                : OffsetDateTime.ofInstant(delivery.bodyRemovedAt(), ZoneOffset.UTC),
                        delivery.bodySha256())
                .update();
        if (delivery.body() == null) {
            return;
        }
        String keyId = null;
        byte[] stored = delivery.body();
        if (subject != null) {
            PersonalDataSeal.SealedBody sealed = seal.sealBody(subject, delivery.id(), delivery.body());
            keyId = sealed.keyId();
            stored = sealed.bytes();
        }
        jdbc.sql("INSERT INTO delivery_body (delivery_id, key_id, body) VALUES (?, ?, ?)")
                .params(delivery.id(), keyId, stored)
                .update();
    }

    /**
     * Claims an idempotency key for a delivery, inside the caller's transaction. While that transaction is open a
     * concurrent claim of the same key waits on it; once it commits, the other claim fails.
     *
     * @throws DuplicateKeyException when another delivery owns the key; the transaction is then lost (PostgreSQL
     *                               refuses every further statement of a transaction after an error): retry it,
     *                               and look for the key's owner first
     */
    public void claim(String source, String idempotencyKey, String deliveryId) {
        jdbc.sql("INSERT INTO delivery_idempotency (source, idempotency_key, delivery_id) VALUES (?, ?, ?)")
                .params(source, idempotencyKey, deliveryId)
                .update();
    }

    /** The delivery that claimed the key, if one did. */
    public Optional<String> ownerOf(String source, String idempotencyKey) {
        return jdbc.sql("SELECT delivery_id FROM delivery_idempotency WHERE source = ? AND idempotency_key = ?")
                .params(source, idempotencyKey)
                .query(String.class)
                .optional();
    }

    /**
     * Deliveries newest first, filtered.
     *
     * @param beforeSeq the cursor: only deliveries logged before this one; null for the newest
     */
    public Listing list(DeliveryFilter filter, Long beforeSeq, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM delivery WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.source() != null) {
            sql.append(" AND source = ?");
            params.add(filter.source());
        }
        if (filter.outcome() != null) {
            sql.append(" AND outcome = ?");
            params.add(filter.outcome().name());
        }
        if (filter.from() != null) {
            sql.append(" AND received_at >= ?");
            params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND received_at < ?");
            params.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        if (beforeSeq != null) {
            sql.append(" AND seq < ?");
            params.add(beforeSeq);
        }
        sql.append(" ORDER BY seq DESC FETCH FIRST ? ROWS ONLY");
        params.add(limit + 1);
        List<Long> seqs = new ArrayList<>();
        List<Delivery> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            seqs.add(rs.getLong("seq"));
            return delivery(rs, null);
        }).list();
        boolean more = rows.size() > limit;
        return new Listing(more ? rows.subList(0, limit) : rows, more ? seqs.get(limit - 1) : null);
    }

    /** Which deliveries to list; null means any. */
    public record DeliveryFilter(String source, Outcome outcome, Instant from, Instant to) {
    }

    /** A page of deliveries and, when there are older ones, the cursor to continue from. */
    public record Listing(List<Delivery> items, Long nextBeforeSeq) {
    }

    /** One delivery with its body, opened with its subject's key; without it once removed or its key erased. */
    public Optional<Delivery> find(String id) {
        return jdbc.sql("""
                        SELECT d.*, b.key_id AS body_key_id, b.body AS stored_body FROM delivery d
                        LEFT JOIN delivery_body b ON b.delivery_id = d.id WHERE d.id = ?""")
                .param(id)
                .query((rs, n) -> delivery(rs, body(rs)))
                .optional();
    }

    /**
     * Examines up to {@code limit} deliveries logged before subjects were recorded, inside the caller's transaction:
     * records the subject {@code subjectOf} finds in each body (or none). How many were examined; fewer than
     * {@code limit} means none is left. At most {@code limit} bodies are in memory at once.
     */
    public int examineUnexamined(BiFunction<String, byte[], Optional<String>> subjectOf, int limit) {
        record Unexamined(String id, String source, byte[] body) {
        }
        List<Unexamined> unexamined = jdbc.sql("""
                        SELECT d.id, d.source, b.body FROM delivery d JOIN delivery_body b ON b.delivery_id = d.id
                        WHERE d.data_subject IS NULL AND b.key_id IS NULL ORDER BY d.seq FETCH FIRST ? ROWS ONLY""")
                .param(limit)
                .query((rs, n) -> new Unexamined(rs.getString("id"), rs.getString("source"), rs.getBytes("body")))
                .list();
        for (Unexamined delivery : unexamined) {
            jdbc.sql("UPDATE delivery SET data_subject = ? WHERE id = ?")
                    .params(subjectOf.apply(delivery.source(), delivery.body()).orElse(NO_SUBJECT), delivery.id())
                    .update();
        }
        if (unexamined.size() < limit) {
            // The rest have no body to examine (metadata only): they name no subject we could find.
            jdbc.sql("""
                            UPDATE delivery SET data_subject = ? WHERE data_subject IS NULL
                            AND NOT EXISTS (SELECT 1 FROM delivery_body b WHERE b.delivery_id = delivery.id)""")
                    .param(NO_SUBJECT).update();
        }
        return unexamined.size();
    }

    /**
     * Ids of up to {@code limit} deliveries of the subject whose body is still kept (ids only: no body is read).
     */
    public List<String> keptBodiesOf(String subject, int limit) {
        return jdbc.sql("""
                        SELECT d.id FROM delivery d WHERE d.data_subject = ?
                        AND EXISTS (SELECT 1 FROM delivery_body b WHERE b.delivery_id = d.id)
                        ORDER BY d.seq FETCH FIRST ? ROWS ONLY""")
                .params(subject, limit)
                .query(String.class)
                .list();
    }

    /**
     * Ids of up to {@code limit} deliveries received before {@code cutoff} whose body is still kept, oldest first
     * (ids only: no body is read).
     */
    public List<String> keptBodiesReceivedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        SELECT d.id FROM delivery d WHERE d.received_at < ?
                        AND EXISTS (SELECT 1 FROM delivery_body b WHERE b.delivery_id = d.id)
                        ORDER BY d.received_at, d.seq FETCH FIRST ? ROWS ONLY""")
                .params(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), limit)
                .query(String.class)
                .list();
    }

    /**
     * Deletes the bodies of these deliveries (the rows, never read), inside the caller's transaction, and says on
     * each delivery why and when; how many bodies were deleted (a body another node deleted first is not counted).
     */
    public int removeBodies(List<String> deliveryIds, String reason, Instant at) {
        if (deliveryIds.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                        UPDATE delivery SET body_removed = :reason, body_removed_at = :at WHERE id IN (:ids)
                        AND EXISTS (SELECT 1 FROM delivery_body b WHERE b.delivery_id = delivery.id)""")
                .param("reason", reason)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("ids", deliveryIds)
                .update();
        return jdbc.sql("DELETE FROM delivery_body WHERE delivery_id IN (:ids)")
                .param("ids", deliveryIds)
                .update();
    }

    /** A delivery-log row; {@code body} as opened, or null when not read (lists) or gone. */
    private Delivery delivery(ResultSet rs, byte[] body) throws SQLException {
        String problem = rs.getString("problem");
        OffsetDateTime removedAt = rs.getObject("body_removed_at", OffsetDateTime.class);
        String events = rs.getString("events");
        return new Delivery(
                rs.getString("id"),
                rs.getString("source"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getString("client_address"),
                json.readValue(rs.getString("headers"), HEADERS),
                body,
                rs.getInt("body_size"),
                rs.getString("event_type"),
                rs.getString("sender_event_id"),
                rs.getString("idempotency_key"),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getInt("status_code"),
                problem == null ? null : json.readValue(problem, OBJECT),
                events == null ? null : json.readValue(events, EVENTS),
                rs.getLong("duration_micros"),
                rs.getBoolean("authenticated"),
                rs.getString("retry_of"),
                rs.getString("requested_by"),
                NO_SUBJECT.equals(rs.getString("data_subject")) ? null : rs.getString("data_subject"),
                rs.getString("body_removed"),
                removedAt == null ? null : removedAt.toInstant(),
                rs.getString("body_sha256"));
    }

    /** The stored body, opened when sealed; null when it is gone, or when its key was erased. */
    private byte[] body(ResultSet rs) throws SQLException {
        byte[] stored = rs.getBytes("stored_body");
        String keyId = rs.getString("body_key_id");
        if (stored == null || keyId == null) {
            return stored;
        }
        return seal.openBody(keyId, rs.getString("id"), stored).orElse(null);
    }
}
