package io.progressledger.query.privacy;

import io.progressledger.events.personal.PersonalDataCipher;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completions stored by the previous version (revision 2) hold names as strings, sealed ones prefixed
 * {@code sealed:v1:}, a prefix a sender could imitate. Every reader answers them (200, the export to its end): a value
 * the ledger sealed opens, plain text reads as it is, and an imitation reads {@code [unreadable]} or
 * {@code [erased]}, never a 500.
 */
class LegacyPersonalValuesTest extends QuerySideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long INSTITUTION = 41;

    @Test
    void every_reader_answers_revision_2_names_whatever_they_look_like() {
        long user = uniqueId();
        String keyId = UUID.randomUUID().toString();
        byte[] key = PersonalDataCipher.newKey();
        eventStoreTable().sql("INSERT INTO personal_data_key (key_id, subject, key_material, created_at) "
                        + "VALUES (?, ?, ?, ?)")
                .params(keyId, "learner:" + INSTITUTION + ":" + user, key, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        String genuine = "sealed:v1:" + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                PersonalDataCipher.encrypt(key, (keyId + "|userName").getBytes(StandardCharsets.UTF_8),
                        "Sealed Before".getBytes(StandardCharsets.UTF_8)));
        List<String> names = List.of(genuine, "Plain Before", "sealed:v1:no-key-separator",
                "sealed:v1:" + UUID.randomUUID() + ":Imitating Name", "sealed:v1:" + keyId + ":not-a-ciphertext");
        long last = 0;
        for (int i = 0; i < names.size(); i++) {
            last = storeRevision2(user, 4100 + i, names.get(i));
        }

        JsonNode trails = get("/api/learners/" + INSTITUTION + "/" + user + "/trails?minPosition=" + last).json();
        List<String> read = new ArrayList<>();
        trails.path("items").forEach(item -> read.add(item.path("userName").asString()));
        assertThat(read).containsExactly("Sealed Before", "Plain Before", "[unreadable]", "[erased]", "[unreadable]");

        assertThat(get("/api/institutions/" + INSTITUTION + "/completions").status()).isEqualTo(200);
        assertThat(get("/api/trails/4102/completions?institutionId=" + INSTITUTION).status()).isEqualTo(200);
        assertThat(get("/api/learners/" + INSTITUTION + "/" + user + "/trails?asOf=2030-01-01T00:00:00Z").status())
                .isEqualTo(200);
        Response history = get("/api/audit/learners/" + INSTITUTION + "/" + user + "/trails/4102/events",
                ADMIN_TOKEN);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().path("items").get(0).path("payload").path("userName").asString())
                .isEqualTo("[unreadable]");
        assertThat(get("/api/audit/events?after=" + (last - names.size()), ADMIN_TOKEN).status()).isEqualTo(200);
        Response export = get("/api/audit/export?type=TrailCompleted", ADMIN_TOKEN);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().lines().map(JSON::readTree).map(line -> line.path("globalPosition").asLong()))
                .as("the export goes on to its last event").contains(last);
        assertThat(export.body()).doesNotContain("Imitating Name");
    }

    /** A completion as the previous version stored it: revision 2, the name a string. */
    private long storeRevision2(long user, long trail, String name) {
        String aggregate = INSTITUTION + ":" + user + ":" + trail;
        String payload = JSON.writeValueAsString(JSON.createObjectNode()
                .put("institutionId", INSTITUTION).put("userId", user).put("userName", name)
                .put("userEmail", "learner@example.com").put("trailId", trail).put("trailName", "Trail " + trail)
                .put("finishedAt", "2023-01-01T10:00:00Z").put("completionNumber", 1)
                .set("courses", JSON.createArrayNode()))
                .replace("}", ",\"provenance\":{\"source\":\"toolzz\",\"senderEventId\":\"k" + trail
                        + "\",\"deliveryId\":\"d\",\"receivedAt\":\"2023-01-01T10:00:01Z\"}}");
        eventStoreTable().sql("""
                        INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                            metaData, payload, payloadRevision, payloadType, timeStamp)
                        VALUES (?, 0, 'Trail', ?, ?, ?, '2', ?, '2023-01-01T10:00:02Z')""")
                .params(aggregate, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                        payload.getBytes(StandardCharsets.UTF_8), TrailCompleted.class.getName())
                .update();
        return eventStoreTable().sql("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(aggregate).query(Long.class).single();
    }
}
