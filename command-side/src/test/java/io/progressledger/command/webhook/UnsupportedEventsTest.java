package io.progressledger.command.webhook;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.Seeds;
import io.progressledger.command.WebhookClient;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events the ledger does not record are not errors: a ping is acknowledged, other event types are accepted for
 * later (202 ignored) and kept in the delivery log for re-processing.
 */
class UnsupportedEventsTest extends CommandSideTest {

    @Test
    void a_toolzz_ping_is_acknowledged_with_200() {
        String ping = "{\"event\": {\"name\": \"PING\", \"slug\": \"PING\", \"send_at\": \"2024-01-01 10:00:00\"}}";

        Reply reply = webhooks().toolzz(ping);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asString()).isEqualTo("ignored");
        assertThat(outcomeOf(reply.json().path("deliveryId").asString())).isEqualTo("IGNORED");
    }

    @Test
    void another_toolzz_slug_is_kept_but_not_recorded() {
        long events = storedEvents();

        Reply reply = webhooks().toolzz(Payloads.toolzzEvent("course.enrollment.created"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().path("status").asString()).isEqualTo("ignored");
        assertThat(reply.json().path("reason").asString()).contains("course.enrollment.created");
        assertThat(storedEvents()).isEqualTo(events);
        String id = reply.json().path("deliveryId").asString();
        assertThat(outcomeOf(id)).isEqualTo("IGNORED");
        assertThat(jdbc.sql("SELECT event_type FROM delivery WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("course.enrollment.created");
    }

    @Test
    void another_phoenix_event_name_is_kept_but_not_recorded() {
        String body = Seeds.read(Seeds.PHOENIX).replace("\"TalentBlockUnlockedEvent\"",
                "\"TalentPhaseCompletedEvent\"");

        Reply reply = webhooks().phoenix(body);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().path("status").asString()).isEqualTo("ignored");
    }

    @Test
    void an_unknown_source_is_not_found() {
        Reply reply = webhooks().postJson("moodle", "{}", Map.of());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/not-found");
        assertThat(reply.json().path("errors").isArray()).isTrue();
    }

    @Test
    void a_streamed_body_over_the_limit_is_refused_without_a_content_length() throws Exception {
        byte[] big = ("{\"padding\": \"" + "x".repeat(400 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/toolzz"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOOLZZ_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void a_signature_made_with_a_previous_secret_still_verifies_during_rotation() {
        String body = Payloads.toolzz(Payloads.uniqueId(), 5, "2022-03-10 18:56:47");

        Reply reply = webhooks().postJson("toolzz", body,
                WebhookClient.signed(TOOLZZ_OLD_SECRET, "msg_rotation", body, Instant.now()));

        assertThat(reply.status()).isEqualTo(200);
    }

    private String outcomeOf(String deliveryId) {
        return jdbc.sql("SELECT outcome FROM delivery WHERE id = ?").param(deliveryId).query(String.class).single();
    }
}
