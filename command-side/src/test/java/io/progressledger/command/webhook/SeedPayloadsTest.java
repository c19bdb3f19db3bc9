package io.progressledger.command.webhook;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Seeds;
import io.progressledger.command.WebhookClient.Reply;
import io.progressledger.events.Provenance;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.personal.PersonalDataCipher;
import io.progressledger.events.trail.TrailCompleted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each sender's own example, posted over real HTTP, becomes exactly the expected event in the event store. */
class SeedPayloadsTest extends CommandSideTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.progressledger.events.personal.DataKeyWrapping wrapping;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void the_phoenix_example_becomes_one_talent_block_unlocked() {
        long before = storedEvents();

        Reply reply = webhooks().phoenix(Seeds.read(Seeds.PHOENIX));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("status").asString()).isEqualTo("accepted");
        String deliveryId = body.path("deliveryId").asString();
        JsonNode event = body.path("events").get(0);
        assertThat(body.path("events").size()).isEqualTo(1);
        assertThat(event.path("type").asString()).isEqualTo("TalentBlockUnlocked");
        assertThat(event.path("aggregateId").asString()).isEqualTo("talent:9c40bc21-5269-46d8-9b8d-c8c7f85c6499");
        assertThat(event.path("sequenceNumber").asLong()).isZero();
        long position = event.path("globalPosition").asLong();

        assertThat(storedEvents()).isEqualTo(before + 1);
        TalentBlockUnlocked stored = storedPayload(position, TalentBlockUnlocked.class);
        assertThat(stored).isEqualTo(new TalentBlockUnlocked(
                "9c40bc21-5269-46d8-9b8d-c8c7f85c6499",
                "c8c7f85c6499-5269-46d8-9b8d-9c40bc21",
                "eb7ef94b-9da8-4650-a9c0-0682101dc703",
                "5c9c487f-bdd9-4f3a-8549-a26a8a486c4f",
                "dceea9b7-5740-4f33-b080-a54c27223107",
                "dd28e0a9-8729-4347-962b-3a6c376898af",
                1, BlockStatus.NOT_STARTED, List.of(),
                Instant.parse("2023-07-09T14:59:53.072Z"),
                Instant.parse("2023-07-09T14:59:53.085Z"),
                new Provenance("phoenix", "6098395", deliveryId, receivedAt(deliveryId))));
        assertThat(storedMetadata(position).path("deliveryId").asString()).isEqualTo(deliveryId);
    }

    @Test
    void the_toolzz_example_becomes_one_trail_completed_in_sao_paulo_time() {
        long before = storedEvents();

        Reply reply = webhooks().toolzz(Seeds.read(Seeds.TOOLZZ));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("status").asString()).isEqualTo("accepted");
        String deliveryId = body.path("deliveryId").asString();
        JsonNode event = body.path("events").get(0);
        assertThat(event.path("type").asString()).isEqualTo("TrailCompleted");
        assertThat(event.path("aggregateId").asString()).isEqualTo("trail:12345:123456798:987654");
        assertThat(event.path("sequenceNumber").asLong()).isZero();

        assertThat(storedEvents()).isEqualTo(before + 1);
        TrailCompleted stored = storedPayload(event.path("globalPosition").asLong(), TrailCompleted.class);
        assertThat(stored.userName()).isInstanceOf(PersonalValue.Sealed.class);
        assertThat(stored.userEmail()).isInstanceOf(PersonalValue.Sealed.class);
        assertThat(opened(stored)).isEqualTo(new TrailCompleted(12345, 123456798, new PersonalValue.Plain("Aluno"),
                new PersonalValue.Plain("aluno@toolzz.com"), 987654,
                "Nome da trilha", Instant.parse("2022-03-10T21:56:47Z"), 1,
                List.of(new Course(123456, "Nome do curso")),
                new Provenance("toolzz", "12345:123456798:987654@2022-03-10 18:56:47", deliveryId,
                        receivedAt(deliveryId))));
    }

    /** The event with its personal data opened with the learner's key, read (wrapped) from the key table. */
    private TrailCompleted opened(TrailCompleted stored) {
        byte[] key = jdbc.sql("SELECT key_id, kek_id, key_material FROM personal_data_key WHERE subject = ?")
                .param(stored.dataSubject())
                .query((rs, n) -> wrapping.unwrap(stored.dataSubject(), rs.getString("key_id"), rs.getString("kek_id"),
                        rs.getBytes("key_material")))
                .single();
        return stored.withPersonalData((field, sealed) -> new PersonalValue.Plain(PersonalDataCipher.open(key,
                stored.dataSubject(), field, (PersonalValue.Sealed) sealed)));
    }

    private <T> T storedPayload(long globalPosition, Class<T> type) {
        String payloadType = jdbc.sql("SELECT payloadType FROM DomainEventEntry WHERE globalIndex = ?")
                .param(globalPosition).query(String.class).single();
        assertThat(payloadType).isEqualTo(type.getName());
        byte[] payload = jdbc.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?")
                .param(globalPosition).query(byte[].class).single();
        return JSON.readValue(payload, type);
    }

    private JsonNode storedMetadata(long globalPosition) {
        byte[] metadata = jdbc.sql("SELECT metaData FROM DomainEventEntry WHERE globalIndex = ?")
                .param(globalPosition).query(byte[].class).single();
        return JSON.readTree(metadata);
    }

    private Instant receivedAt(String deliveryId) {
        return jdbc.sql("SELECT received_at FROM delivery WHERE id = ?").param(deliveryId)
                .query(OffsetDateTime.class).single().toInstant();
    }
}
