package io.progressledger.command.delivery;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.WebhookClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors and operators read the delivery log and re-process deliveries, with the admin token only. */
class DeliveryLogApiTest extends CommandSideTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void the_delivery_log_needs_the_admin_token() throws Exception {
        assertThat(get("/api/deliveries", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/deliveries", PHOENIX_TOKEN).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = get("/api/deliveries", "not-the-admin-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("content-type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(wrong.body());
        assertThat(problem.path("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("detail").asString()).isEqualTo("the admin token does not match");
        assertThat(problem.path("errors").isArray()).isTrue();
        assertThat(get("/api/deliveries", ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void one_delivery_shows_what_arrived_without_its_credentials_and_links_to_its_events() throws Exception {
        String body = Payloads.phoenix(Payloads.newTalentId(), Payloads.uniqueId(), "NOT_STARTED",
                "2023-07-09T14:59:53.085Z");
        JsonNode accepted = webhooks().phoenix(body).json();

        JsonNode delivery = json(get("/api/deliveries/" + accepted.path("deliveryId").asString(), ADMIN_TOKEN));

        assertThat(delivery.path("source").asString()).isEqualTo("phoenix");
        assertThat(delivery.path("outcome").asString()).isEqualTo("accepted");
        assertThat(delivery.path("statusCode").asInt()).isEqualTo(200);
        assertThat(delivery.path("body").asString()).isEqualTo(body);
        assertThat(delivery.path("bodyEncoding").asString()).isEqualTo("utf-8");
        assertThat(delivery.path("headers").path("authorization").get(0).asString()).isEqualTo("[redacted]");
        assertThat(delivery.toString()).doesNotContain(PHOENIX_TOKEN);
        assertThat(delivery.path("events")).isEqualTo(accepted.path("events"));
        assertThat(delivery.path("eventType").asString()).isEqualTo("TalentBlockUnlockedEvent");
        assertThat(delivery.path("durationMicros").asLong()).isPositive();
    }

    @Test
    void the_log_lists_newest_first_filters_and_pages() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            webhooks().postJson("toolzz", "{", WebhookClient.bearer(TOOLZZ_TOKEN));
        }
        String url = "/api/deliveries?source=toolzz&outcome=rejected&limit=2&from=" + from;

        JsonNode first = json(get(url, ADMIN_TOKEN));
        JsonNode second = json(get(url + "&cursor=" + first.path("nextCursor").asString(), ADMIN_TOKEN));

        List<JsonNode> items = new ArrayList<>();
        first.path("items").forEach(items::add);
        second.path("items").forEach(items::add);
        assertThat(first.path("items").size()).isEqualTo(2);
        assertThat(items).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(item -> {
                    assertThat(item.path("source").asString()).isEqualTo("toolzz");
                    assertThat(item.path("outcome").asString()).isEqualTo("rejected");
                    assertThat(item.has("body")).isFalse();
                });
        assertThat(items).extracting(item -> Instant.parse(item.path("receivedAt").asString()))
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(json(get("/api/deliveries?outcome=maybe", ADMIN_TOKEN)).path("status").asInt()).isEqualTo(400);
    }

    @Test
    void a_retry_is_a_new_delivery_linked_to_the_original_and_never_a_second_event() throws Exception {
        String talent = Payloads.newTalentId();
        JsonNode accepted = webhooks().phoenix(Payloads.phoenix(talent, Payloads.uniqueId(), "NOT_STARTED",
                "2023-07-09T14:59:53.085Z")).json();
        String original = accepted.path("deliveryId").asString();

        HttpResponse<String> response = post("/api/deliveries/" + original + "/retry", ADMIN_TOKEN,
                Map.of("X-Actor", "auditor@example.org"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode retry = json(response);
        assertThat(retry.path("retryOf").asString()).isEqualTo(original);
        assertThat(retry.path("reply").path("status").asString()).isEqualTo("duplicate");
        JsonNode logged = json(get("/api/deliveries/" + retry.path("deliveryId").asString(), ADMIN_TOKEN));
        assertThat(logged.path("retryOf").asString()).isEqualTo(original);
        assertThat(logged.path("requestedBy").asString()).isEqualTo("admin (auditor@example.org)");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?").param("talent:" + talent)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_rejected_delivery_is_re_processed_and_its_new_outcome_recorded() throws Exception {
        String invalid = Payloads.toolzz(Payloads.uniqueId(), 3, "2022-02-30 10:00:00");
        String original = webhooks().postJson("toolzz", invalid, WebhookClient.bearer(TOOLZZ_TOKEN)).json()
                .path("deliveryId").asString();

        JsonNode retry = json(post("/api/deliveries/" + original + "/retry", ADMIN_TOKEN, Map.of()));

        assertThat(retry.path("statusCode").asInt()).isEqualTo(422);
        assertThat(retry.path("reply").path("type").asString()).isEqualTo("/problems/invalid-payload");
        assertThat(json(get("/api/deliveries/" + retry.path("deliveryId").asString(), ADMIN_TOKEN))
                .path("outcome").asString()).isEqualTo("rejected");
    }

    @Test
    void an_unauthenticated_delivery_cannot_be_re_processed() throws Exception {
        String original = webhooks().postJson("toolzz", "{}", Map.of()).json().path("deliveryId").asString();

        HttpResponse<String> refused = post("/api/deliveries/" + original + "/retry", ADMIN_TOKEN, Map.of());
        HttpResponse<String> unknown = post("/api/deliveries/no-such-delivery/retry", ADMIN_TOKEN, Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("type").asString()).isEqualTo("/problems/not-retryable");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
