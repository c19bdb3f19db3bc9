package io.progressledger.command.erasure;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.events.trail.TrailCompleted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored by the previous revision (TrailCompleted revision 1) hold the name and email in plain text. Erasing
 * the learner redacts them in place and records each rewrite, with the payload's hash before and after, in the store
 * and in the erasure event.
 */
class LegacyRedactionTest extends CommandSideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void plain_values_of_the_previous_revision_are_redacted_in_place_and_the_rewrite_is_recorded() throws Exception {
        long user = Payloads.uniqueId();
        String plain = """
                {"institutionId":12345,"userId":%d,"userName":"Legacy Learner","userEmail":"legacy@example.com",\
                "trailId":888,"trailName":"Old trail","finishedAt":"2021-01-01T10:00:00Z","completionNumber":1,\
                "courses":[{"id":1,"title":"C"}],"provenance":{"source":"toolzz","senderEventId":"legacy",\
                "deliveryId":"legacy-delivery","receivedAt":"2021-01-01T10:00:01Z"}}""".formatted(user);
        long position = storeRevision1(user, plain);

        JsonNode result = admin("POST", "/api/admin/learners/12345/" + user + "/erase", null).json();

        assertThat(result.path("eventsRedacted").asInt()).isEqualTo(1);
        byte[] stored = jdbc.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?").param(position)
                .query(byte[].class).single();
        JsonNode redacted = JSON.readTree(stored);
        assertThat(redacted.path("userName").asString()).isEqualTo("[erased]");
        assertThat(redacted.path("userEmail").asString()).isEqualTo("[erased]");
        assertThat(redacted.path("trailName").asString()).as("progress facts stay").isEqualTo("Old trail");
        Map<String, Object> rewrite = jdbc.sql("SELECT * FROM event_rewrite WHERE global_index = ?").param(position)
                .query().singleRow();
        assertThat(rewrite.get("ORIGINAL_PAYLOAD_SHA256")).isEqualTo(sha256(plain.getBytes(StandardCharsets.UTF_8)));
        assertThat(rewrite.get("REWRITTEN_PAYLOAD_SHA256")).isEqualTo(sha256(stored));
        JsonNode erasure = JSON.readTree(jdbc.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?")
                .param(result.path("event").path("globalPosition").asLong()).query(byte[].class).single());
        JsonNode listed = erasure.path("redactedEvents").get(0);
        assertThat(listed.path("globalPosition").asLong()).isEqualTo(position);
        assertThat(listed.path("originalPayloadSha256").asString()).isEqualTo(rewrite.get("ORIGINAL_PAYLOAD_SHA256"));
        assertThat(listed.path("redactedPayloadSha256").asString()).isEqualTo(rewrite.get("REWRITTEN_PAYLOAD_SHA256"));
    }

    /** A completion as the previous revision wrote it: plain name and email, revision 1. */
    private long storeRevision1(long user, String payload) {
        jdbc.sql("""
                        INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                            metaData, payload, payloadRevision, payloadType, timeStamp)
                        VALUES (?, 0, 'Trail', ?, ?, ?, '1', ?, '2021-01-01T10:00:01Z')""")
                .params("12345:" + user + ":888", UUID.randomUUID().toString(),
                        "{}".getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8),
                        TrailCompleted.class.getName())
                .update();
        return jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry").query(Long.class).single();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
