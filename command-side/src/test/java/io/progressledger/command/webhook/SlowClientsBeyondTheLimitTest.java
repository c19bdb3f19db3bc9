package io.progressledger.command.webhook;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.RawHttp;
import io.progressledger.command.WebhookClient.Reply;
import io.progressledger.command.webhook.SlowClient.Signed;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow senders hold at most {@code progress.ingestion.max-body-readers} request threads (2 here): one more is answered
 * 503 overloaded at once, long before the deadline (10 s here), nothing recorded and its connection closed; an honest
 * delivery, whose body comes with its headers, is accepted meanwhile.
 */
@TestPropertySource(properties = {
        "progress.ingestion.body-read-deadline=10s",
        "progress.ingestion.max-body-readers=2",
        "server.tomcat.threads.max=8",
        "server.tomcat.threads.min-spare=2"
})
class SlowClientsBeyondTheLimitTest extends CommandSideTest {

    @Test
    void a_slow_client_beyond_the_readers_bound_is_answered_503_at_once_and_an_honest_delivery_is_accepted()
            throws Exception {
        List<SlowClient> readers = new ArrayList<>();
        try {
            readers.add(SlowClient.start("127.0.9.31", port, SlowClientsTest.signedToolzz()));
            readers.add(SlowClient.start("127.0.9.32", port, SlowClientsTest.signedToolzz()));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                    metric("progress_deliveries_body_readers{application=\"command-side\"}") == 2);
            long started = System.nanoTime();

            try (SlowClient beyond = SlowClient.start("127.0.9.33", port, SlowClientsTest.signedToolzz())) {
                Reply reply = beyond.reply();

                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.json().path("type").asString()).isEqualTo("/problems/overloaded");
                assertThat(reply.headers()).containsKey("retry-after");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused, not cut by the deadline")
                        .isLessThan(Duration.ofSeconds(8));
                String id = reply.json().path("deliveryId").asString();
                assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE id = ?").param(id).query(Long.class)
                        .single()).as("shed, not recorded").isZero();
            }

            Reply honest = inOneWrite("127.0.9.34", SlowClientsTest.signedToolzz());
            assertThat(honest.status()).isEqualTo(200);
            assertThat(honest.json().path("status").asString()).isEqualTo("accepted");
        } finally {
            readers.forEach(SlowClient::close);
        }
    }

    /** Headers and body in one write, as a sender whose body is small sends them. */
    private Reply inOneWrite(String from, Signed request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST /webhooks/toolzz HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\nContent-Length: " + request.body().length + "\r\n");
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            whole.write(request.body());
            OutputStream out = socket.getOutputStream();
            out.write(whole.toByteArray());
            out.flush();
            return RawHttp.reply(socket.getInputStream());
        }
    }
}
