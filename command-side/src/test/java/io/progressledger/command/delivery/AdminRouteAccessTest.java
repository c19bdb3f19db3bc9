package io.progressledger.command.delivery;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.RawHttp;
import io.progressledger.command.WebhookClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's admin API (delivery log, re-processing, purges, erasure) needs the admin token however its path
 * is spelled: access follows the route Spring dispatches to. A path that could be read two ways is refused before
 * routing, whatever the credentials.
 */
class AdminRouteAccessTest extends CommandSideTest {

    /** Spellings Spring decodes to an admin route: a sender's token is refused; the admin's reaches the handler. */
    @ParameterizedTest
    @ValueSource(strings = {"/%61pi/deliveries", "/api/%64eliveries", "/api/deliveries/%70urges",
            "/api/deliveries/purges?x=%2F"})
    void every_spelling_of_a_delivery_log_read_needs_the_admin_token(String path) {
        WebhookClient.Reply sender = call("GET", path, PHOENIX_TOKEN);
        WebhookClient.Reply anonymous = call("GET", path, null);
        WebhookClient.Reply admin = call("GET", path, ADMIN_TOKEN);

        assertThat(sender.status()).as(path + " with a sender's token: " + sender.text()).isEqualTo(401);
        assertThat(anonymous.status()).as(path + " without a token").isEqualTo(401);
        assertThat(admin.status()).as(path + " with the admin token: " + admin.text()).isEqualTo(200);
    }

    /** Admin changes under other spellings: refused to a sender's token before anything is done. */
    @ParameterizedTest
    @CsvSource({"/api/%61dmin/learners/1/2/erase", "/%61pi/admin/learners/1/2/erase",
            "/api/deliveries/some-delivery/%72etry", "/api/deliveries/%70urge"})
    void every_spelling_of_an_admin_change_needs_the_admin_token(String path) {
        WebhookClient.Reply sender = call("POST", path, TOOLZZ_TOKEN);

        assertThat(sender.status()).as(path + " with a sender's token: " + sender.text()).isEqualTo(401);
        assertThat(sender.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api;x=1/deliveries", "/api/deliveries;x=1", "/api/%3Bdeliveries",
            "/api/x/../deliveries", "/api/%2e%2e/api/deliveries", "/api/%2E/deliveries", "/api/%2564eliveries",
            "//api/deliveries", "/webhooks;x=1/phoenix", "/api/deliveries%2Fpurges", "/api/deliveries%2fpurges",
            "/api/deliveries%5Cpurges", "/api/deliveries%5cpurges", "/webhooks/phoenix%2Fx"})
    void an_ambiguous_path_is_refused_before_routing(String path) {
        for (String method : new String[]{"GET", "POST"}) {
            WebhookClient.Reply answer = call(method, path, ADMIN_TOKEN);

            assertThat(answer.status()).as(method + " " + path + " answered " + answer.text()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("type").asString()).isEqualTo("/problems/ambiguous-uri");
            assertThat(answer.json().path("status").asInt()).isEqualTo(400);
        }
    }

    /** Paths Tomcat itself refuses before the application sees them: 400 problem+json all the same, nothing more. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/deliveries\\purges", "/api/deliveries%00"})
    void a_path_the_server_cannot_decode_safely_is_refused_before_the_application(String path) {
        WebhookClient.Reply answer = call("GET", path, ADMIN_TOKEN);

        assertThat(answer.status()).as(path + " answered " + answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).isEqualTo("/problems/bad-request");
        assertThat(answer.text()).doesNotContain("items");
    }

    private WebhookClient.Reply call(String method, String path, String token) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        return RawHttp.send(method, "127.0.0.1", port, path, headers, new byte[0]);
    }
}
