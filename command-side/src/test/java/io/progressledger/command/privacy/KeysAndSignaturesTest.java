package io.progressledger.command.privacy;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.WebhookClient.Reply;
import io.progressledger.events.audit.EventSignature;
import io.progressledger.events.keys.KeyRing;
import io.progressledger.events.personal.DataKeyWrapping;
import io.progressledger.events.personal.PersonalData;
import io.progressledger.events.personal.PersonalDataCipher;
import io.progressledger.events.personal.PersonalValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The keys the database must not hold: a learner's data key is stored wrapped with the configured key-encryption
 * key (and older unwrapped keys are rewrapped on request), and every appended event is signed with the configured
 * signing key, in the same transaction.
 */
class KeysAndSignaturesTest extends CommandSideTest {

    /** The test configuration's keys (src/test/resources/application.properties). */
    private static final KeyRing KEKS = KeyRing.of("keks", Map.of("test1",
            "9VQoGh3PtqvrZR6SX1MACv4pc6bqwnAy6jf7n+hXeCo="), "test1", Set.of(), false);
    private static final KeyRing SIGNING = KeyRing.of("signing", Map.of("test1",
            "ciesrhnFsvr5Oxw9rvikEDP0h8Jje47wrdka6CUn/WI="), "test1", Set.of(), false);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_learners_key_is_stored_wrapped_and_only_the_kek_opens_what_it_sealed() {
        long user = Payloads.uniqueId();
        Reply reply = webhooks().toolzz(Payloads.toolzz(user, 558001, "2024-05-01 10:00:00", "Wrapped Learner",
                "wrapped-" + user + "@example.com"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        String subject = PersonalData.learner(12345, user);
        Map<String, Object> row = jdbc.sql("SELECT key_id, kek_id, key_material FROM personal_data_key WHERE subject = ?")
                .param(subject).query().singleRow();
        byte[] stored = (byte[]) row.get("KEY_MATERIAL");
        PersonalValue.Sealed name = (PersonalValue.Sealed) JSON.treeToValue(storedPayload(reply).path("userName"),
                PersonalValue.class);

        assertThat(row.get("KEK_ID")).isEqualTo("test1");
        assertThat(stored).as("nonce + wrapped key + tag, not the key").hasSize(60);
        assertThatThrownBy(() -> PersonalDataCipher.open(java.util.Arrays.copyOf(stored, 32), subject, "userName",
                name)).isInstanceOf(IllegalArgumentException.class);
        byte[] key = new DataKeyWrapping(KEKS).unwrap(subject, (String) row.get("KEY_ID"), "test1", stored);
        assertThat(PersonalDataCipher.open(key, subject, "userName", name)).isEqualTo("Wrapped Learner");
        assertThatThrownBy(() -> new DataKeyWrapping(KEKS).unwrap(PersonalData.learner(12345, user + 1),
                (String) row.get("KEY_ID"), "test1", stored)).as("moved to another learner's row")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keys_stored_before_wrapping_are_rewrapped_on_request() {
        String keyId = UUID.randomUUID().toString();
        String subject = PersonalData.learner(12345, Payloads.uniqueId());
        byte[] clear = PersonalDataCipher.newKey();
        jdbc.sql("INSERT INTO personal_data_key (key_id, subject, key_material, created_at) VALUES (?, ?, ?, ?)")
                .params(keyId, subject, clear, OffsetDateTime.now(ZoneOffset.UTC)).update();

        Reply rewrap = admin("POST", "/api/admin/personal-data/rewrap", null);

        assertThat(rewrap.status()).as(rewrap.text()).isEqualTo(200);
        assertThat(rewrap.json().path("rewrapped").asInt()).isPositive();
        assertThat(rewrap.json().path("remaining").asInt()).isZero();
        Map<String, Object> row = jdbc.sql("SELECT kek_id, key_material FROM personal_data_key WHERE key_id = ?")
                .param(keyId).query().singleRow();
        assertThat(row.get("KEK_ID")).isEqualTo("test1");
        assertThat(new DataKeyWrapping(KEKS).unwrap(subject, keyId, "test1", (byte[]) row.get("KEY_MATERIAL")))
                .isEqualTo(clear);
    }

    @Test
    void every_appended_event_is_signed_with_the_configured_key() {
        long user = Payloads.uniqueId();
        Reply completion = webhooks().toolzz(Payloads.toolzz(user, 558002, "2024-05-01 10:00:00"));
        Reply talent = webhooks().phoenix(Payloads.phoenix(Payloads.newTalentId(), Payloads.uniqueId(),
                "NOT_STARTED", "2023-07-09T14:59:53.085Z"));
        Reply erasure = admin("POST", "/api/admin/learners/12345/" + user + "/erase", null);

        assertThat(signatureVerifies(completion.json().path("events").get(0).path("globalPosition").asLong())).isTrue();
        assertThat(signatureVerifies(talent.json().path("events").get(0).path("globalPosition").asLong())).isTrue();
        assertThat(signatureVerifies(erasure.json().path("event").path("globalPosition").asLong())).isTrue();
    }

    private boolean signatureVerifies(long position) {
        Map<String, Object> event = jdbc.sql("SELECT * FROM DomainEventEntry WHERE globalIndex = ?").param(position)
                .query().singleRow();
        Map<String, Object> signature = jdbc.sql("SELECT key_id, signature FROM event_signature WHERE global_index = ?")
                .param(position).query().singleRow();
        String content = EventSignature.content(position, (String) event.get("EVENTIDENTIFIER"),
                (String) event.get("TYPE"), (String) event.get("AGGREGATEIDENTIFIER"),
                ((Number) event.get("SEQUENCENUMBER")).longValue(), (String) event.get("PAYLOADTYPE"),
                (String) event.get("PAYLOADREVISION"), (String) event.get("TIMESTAMP"),
                EventSignature.sha256((byte[]) event.get("PAYLOAD")), (byte[]) event.get("METADATA"));
        return EventSignature.verifies(SIGNING, (String) signature.get("KEY_ID"), content,
                (String) signature.get("SIGNATURE"));
    }

    private JsonNode storedPayload(Reply reply) {
        return JSON.readTree(jdbc.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?")
                .param(reply.json().path("events").get(0).path("globalPosition").asLong()).query(byte[].class)
                .single());
    }
}
