package io.progressledger.command.webhook;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.RawHttp;
import io.progressledger.command.WebhookClient;
import io.progressledger.command.WebhookClient.Reply;
import io.progressledger.command.webhook.SlowClient.Signed;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that sends its body slowly (slowloris: headers at once, then a byte every 300 ms) is answered 408 once the
 * request's deadline (1 s here) has passed, its connection closed, the refusal in the delivery log as metadata only;
 * and a few such clients more than the server has threads (8 here) do not keep an honest sender waiting. Each client
 * calls from a loopback address of its own.
 */
@TestPropertySource(properties = {
        "progress.ingestion.body-read-deadline=1s",
        "server.tomcat.threads.max=8",
        "server.tomcat.threads.min-spare=2"
})
class SlowClientsTest extends CommandSideTest {

        @Test
    void a_body_sent_a_byte_at_a_time_is_refused_408_after_the_deadline_and_recorded_as_metadata() throws Exception {
        byte[] body = signedToolzz().body();
        long started = System.nanoTime();
        try (SlowClient slow = SlowClient.start("127.0.9.1", port, signedToolzz())) {

            Reply reply = slow.reply();

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(reply.status()).isEqualTo(408);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.headers().get("connection")).containsExactly("close");
            JsonNode problem = reply.json();
            assertThat(problem.path("type").asString()).isEqualTo("/problems/request-timeout");
            assertThat(problem.path("status").asInt()).isEqualTo(408);
            assertThat(took).as("answered after the deadline, not after the whole body")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(20));
            assertThat(slow.sent()).as("the body was not sent whole").isLessThan(body.length);

            String id = problem.path("deliveryId").asString();
            Map<String, Object> row = jdbc.sql("""
                            SELECT authenticated, status_code, body_size, body_removed, client_address
                            FROM delivery WHERE id = ?""").param(id).query().singleRow();
            assertThat(row.get("AUTHENTICATED")).isEqualTo(false);
            assertThat(row.get("STATUS_CODE")).isEqualTo(408);
            assertThat(row.get("BODY_REMOVED")).isEqualTo("unauthenticated");
            assertThat(row.get("CLIENT_ADDRESS")).isEqualTo("127.0.9.1");
            assertThat((Integer) row.get("BODY_SIZE")).as("what arrived before the deadline")
                    .isLessThanOrEqualTo(slow.sent());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_body WHERE delivery_id = ?").param(id)
                    .query(Long.class).single()).as("no body kept").isZero();
            JsonNode logged = admin("GET", "/api/deliveries/" + id, null).json();
            assertThat(logged.has("body")).isFalse();
            assertThat(logged.path("headers").path("webhook-signature").get(0).asString()).isEqualTo("[redacted]");
        }
    }

    @Test
    void a_client_that_stops_sending_its_body_is_answered_408_once_a_read_has_waited_the_deadline() throws Exception {
        Signed request = signedToolzz();
        long started = System.nanoTime();
        try (SlowClient stalled = SlowClient.start("127.0.9.3", port, "/webhooks/toolzz", request.headers(),
                request.body(), 10)) {

            Reply reply = stalled.reply();

            assertThat(reply.status()).isEqualTo(408);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().path("type").asString()).isEqualTo("/problems/request-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            String id = reply.json().path("deliveryId").asString();
            assertThat(jdbc.sql("SELECT status_code FROM delivery WHERE id = ?").param(id).query(Integer.class)
                    .single()).isEqualTo(408);
        }
    }

    @Test
    void every_route_has_the_deadline_an_admin_call_sent_slowly_is_answered_408_too() throws Exception {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + ADMIN_TOKEN, "X-Actor", "auditor",
                "Content-Type", "application/json");
        byte[] body = "{\"reason\":\"a request the learner made by letter, sent very slowly\"}"
                .getBytes(StandardCharsets.UTF_8);
        try (SlowClient slow = SlowClient.start("127.0.9.4", port, "/api/admin/learners/12345/"
                + Payloads.uniqueId() + "/erase", headers, body, body.length)) {

            Reply reply = slow.reply();

            assertThat(reply.status()).isEqualTo(408);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().path("type").asString()).isEqualTo("/problems/request-timeout");
            assertThat(slow.sent()).isLessThan(body.length);
        }
    }

    @Test
    void an_honest_delivery_is_answered_promptly_while_more_slow_clients_are_connected_than_there_are_threads()
            throws Exception {
        List<SlowClient> slowClients = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                slowClients.add(SlowClient.start("127.0.9." + (10 + i), port, signedToolzz()));
            }
            // The honest delivery goes out once slow clients hold every request thread (which thread the server
            // gives a connection first is its own choice).
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> requestThreads().getActiveCount() == requestThreads().getMaximumPoolSize());
            Signed honest = signedToolzz();
            long started = System.nanoTime();

            Reply reply = CompletableFuture.supplyAsync(() -> RawHttp.post("127.0.9.2", port, "/webhooks/toolzz",
                    honest.headers(), honest.body())).get(15, TimeUnit.SECONDS);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("status").asString()).isEqualTo("accepted");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            for (SlowClient slow : slowClients) {
                assertThat(slow.reply().status()).as("every slow client cut off").isEqualTo(408);
            }
        } finally {
            slowClients.forEach(SlowClient::close);
        }
    }

    @Autowired
    private ServletWebServerApplicationContext server;

    private ThreadPoolExecutor requestThreads() {
        return (ThreadPoolExecutor) ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector()
                .getProtocolHandler().getExecutor();
    }

    static Signed signedToolzz() {
        String body = Payloads.toolzz(Payloads.uniqueId(), 41, "2022-03-10 18:56:47");
        Map<String, String> headers = new LinkedHashMap<>(WebhookClient.signed(TOOLZZ_SECRET,
                UUID.randomUUID().toString(), body, Instant.now()));
        headers.put("Content-Type", "application/json");
        return new Signed(headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
