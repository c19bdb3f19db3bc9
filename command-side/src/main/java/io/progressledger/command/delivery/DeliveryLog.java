package io.progressledger.command.delivery;

import io.progressledger.command.eventstore.RecordedEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The durable record of every webhook call, and the idempotency keys of the accepted ones. */
@Repository
public class DeliveryLog {

    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<RecordedEvent>> EVENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public DeliveryLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(Delivery delivery) {
        jdbc.sql("""
                        INSERT INTO delivery (id, source, received_at, client_address, headers, body, body_size,
                            event_type, sender_event_id, idempotency_key, outcome, status_code, problem, events,
                            duration_micros, authenticated, retry_of, requested_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(delivery.id(), delivery.source(), OffsetDateTime.ofInstant(delivery.receivedAt(), ZoneOffset.UTC),
                        delivery.clientAddress(), json.writeValueAsString(delivery.headers()), delivery.body(),
                        delivery.bodySize(), delivery.eventType(), delivery.senderEventId(),
                        delivery.idempotencyKey(), delivery.outcome().name(), delivery.statusCode(),
                        delivery.problem() == null ? null : json.writeValueAsString(delivery.problem()),
                        delivery.events() == null ? null : json.writeValueAsString(delivery.events()),
                        delivery.durationMicros(), delivery.authenticated(), delivery.retryOf(),
                        delivery.requestedBy())
                .update();
    }

    /**
     * Claims an idempotency key for a delivery, inside the caller's transaction. While that transaction is open a
     * concurrent claim of the same key waits on it; once it commits, the other claim fails.
     *
     * @throws DuplicateKeyException when another delivery owns the key; run the claim in a savepoint, since
     *                               PostgreSQL refuses every further statement of a transaction after an error
     */
    public void claim(String source, String idempotencyKey, String deliveryId) {
        jdbc.sql("INSERT INTO delivery_idempotency (source, idempotency_key, delivery_id) VALUES (?, ?, ?)")
                .params(source, idempotencyKey, deliveryId)
                .update();
    }

    public String ownerOf(String source, String idempotencyKey) {
        return jdbc.sql("SELECT delivery_id FROM delivery_idempotency WHERE source = ? AND idempotency_key = ?")
                .params(source, idempotencyKey)
                .query(String.class)
                .single();
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
            return delivery(rs, n);
        }).list();
        boolean more = rows.size() > limit;
        return new Listing(more ? rows.subList(0, limit) : rows, more ? seqs.get(limit - 1) : null);
    }

    /** Which deliveries to list; null means any. */
    public record DeliveryFilter(String source, Outcome outcome, java.time.Instant from, java.time.Instant to) {
    }

    /** A page of deliveries and, when there are older ones, the cursor to continue from. */
    public record Listing(List<Delivery> items, Long nextBeforeSeq) {
    }

    public Optional<Delivery> find(String id) {
        return jdbc.sql("SELECT * FROM delivery WHERE id = ?").param(id).query(this::delivery).optional();
    }

    private Delivery delivery(ResultSet rs, int row) throws SQLException {
        String problem = rs.getString("problem");
        String events = rs.getString("events");
        return new Delivery(
                rs.getString("id"),
                rs.getString("source"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getString("client_address"),
                json.readValue(rs.getString("headers"), HEADERS),
                rs.getBytes("body"),
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
                rs.getString("requested_by"));
    }

}
