package io.progressledger.command.webhook;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.RawHttp;
import io.progressledger.command.WebhookClient;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long and odd inputs, sent to the running application: each is answered with a precise 4xx naming what is wrong,
 * is in the delivery log, and nothing of it is stored cut (none of these used to be: they answered 500, or took
 * seconds of CPU).
 */
class BoundedInputsTest extends CommandSideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void an_email_of_64000_characters_is_refused_by_its_length_before_any_format_check() {
        ObjectNode body = toolzz();
        ((ObjectNode) body.path("data").path("user")).put("email", "a".repeat(64_000 - 11) + "@toolzz.com");

        Reply reply = webhooks().toolzz(body.toString());

        assertRefused(reply, 422, "/problems/invalid-payload");
        assertThat(reply.json().path("errors")).hasSize(1);
        assertThat(reply.json().path("errors").get(0).path("pointer").asString()).isEqualTo("/data/user/email");
        assertThat(reply.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be at most 320 characters, not 64000");
    }

    @Test
    void an_event_name_longer_than_the_log_keeps_is_refused_not_stored_cut() {
        ObjectNode body = phoenix();
        String name = "TalentPhaseCompletedEvent" + "x".repeat(300);
        body.put("eventName", name);
        ((ObjectNode) body.path("eventData")).put("name", name);

        Reply reply = webhooks().phoenix(body.toString());

        assertRefused(reply, 422, "/problems/invalid-payload");
        assertThat(pointers(reply)).containsExactly("/eventName", "/eventData/name");
        assertThat(loggedEventType(reply)).isNull();
    }

    @Test
    void a_slug_longer_than_the_log_keeps_is_refused_not_stored_cut() {
        ObjectNode body = toolzz();
        ((ObjectNode) body.path("event")).put("slug", "activities." + "x".repeat(300));

        Reply reply = webhooks().toolzz(body.toString());

        assertRefused(reply, 422, "/problems/invalid-payload");
        assertThat(pointers(reply)).containsExactly("/event/slug");
        assertThat(loggedEventType(reply)).isNull();
    }

    @Test
    void phoenix_ids_longer_than_the_stores_keep_are_refused() {
        ObjectNode body = phoenix();
        String id = "t".repeat(256);
        body.put("talentId", id);
        ObjectNode payload = (ObjectNode) body.path("eventData").path("payload");
        ((ObjectNode) payload.path("talent")).put("id", id);
        ((ObjectNode) payload.path("talentBlock")).put("talentId", id);

        Reply reply = webhooks().phoenix(body.toString());

        assertRefused(reply, 422, "/problems/invalid-payload");
        assertThat(pointers(reply)).containsExactlyInAnyOrder("/talentId", "/eventData/payload/talent/id",
                "/eventData/payload/talentBlock/talentId");
    }

    @Test
    void ids_holding_cr_lf_or_nul_are_refused() {
        for (String odd : List.of("block\r\nid", "block\nid", "block\u0000id")) {
            ObjectNode body = phoenix();
            ((ObjectNode) body.path("eventData").path("payload").path("talentBlock")).put("id", odd);

            Reply reply = webhooks().phoenix(body.toString());

            assertRefused(reply, 422, "/problems/invalid-payload");
            assertThat(pointers(reply)).containsExactly("/eventData/payload/talentBlock/id");
        }
    }

    @Test
    void a_webhook_id_longer_than_255_characters_is_refused_naming_the_header() {
        String body = Payloads.phoenix(Payloads.newTalentId(), Payloads.uniqueId(), "NOT_STARTED",
                "2023-07-09T14:59:53.085Z");
        Map<String, String> headers = new LinkedHashMap<>(WebhookClient.bearer(PHOENIX_TOKEN));
        headers.put("webhook-id", "msg_" + "x".repeat(600));

        Reply reply = webhooks().postJson("phoenix", body, headers);

        assertRefused(reply, 400, "/problems/invalid-header");
        JsonNode error = reply.json().path("errors").get(0);
        assertThat(error.path("header").asString()).isEqualTo("webhook-id");
        assertThat(error.path("message").asString()).isEqualTo("must be at most 255 characters, not 604");
    }

