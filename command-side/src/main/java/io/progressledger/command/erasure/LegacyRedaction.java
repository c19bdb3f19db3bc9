package io.progressledger.command.erasure;

import io.progressledger.command.eventstore.JdbcEventStore;
import io.progressledger.events.learner.LearnerDataErased.RedactedEvent;
import io.progressledger.events.personal.PersonalData;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Events stored before personal values were typed (TrailCompleted revisions up to 2) hold a learner's name and email
 * as strings: plain text, which deleting a key cannot reach, or a {@code sealed:v1:} string, which may be a value the
 * ledger sealed or a sender's name imitating one (the string cannot say which). Erasing the learner redacts every such
 * string in place, whatever it looks like, the one rewrite of stored events the ledger ever does: each is recorded in
 * {@code event_rewrite} with its payload's hash before and after, and listed in the erasure event, so the
 * tamper-evidence chain verifies across it. Typed values (revision 3 on) are sealed, and need no rewrite.
 */
@Component
@JdbcEventStore
public class LegacyRedaction {

    static final String REASON = "personal-data-erasure";
    private static final List<String> PERSONAL_FIELDS = List.of("userName", "userEmail");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public LegacyRedaction(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Stored(long globalIndex, String eventIdentifier, byte[] payload) {
    }

    /** Redacts the learner's plain personal values in stored events, inside the caller's transaction. */
    public List<RedactedEvent> redact(long institutionId, long userId, Instant at) {
        // Older events are under the ids of earlier versions (institution:user:trail); newer ones are typed.
        String trailsOfLearner = new LearnerTrailId(institutionId, userId, 0).asString();
        String prefix = trailsOfLearner.substring(0, trailsOfLearner.lastIndexOf(':') + 1);
        List<Stored> candidates = jdbc.sql("""
                        SELECT globalIndex, eventIdentifier, payload FROM DomainEventEntry
                        WHERE aggregateIdentifier LIKE ? AND payloadType = ? ORDER BY globalIndex""")
                .params(prefix + "%", TrailCompleted.class.getName())
                .query((rs, n) -> new Stored(rs.getLong("globalIndex"), rs.getString("eventIdentifier"),
                        rs.getBytes("payload")))
                .list();
        List<RedactedEvent> redacted = new ArrayList<>();
        for (Stored event : candidates) {
            ObjectNode payload = (ObjectNode) json.readTree(event.payload());
            if (!redactStrings(payload)) {
                continue;
            }
            byte[] rewritten = json.writeValueAsBytes(payload);
            var record = new RedactedEvent(event.globalIndex(), event.eventIdentifier(), sha256(event.payload()),
                    sha256(rewritten));
            jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(rewritten, event.globalIndex())
                    .update();
            jdbc.sql("""
                            INSERT INTO event_rewrite (global_index, event_identifier, original_payload_sha256,
                                rewritten_payload_sha256, reason, rewritten_at) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(record.globalPosition(), record.eventIdentifier(), record.originalPayloadSha256(),
                            record.redactedPayloadSha256(), REASON, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .update();
            redacted.add(record);
        }
        return redacted;
    }

    /**
     * Replaces personal values stored as strings (not already erased) by {@code "[erased]"}, which every revision reads
     * as erased; whether any was. Typed sealed values are left: deleting the key erases them.
     */
    private static boolean redactStrings(ObjectNode payload) {
        boolean changed = false;
        for (String field : PERSONAL_FIELDS) {
            JsonNode value = payload.get(field);
            if (value != null && value.isString() && !PersonalData.ERASED.equals(value.stringValue())) {
                payload.put(field, PersonalData.ERASED);
                changed = true;
            }
        }
        return changed;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
