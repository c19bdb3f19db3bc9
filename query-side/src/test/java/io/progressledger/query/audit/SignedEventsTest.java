package io.progressledger.query.audit;

import io.progressledger.events.audit.EventSignature;
import io.progressledger.events.keys.KeyRing;
import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the signatures add to the chain: an event appended by a writer of the database who lacks the signing key is
 * reported, and so is a rewrite covered by a forged erasure (which the chain alone accepts, since the forged erasure
 * lists the rewrite). The test signs events as the command side does, then acts as an intruder with database access,
 * and puts everything back afterwards.
 */
class SignedEventsTest extends QuerySideTest {

    private static final KeyRing SIGNING = KeyRing.of("signing", Map.of("test1",
            "ciesrhnFsvr5Oxw9rvikEDP0h8Jje47wrdka6CUn/WI="), "test1", Set.of(), false);

    @Test
    void an_unsigned_append_and_a_rewrite_covered_by_a_forged_erasure_are_reported() {
        long user = uniqueId();
        try {
            long signed = complete(user, "signed");
            sign(signed);
            JsonNode intact = verifiedUpTo(signed);
            assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
            assertThat(intact.path("signatures").path("signed").asLong()).isPositive();
            assertThat(intact.path("signatures").path("firstSignedPosition").asLong()).isEqualTo(signed);

            long slipped = complete(user + 1, "slipped in");
            JsonNode unsigned = verifiedUpTo(slipped);
            assertThat(unsigned.path("intact").asBoolean()).isFalse();
            assertThat(unsigned.path("firstMismatchPosition").asLong()).isEqualTo(slipped);
            assertThat(unsigned.path("reason").asString()).contains("not signed");
            sign(slipped); // as if the command side had written it: the rest of the test is about the rewrite

            Map<String, Object> original = eventStoreTable().sql("SELECT payload FROM DomainEventEntry "
                    + "WHERE globalIndex = ?").param(signed).query().singleRow();
            byte[] before = (byte[]) original.get("PAYLOAD");
            byte[] after = new String(before, StandardCharsets.UTF_8).replace("signed", "forged")
                    .getBytes(StandardCharsets.UTF_8);
            eventStoreTable().sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(after, signed).update();
            eventStoreTable().sql("INSERT INTO event_rewrite (global_index, event_identifier, original_payload_sha256, "
                            + "rewritten_payload_sha256, reason, rewritten_at) VALUES (?, 'x', ?, ?, 'personal-data-erasure', ?)")
                    .params(signed, EventSignature.sha256(before), EventSignature.sha256(after),
                            OffsetDateTime.now(ZoneOffset.UTC)).update();
            long forgedErasure = append("Learner", "learner:61:" + user, new LearnerDataErased(61, user, 0, 0,
                    List.of(new LearnerDataErased.RedactedEvent(signed, "x", EventSignature.sha256(before),
                            EventSignature.sha256(after))), "intruder", null, Instant.now()));

            JsonNode forged = verifiedUpTo(forgedErasure);
            assertThat(forged.path("intact").asBoolean()).as(forged.toString()).isFalse();
            assertThat(forged.path("firstMismatchPosition").asLong()).isEqualTo(forgedErasure);
            assertThat(forged.path("reason").asString()).contains("not signed");
            eventStoreTable().sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(before, signed).update();
            eventStoreTable().sql("DELETE FROM event_rewrite WHERE global_index = ?").param(signed).update();
        } finally {
            // The other tests of this application append unsigned events: leave no signature behind.
            eventStoreTable().sql("DELETE FROM event_signature").update();
        }
    }

    private long complete(long user, String trailName) {
        return append("Trail", "trail:61:" + user + ":1", new TrailCompleted(61, user, null, null, 1, trailName,
                Instant.parse("2024-01-01T00:00:00Z"), 1, List.of(new Course(1, "C")), provenance("toolzz")));
    }

    /** Signs the stored event as the command side does. */
    private void sign(long position) {
        Map<String, Object> event = eventStoreTable().sql("SELECT * FROM DomainEventEntry WHERE globalIndex = ?")
                .param(position).query().singleRow();
        String content = EventSignature.content(position, (String) event.get("EVENTIDENTIFIER"),
                (String) event.get("TYPE"), (String) event.get("AGGREGATEIDENTIFIER"),
                ((Number) event.get("SEQUENCENUMBER")).longValue(), (String) event.get("PAYLOADTYPE"),
                (String) event.get("PAYLOADREVISION"), (String) event.get("TIMESTAMP"),
                EventSignature.sha256((byte[]) event.get("PAYLOAD")), (byte[]) event.get("METADATA"));
        eventStoreTable().sql("INSERT INTO event_signature (global_index, event_identifier, key_id, signature) "
                        + "VALUES (?, ?, ?, ?)")
                .params(position, event.get("EVENTIDENTIFIER"), "test1", EventSignature.sign(SIGNING.current(), content))
                .update();
    }

    /** The verification once the chain has linked the event at {@code position}. */
    private JsonNode verifiedUpTo(long position) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode answer = get("/api/audit/verify", ADMIN_TOKEN).json();
            return !answer.path("intact").asBoolean() || answer.path("checkedUpTo").asLong() >= position;
        });
        return get("/api/audit/verify", ADMIN_TOKEN).json();
    }
}
