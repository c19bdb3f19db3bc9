package io.progressledger.command.eventstore;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a load balancer and an operator ask a node: is it alive, is it ready, which build it runs. */
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
        JsonNode info = webhooks().get("/actuator/info", Map.of()).json();

        assertThat(info.path("build").path("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.path("build").path("artifact").asString()).isEqualTo("command-side");
        assertThat(info.path("git").path("commit").path("id").asString()).matches("[0-9a-f]{7,40}");
    }
}
