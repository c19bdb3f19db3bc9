package io.progressledger.command.eventstore;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.RawHttp;
import io.progressledger.command.WebhookClient;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a load balancer and an operator ask a node: is it alive, is it ready (open to anyone), which build it runs and
 * its metrics (the admin token only: they tell the build, the load and the traffic).
 */
class OperationsEndpointsTest extends CommandSideTest {

    @Test
    void a_node_whose_event_store_answers_is_alive_and_ready() {
        Reply readiness = webhooks().get("/actuator/health/readiness", Map.of());

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(webhooks().get("/actuator/health/liveness", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void info_names_the_version_and_the_commit() {
        JsonNode info = webhooks().get("/actuator/info", WebhookClient.bearer(ADMIN_TOKEN)).json();

        assertThat(info.path("build").path("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.path("build").path("artifact").asString()).isEqualTo("command-side");
        assertThat(info.path("git").path("commit").path("id").asString()).matches("[0-9a-f]{7,40}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/info", "/actuator", "/actuator/prometheus/",
            "/actuator//info", "/actuator/%69nfo", "/actuator/./prometheus"})
    void metrics_and_build_information_need_the_admin_token(String path) {
        for (Map<String, String> credentials : List.of(Map.<String, String>of(), WebhookClient.bearer(PHOENIX_TOKEN),
                WebhookClient.bearer("not-" + ADMIN_TOKEN))) {
            Reply reply = RawHttp.send("GET", "127.0.0.1", port, path, credentials, new byte[0]);
            assertThat(reply.status()).as(path + " with " + credentials.keySet()).isIn(400, 401, 404);
            assertThat(reply.text()).doesNotContain("jvm_", "\"git\"");
        }
        assertThat(webhooks().get("/actuator/prometheus", WebhookClient.bearer(ADMIN_TOKEN)).text()).contains("jvm_");
    }
}