    @Test
    void a_phoenix_envelope_contradicting_itself_is_refused_whatever_event_it_names() {
        ObjectNode body = phoenix();
        body.put("eventName", "TalentPhaseCompletedEvent");

        Reply reply = webhooks().phoenix(body.toString());

        assertRefused(reply, 422, "/problems/inconsistent-identifiers");
        assertThat(pointers(reply)).containsExactly("/eventData/name");
    }

    @Test
    void an_x_actor_longer_than_kept_is_refused_and_nothing_is_done() {
        long purges = jdbc.sql("SELECT COUNT(*) FROM delivery_purge").query(Long.class).single();

        Reply reply = webhooks().call("POST", "/api/deliveries/purge", null, Map.of("Authorization",
                "Bearer " + ADMIN_TOKEN, "X-Actor", "a".repeat(300)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/invalid-header");
        assertThat(reply.json().path("errors").get(0).path("header").asString()).isEqualTo("X-Actor");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_purge").query(Long.class).single()).isEqualTo(purges);
    }

    @Test
    void a_delivery_keeps_no_credential_whatever_its_header_is_called() {
        String body = Payloads.phoenix(Payloads.newTalentId(), Payloads.uniqueId(), "NOT_STARTED",
                "2023-07-09T14:59:53.085Z");
        Map<String, String> headers = new LinkedHashMap<>(WebhookClient.bearer(PHOENIX_TOKEN));
        headers.put("Content-Type", "application/json");
        Map<String, String> secrets = Map.of("X-Hub-Signature-256", "sha256=abc", "Stripe-Signature", "t=1,v1=abc",
                "X-Auth-Token", "abc", "X-Api-Key", "abc", "Cookie", "session=abc", "X-Session-Id", "abc",
                "Proxy-Authorization", "Basic abc", "X-Amz-Security-Token", "abc", "X-CSRF-Token", "abc");
        headers.putAll(secrets);
        headers.put("X-Request-Id", "kept-as-sent");

        Reply reply = RawHttp.post("127.0.0.21", port, "/webhooks/phoenix", headers,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode logged = admin("GET", "/api/deliveries/" + reply.json().path("deliveryId").asString(), null)
                .json().path("headers");
        secrets.keySet().forEach(name -> assertThat(logged.path(name.toLowerCase()).get(0).asString()).as(name)
                .isEqualTo("[redacted]"));
        assertThat(logged.path("x-request-id").get(0).asString()).isEqualTo("kept-as-sent");
        assertThat(logged.toString()).doesNotContain("abc");
    }

    private void assertRefused(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo(type);
        String id = reply.json().path("deliveryId").asString();
        Map<String, Object> logged = jdbc.sql("SELECT outcome, status_code FROM delivery WHERE id = ?").param(id)
                .query().singleRow();
        assertThat(logged.get("OUTCOME")).as("in the delivery log").isEqualTo("REJECTED");
        assertThat(logged.get("STATUS_CODE")).isEqualTo(status);
    }

    private String loggedEventType(Reply reply) {
        return jdbc.sql("SELECT event_type FROM delivery WHERE id = ?").param(reply.json().path("deliveryId")
                .asString()).query(String.class).optional().orElse(null);
    }

    private static List<String> pointers(Reply reply) {
        return reply.json().path("errors").valueStream().map(e -> e.path("pointer").asString()).toList();
    }

    private static ObjectNode phoenix() {
        return (ObjectNode) JSON.readTree(Payloads.phoenix(Payloads.newTalentId(), Payloads.uniqueId(), "NOT_STARTED",
                "2023-07-09T14:59:53.085Z"));
    }

    private static ObjectNode toolzz() {
        return (ObjectNode) JSON.readTree(Payloads.toolzz(Payloads.uniqueId(), 77, "2022-03-10 18:56:47"));
    }

}
