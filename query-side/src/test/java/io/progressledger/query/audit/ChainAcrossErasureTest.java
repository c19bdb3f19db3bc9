package io.progressledger.query.audit;

import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.learner.LearnerDataErased.RedactedEvent;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A completion stored by the previous revision holds the learner's name and email in plain text; erasing the learner
 * redacts them in place (on the command side). The chain keeps verifying across that recorded rewrite, including a
 * chain rebuilt afterwards, and a rewrite that no erasure records is named at its position.
 */
class ChainAcrossErasureTest extends QuerySideTest {

    @Test
    void a_recorded_redaction_keeps_the_chain_intact_and_an_unrecorded_one_breaks_it() {
        long user = uniqueId();
        String plain = """
                {"institutionId":41,"userId":%d,"userName":"Legacy Name","userEmail":"legacy-%d@example.com",\
                "trailId":42,"trailName":"Old trail","finishedAt":"2021-06-01T10:00:00Z","completionNumber":1,\
                "courses":[{"id":43,"title":"C"}],"provenance":{"source":"toolzz","senderEventId":"old",\
                "deliveryId":"old-delivery","receivedAt":"2021-06-01T10:00:01Z"}}""".formatted(user, user);
        String identifier = UUID.randomUUID().toString();
        eventStoreTable().sql("""
                        INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                            metaData, payload, payloadRevision, payloadType, timeStamp)
                        VALUES (?, 0, 'Trail', ?, ?, ?, '1', ?, '2021-06-01T10:00:02Z')""")
                .params("41:" + user + ":42", identifier, "{}".getBytes(StandardCharsets.UTF_8),
                        plain.getBytes(StandardCharsets.UTF_8), TrailCompleted.class.getName())
                .update();
        long position = eventStoreTable().sql("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?")
                .param(identifier).query(Long.class).single();
        JsonNode history = get("/api/audit/learners/41/" + user + "/trails/42/events", ADMIN_TOKEN).json()
                .path("items").get(0);
        assertThat(history.path("payload").path("userName").asString()).as("revision 1 reads as it was stored")
                .isEqualTo("Legacy Name");
        awaitVerified(position);

        // What the command side's erasure does to it: redact in place, record the rewrite, record the erasure.
        byte[] redacted = plain.replace("Legacy Name", "[erased]").replace("legacy-" + user + "@example.com",
                "[erased]").getBytes(StandardCharsets.UTF_8);
        var rewrite = new RedactedEvent(position, identifier, sha256(plain.getBytes(StandardCharsets.UTF_8)),
                sha256(redacted));
        eventStoreTable().sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                .params(redacted, position).update();
        recordRewrite(rewrite);
        long erasure = append("Learner", "learner:41:" + user, new LearnerDataErased(41, user, 0, 0,
                List.of(rewrite), "admin", null, Instant.now()));

        awaitVerified(erasure);
        assertThat(get("/api/audit/learners/41/" + user + "/trails/42/events", ADMIN_TOKEN).body())
                .doesNotContain("Legacy Name").contains("[erased]");
        rebuild("audit-chain");
        awaitVerified(erasure);

        long other = append("Trail", "41:" + uniqueId() + ":42", new TrailCompleted(41, user + 1, null, null, 42,
                "Another", Instant.parse("2021-06-02T10:00:00Z"), 1, List.of(), provenance("toolzz")));
        awaitVerified(other);
        byte[] forged = "{\"forged\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] original = eventStoreTable().sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?")
                .param(other).query(byte[].class).single();
        eventStoreTable().sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                .params(forged, other).update();
        recordRewrite(new RedactedEvent(other, "x", sha256(original), sha256(forged)));
        try {
            JsonNode broken = get("/api/audit/verify", ADMIN_TOKEN).json();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstMismatchPosition").asLong()).isEqualTo(other);
            assertThat(broken.path("reason").asString()).contains("no erasure");
        } finally {
            eventStoreTable().sql("DELETE FROM event_rewrite WHERE global_index = ?").param(other).update();
            eventStoreTable().sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(original, other).update();
        }
        assertThat(get("/api/audit/verify", ADMIN_TOKEN).json().path("intact").asBoolean()).isTrue();
    }

    private void recordRewrite(RedactedEvent rewrite) {
        eventStoreTable().sql("""
                        INSERT INTO event_rewrite (global_index, event_identifier, original_payload_sha256,
                            rewritten_payload_sha256, reason, rewritten_at) VALUES (?, ?, ?, ?, ?, ?)""")
                .params(rewrite.globalPosition(), rewrite.eventIdentifier(), rewrite.originalPayloadSha256(),
                        rewrite.redactedPayloadSha256(), "personal-data-erasure", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    private void awaitVerified(long position) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode verification = get("/api/audit/verify", ADMIN_TOKEN).json();
            assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("checkedUpTo").asLong()).isGreaterThanOrEqualTo(position);
        });
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
