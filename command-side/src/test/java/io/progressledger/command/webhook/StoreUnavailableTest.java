package io.progressledger.command.webhook;

import io.progressledger.command.Seeds;
import io.progressledger.command.WebhookClient;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sender whose delivery cannot be stored hears so at once and is told when to retry. The database here is a
 * PostgreSQL address where nothing listens: connections are refused, as when the database host is down.
 */
@Tag("application")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.username=ledger",
        "spring.flyway.enabled=false",
        "spring.datasource.hikari.initialization-fail-timeout=-1",
        "progress.webhook.phoenix.token=" + StoreUnavailableTest.TOKEN
})
class StoreUnavailableTest {

    static final String TOKEN = "unavailable-Gw7Pd2Xk9Mr4Ct1S";
    /** A port nothing listens on: the one a socket just released. */
    static final int CLOSED_PORT = closedPort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void unreachableDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + CLOSED_PORT + "/ledger");
    }

    @Test
    void an_unreachable_event_store_is_a_503_with_retry_after_within_five_seconds() {
        long started = System.nanoTime();

        Reply reply = new WebhookClient(port).phoenix(Seeds.read(Seeds.PHOENIX));

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.headers().get("retry-after")).containsExactly("5");
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/store-unavailable");
        assertThat(reply.json().path("deliveryId").asString()).isNotBlank();
        assertThat(reply.text()).doesNotContain("Exception", "postgresql", "127.0.0.1");
        assertThat(millis).as("answered in %d ms", millis).isLessThan(5_000);
    }

    @Test
    void the_node_is_alive_but_not_ready_so_the_load_balancer_sends_it_nothing() {
        WebhookClient client = new WebhookClient(port);

        Reply readiness = client.get("/actuator/health/readiness", Map.of());
        Reply liveness = client.get("/actuator/health/liveness", Map.of());

        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().path("status").asString()).isEqualTo("DOWN");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
