package io.progressledger.command.erasure;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.WebhookClient.Reply;
import io.progressledger.events.personal.PersonalData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A learner's right to erasure on the command side: the key that sealed their name and email is deleted, the raw
 * bodies of their deliveries are deleted, and the erasure itself is an event of the audit trail (who, when, why).
 * Progress facts stay; asking again erases nothing more and records nothing more.
 */
class LearnerErasureTest extends CommandSideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void erasure_deletes_the_key_and_the_bodies_and_is_recorded_with_who_when_and_why() throws IOException {
        long user = Payloads.uniqueId();
        String email = "learner-" + UUID.randomUUID() + "@example.com";
        String deliveryId = webhooks().toolzz(Payloads.toolzz(user, 555001, "2024-05-01 10:00:00", "Maria Erasable",
                email)).json().path("deliveryId").asString();
        String subject = PersonalData.learner(12345, user);
        assertThat(admin("GET", "/api/deliveries/" + deliveryId, null).text()).contains(email);
        assertThat(keysOf(subject)).isEqualTo(1);
        long eventsBefore = storedEvents();

        Reply erased = admin("POST", "/api/admin/learners/12345/" + user + "/erase",
                "{\"reason\": \"data subject request DSR-1\"}");

        assertThat(erased.status()).as(erased.text()).isEqualTo(200);
        JsonNode result = erased.json();
        assertThat(result.path("status").asString()).isEqualTo("erased");
        assertThat(result.path("keysDeleted").asInt()).isEqualTo(1);
        assertThat(result.path("deliveryBodiesDeleted").asInt()).isEqualTo(1);
        assertThat(result.path("eventsRedacted").asInt()).isZero();
        assertThat(result.path("event").path("type").asString()).isEqualTo("LearnerDataErased");
        assertThat(keysOf(subject)).isZero();
        assertThat(storedEvents()).as("the erasure is one more event; no event was removed").isEqualTo(eventsBefore + 1);
        JsonNode recorded = JSON.readTree(jdbc.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?")
                .param(result.path("event").path("globalPosition").asLong()).query(byte[].class).single());
        assertThat(recorded.path("requestedBy").asString()).isEqualTo("admin (auditor)");
        assertThat(recorded.path("reason").asString()).isEqualTo("data subject request DSR-1");
        assertThat(recorded.path("erasedAt").asString()).isNotBlank();

        JsonNode delivery = admin("GET", "/api/deliveries/" + deliveryId, null).json();
        assertThat(delivery.has("body")).isFalse();
        assertThat(delivery.path("bodyRemoved").path("reason").asString()).isEqualTo("erasure");
        assertThat(delivery.path("events")).hasSize(1);
        assertThat(admin("POST", "/api/deliveries/" + deliveryId + "/retry", null).status()).isEqualTo(409);

        JsonNode again = admin("POST", "/api/admin/learners/12345/" + user + "/erase", null).json();
        assertThat(again.path("status").asString()).isEqualTo("already-erased");
        assertThat(again.path("keysDeleted").asInt()).isZero();
        assertThat(again.path("event").isNull()).isTrue();
        assertThat(storedEvents()).as("idempotent: nothing more recorded").isEqualTo(eventsBefore + 1);
    }

    @Test
    void a_learner_with_many_deliveries_is_erased_in_bounded_batches() {
        long user = Payloads.uniqueId();
        int deliveries = 7;
        for (int i = 0; i < deliveries; i++) {
            assertThat(webhooks().toolzz(Payloads.toolzz(user, 556000 + i, "2024-05-01 10:00:00")).status())
                    .isEqualTo(200);
        }
        String series = "progress_delivery_log_batches_total{application=\"command-side\",work=\"erasure\"}";
        double batchesBefore = metric(series);

        JsonNode result = admin("POST", "/api/admin/learners/12345/" + user + "/erase", null).json();

        assertThat(result.path("deliveryBodiesDeleted").asInt()).isEqualTo(deliveries);
        assertThat(metric(series) - batchesBefore).as("at most %d bodies a transaction", BATCH_SIZE)
                .isGreaterThanOrEqualTo((deliveries + BATCH_SIZE - 1) / BATCH_SIZE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery d JOIN delivery_body b ON b.delivery_id = d.id "
                + "WHERE d.data_subject = ?").param(PersonalData.learner(12345, user)).query(Long.class).single())
                .isZero();
    }

    @Test
    void the_plain_email_is_never_written_to_the_database_file() throws IOException {
        long user = Payloads.uniqueId();
        String email = "never-plain-" + UUID.randomUUID() + "@example.com";
        String deliveryId = webhooks().toolzz(Payloads.toolzz(user, 555002, "2024-05-01 10:00:00", "Never Plain",
                email)).json().path("deliveryId").asString();

        // The database writes its file in the background: wait until this delivery is in it, then look for the email.
        await().atMost(Duration.ofSeconds(10)).until(() -> databaseFile().contains(deliveryId));
        assertThat(databaseFile()).doesNotContain(email, "Never Plain");
    }

    @Test
    void erasure_needs_the_admin_token_and_a_short_reason() {
        assertThat(webhooks().call("POST", "/api/admin/learners/1/2/erase", null, java.util.Map.of()).status())
                .isEqualTo(401);
        Reply tooLong = admin("POST", "/api/admin/learners/1/2/erase", "{\"reason\": \"" + "x".repeat(501) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
    }

    private long keysOf(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM personal_data_key WHERE subject = ?").param(subject).query(Long.class)
                .single();
    }

    private String databaseFile() throws IOException {
        return new String(Files.readAllBytes(DATA_DIR.resolve("events.mv.db")), StandardCharsets.ISO_8859_1);
    }
}
