package io.progressledger.command.webhook;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.RawHttp;
import io.progressledger.command.WebhookClient;
import io.progressledger.command.WebhookClient.Reply;
import io.progressledger.events.personal.PersonalData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call that fails authentication costs almost nothing and stores almost nothing: metadata only (size, hash of the
 * body, headers without credentials, outcome), no body, nothing read from it, no key made; a client that keeps
 * failing is answered 429 and recorded no more. Each test calls from a loopback address of its own.
 */
class UnauthenticatedCallsTest extends CommandSideTest {

    @Test
    void a_call_refused_before_authentication_keeps_metadata_only_and_makes_no_key() throws Exception {
        long user = Payloads.uniqueId();
        String body = Payloads.toolzz(user, 31, "2022-03-10 18:56:47", "Someone Else", "someone@example.com");

        Reply reply = RawHttp.post("127.0.0.11", port, "/webhooks/toolzz", forged(), bytes(body));

        assertThat(reply.status()).isEqualTo(401);
        String id = reply.json().path("deliveryId").asString();
        Map<String, Object> row = jdbc.sql("""
                        SELECT authenticated, body_size, body_sha256, body_removed, data_subject, client_address
                        FROM delivery WHERE id = ?""").param(id).query().singleRow();
        assertThat(row.get("AUTHENTICATED")).isEqualTo(false);
        assertThat(row.get("BODY_SIZE")).isEqualTo(bytes(body).length);
        assertThat(row.get("BODY_SHA256")).isEqualTo(sha256(bytes(body)));
        assertThat(row.get("BODY_REMOVED")).isEqualTo("unauthenticated");
        assertThat(row.get("DATA_SUBJECT")).as("the body is not read for whose data it holds").isEqualTo("");
        assertThat(row.get("CLIENT_ADDRESS")).isEqualTo("127.0.0.11");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_body WHERE delivery_id = ?").param(id)
                .query(Long.class).single()).as("no body kept").isZero();
        assertThat(keysOf(user)).as("no key made for the learner the body names").isZero();
        JsonNode logged = admin("GET", "/api/deliveries/" + id, null).json();
        assertThat(logged.has("body")).isFalse();
        assertThat(logged.path("bodyRemoved").path("reason").asString()).isEqualTo("unauthenticated");
        assertThat(logged.path("bodySha256").asString()).isEqualTo(sha256(bytes(body)));
        assertThat(logged.path("headers").path("authorization").get(0).asString()).isEqualTo("[redacted]");
    }

    @Test
    void a_refused_call_naming_an_erased_learner_does_not_bring_their_key_back() {
        long user = Payloads.uniqueId();
        String body = Payloads.toolzz(user, 32, "2022-03-10 18:56:47");
        assertThat(webhooks().toolzz(body).status()).isEqualTo(200);
        assertThat(keysOf(user)).isEqualTo(1);
        assertThat(admin("POST", "/api/admin/learners/12345/" + user + "/erase", null).status()).isEqualTo(200);
        assertThat(keysOf(user)).isZero();

        Reply refused = RawHttp.post("127.0.0.12", port, "/webhooks/toolzz", forged(), bytes(body));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(keysOf(user)).isZero();
    }

    @Test
    void a_client_that_keeps_failing_authentication_is_answered_429_and_no_longer_recorded() {
        String from = "127.0.0.13";
        long recordedBefore = recordedFrom(from);
        int limit = 30;
        for (int i = 0; i < limit; i++) {
            assertThat(RawHttp.post(from, port, "/webhooks/phoenix", forged(), bytes("{}")).status()).isEqualTo(401);
        }

        Reply limited = RawHttp.post(from, port, "/webhooks/phoenix", forged(), bytes("{}"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().path("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(Long.parseLong(limited.headers().get("retry-after").get(0))).isPositive();
        assertThat(recordedFrom(from) - recordedBefore).as("the limited call is not recorded").isEqualTo(limit);
        assertThat(RawHttp.post("127.0.0.14", port, "/webhooks/phoenix", forged(), bytes("{}")).status())
                .as("another client is not limited").isEqualTo(401);
        Map<String, String> authenticated = new LinkedHashMap<>(WebhookClient.bearer(PHOENIX_TOKEN));
        authenticated.put("Content-Type", "application/json");
        Reply fromTheSameClient = RawHttp.post(from, port, "/webhooks/phoenix", authenticated,
                bytes(Payloads.phoenix(Payloads.newTalentId(), Payloads.uniqueId(), "NOT_STARTED",
                        "2023-07-09T14:59:53.085Z")));
        assertThat(fromTheSameClient.status()).as("an authenticated call is never limited").isEqualTo(200);
    }

    private static Map<String, String> forged() {
        return Map.of("Content-Type", "application/json", "Authorization", "Bearer not-the-token");
    }

    private long keysOf(long user) {
        return jdbc.sql("SELECT COUNT(*) FROM personal_data_key WHERE subject = ?")
                .param(PersonalData.learner(12345, user)).query(Long.class).single();
    }

    private long recordedFrom(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE client_address = ?").param(address)
                .query(Long.class).single();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }
}
