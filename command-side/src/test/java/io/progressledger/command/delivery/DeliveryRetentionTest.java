package io.progressledger.command.delivery;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.WebhookClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw bodies are kept for {@code progress.delivery-log.retention} (90 days here), then deleted for real; the
 * delivery's metadata and its events stay, and each purge is recorded.
 */
class DeliveryRetentionTest extends CommandSideTest {

    @Test
    void bodies_past_retention_are_deleted_and_the_purge_is_recorded() {
        String old = accepted(Payloads.uniqueId());
        String recent = accepted(Payloads.uniqueId());
        // A delivery received 91 days ago: its row is aged, as the calendar would have.
        jdbc.sql("UPDATE delivery SET received_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofDays(91)), old).update();
        long events = storedEvents();

        JsonNode purge = admin("POST", "/api/deliveries/purge", null).json();

        assertThat(purge.path("bodiesDeleted").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(purge.path("requestedBy").asString()).isEqualTo("admin (auditor)");
        assertThat(bodyRows(old)).as("the row is deleted, not flagged").isZero();
        JsonNode purged = admin("GET", "/api/deliveries/" + old, null).json();
        assertThat(purged.has("body")).isFalse();
        assertThat(purged.path("bodyRemoved").path("reason").asString()).isEqualTo("retention");
        assertThat(purged.path("outcome").asString()).as("the metadata stays").isEqualTo("accepted");
        assertThat(purged.path("events")).hasSize(1);
        assertThat(storedEvents()).as("the events stay").isEqualTo(events);
        assertThat(bodyRows(recent)).isEqualTo(1);
        assertThat(admin("GET", "/api/deliveries/" + recent, null).json().path("body").asString()).contains("trail");

        JsonNode purges = admin("GET", "/api/deliveries/purges", null).json();
        assertThat(purges.path("retention").asString()).isEqualTo("PT2160H");
        assertThat(purges.path("items").get(0).path("id").asString()).isEqualTo(purge.path("id").asString());
    }

    @Test
    void a_backlog_is_purged_in_bounded_batches_each_its_own_transaction_and_readiness_stays_up() {
        List<String> backlog = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            backlog.add(accepted(Payloads.uniqueId()));
        }
        for (String id : backlog) {
            jdbc.sql("UPDATE delivery SET received_at = ? WHERE id = ?")
                    .params(OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofDays(100)), id).update();
        }
        double batchesBefore = metric("progress_delivery_log_batches_total{application=\"command-side\",work=\"purge\"}");

        JsonNode purge = admin("POST", "/api/deliveries/purge", null).json();

        int deleted = purge.path("bodiesDeleted").asInt();
        int batches = purge.path("batches").asInt();
        assertThat(deleted).isGreaterThanOrEqualTo(backlog.size());
        assertThat(batches).as("at most %d bodies a transaction", BATCH_SIZE)
                .isGreaterThanOrEqualTo((deleted + BATCH_SIZE - 1) / BATCH_SIZE);
        assertThat(metric("progress_delivery_log_batches_total{application=\"command-side\",work=\"purge\"}")
                - batchesBefore).isEqualTo(batches);
        assertThat(backlog).allSatisfy(id -> assertThat(bodyRows(id)).isZero());
        assertThat(admin("GET", "/api/deliveries/" + backlog.get(0), null).json().path("bodyRemoved").path("reason")
                .asString()).isEqualTo("retention");
        assertThat(admin("GET", "/api/deliveries/purges", null).json().path("items").get(0).path("batches").asInt())
                .isEqualTo(batches);
        WebhookClient.Reply readiness = webhooks().get("/actuator/health/readiness", Map.of());
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
    }

    private String accepted(long user) {
        JsonNode reply = webhooks().toolzz(Payloads.toolzz(user, 777001, "2024-01-01 08:00:00")).json();
        assertThat(reply.path("status").asString()).isEqualTo("accepted");
        return reply.path("deliveryId").asString();
    }

    private long bodyRows(String deliveryId) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery_body WHERE delivery_id = ?").param(deliveryId)
                .query(Long.class).single();
    }
}
