package io.progressledger.query.api;

import io.progressledger.query.QuerySideTest;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side bounds slow request bodies as the command side does ({@code progress.requests.body-read-deadline},
 * 1 s here): a client that stops sending its body, or sends it a byte every 300 ms, is answered 408 problem+json once
 * the deadline has passed and its connection closed; one without a valid token is answered 401 at once and its
 * connection closed, the rest of its body not waited for; and more slow clients than the server has threads (8 here)
 * do not keep an honest request from being answered.
 */
@TestPropertySource(properties = {
        "progress.requests.body-read-deadline=1s",
        "server.tomcat.threads.max=8",
        "server.tomcat.threads.min-spare=2"
})
class SlowClientsTest extends QuerySideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] TOKEN_REQUEST = "{\"name\":\"a token asked for very, very slowly\"}"
            .getBytes(StandardCharsets.UTF_8);

    /** This class's settings make a context of its own: it gets a database of its own too (see QuerySideTest). */
    private static final Path DATA_DIR_OF_ITS_OWN = Path.of("target", "test-data", "slow-clients-" + UUID.randomUUID());

    @Autowired
    private ServletWebServerApplicationContext server;

    @DynamicPropertySource
    static void dataDirOfItsOwn(DynamicPropertyRegistry registry) {
        registry.add(OWN_DATA_DIR, () -> "./" + DATA_DIR_OF_ITS_OWN);
    }

    @Test
    void this_context_does_not_share_the_shared_contexts_database() {
        assertThat(server.getEnvironment().getProperty("progress.data-dir")).isEqualTo("./" + DATA_DIR_OF_ITS_OWN);
        assertThat(server.getEnvironment().getProperty("progress.event-store.url"))
                .startsWith("jdbc:h2:file:./" + DATA_DIR_OF_ITS_OWN + "/");
    }

    @Test
    void a_client_that_stops_sending_its_body_is_answered_408_once_a_read_has_waited_the_deadline() throws Exception {
        long started = System.nanoTime();
        try (SlowClient stalled = SlowClient.start(port, "/api/admin/tokens", ADMIN_TOKEN, TOKEN_REQUEST, 10)) {

            Reply reply = stalled.reply();

            assertThat(reply.status()).isEqualTo(408);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.connectionClosed()).isTrue();
            JsonNode problem = reply.json();
            assertThat(problem.path("type").asString()).isEqualTo("/problems/request-timeout");
            assertThat(problem.path("status").asInt()).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a thread held at most twice the deadline")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(10));
            assertThat(stalled.sent()).isLessThan(TOKEN_REQUEST.length);
        }
    }

    @Test
    void a_body_sent_a_byte_at_a_time_is_answered_408_after_the_deadline_not_after_the_whole_body() throws Exception {
        long started = System.nanoTime();
        try (SlowClient slow = SlowClient.start(port, "/api/admin/tokens", ADMIN_TOKEN, TOKEN_REQUEST,
                TOKEN_REQUEST.length)) {

            Reply reply = slow.reply();

            assertThat(reply.status()).isEqualTo(408);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().path("type").asString()).isEqualTo("/problems/request-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(10));
            assertThat(slow.sent()).as("the body was not sent whole").isLessThan(TOKEN_REQUEST.length);
        }
    }

    @Test
    void a_slow_body_without_a_token_is_refused_401_at_once_and_its_connection_closed_not_read_to_the_end()
            throws Exception {
        long started = System.nanoTime();
        try (SlowClient slow = SlowClient.start(port, "/api/admin/tokens", null, TOKEN_REQUEST,
                TOKEN_REQUEST.length)) {

            Reply reply = slow.reply();

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().path("type").asString()).isEqualTo("/problems/unauthenticated");
            // Sending the whole body takes 15 s at this pace: the connection was closed long before.
            assertThat(took).as("the connection closed without waiting for the body").isLessThan(Duration.ofSeconds(5));
            assertThat(slow.sent()).isLessThan(TOKEN_REQUEST.length);
        }
    }

    @Test
    void a_keep_alive_client_refused_before_its_body_was_read_is_told_the_connection_closes() throws Exception {
        // A whole body, sent at once, by a client that means to reuse the connection: refused 401 before its body is
        // read, the connection is closed, and the answer must say so, or the client's next request on it is lost.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            String head = "POST /api/admin/tokens HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + TOKEN_REQUEST.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(TOKEN_REQUEST);
            out.flush();

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 401");
            assertThat(answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT))
                    .contains("\r\nconnection: close");
        }
    }

    @Test
    void an_honest_request_is_answered_while_more_slow_clients_are_connected_than_there_are_threads()
            throws Exception {
        List<SlowClient> slowClients = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                slowClients.add(SlowClient.start(port, "/api/admin/tokens", ADMIN_TOKEN, TOKEN_REQUEST,
                        TOKEN_REQUEST.length));
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> requestThreads().getActiveCount() == requestThreads().getMaximumPoolSize());

            Reply honest = CompletableFuture.supplyAsync(() -> send(ADMIN_TOKEN,
                    "{\"name\":\"an honest token\"}".getBytes(StandardCharsets.UTF_8))).get(15, TimeUnit.SECONDS);

            assertThat(honest.status()).isEqualTo(201);
            assertThat(honest.json().path("name").asString()).isEqualTo("an honest token");
            for (SlowClient slow : slowClients) {
                assertThat(slow.reply().status()).as("every slow client cut off").isEqualTo(408);
            }
        } finally {
            slowClients.forEach(SlowClient::close);
        }
    }

    private ThreadPoolExecutor requestThreads() {
        return (ThreadPoolExecutor) ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector()
                .getProtocolHandler().getExecutor();
    }

    /** A whole request at once. */
    private Reply send(String token, byte[] body) {
        try (SlowClient client = SlowClient.start(port, "/api/admin/tokens", token, body, 0)) {
            client.socket.getOutputStream().write(body);
            client.socket.getOutputStream().flush();
            return client.reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer read off the wire until the server closed the connection. */
    record Reply(int status, String contentType, boolean connectionClosed, byte[] body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /**
     * Sends a request's headers at once, then the first {@code bytes} bytes of its body one per 300 ms on a thread of
     * its own, then nothing more. Its pacing is the client's behaviour, not a wait on the server.
     */
    static final class SlowClient implements AutoCloseable {

        private final Socket socket;
        private final Thread writer;
        private final AtomicInteger sent = new AtomicInteger();

        private SlowClient(Socket socket, byte[] body) {
            this.socket = socket;
            this.writer = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        sent.incrementAndGet();
                        Thread.sleep(300);
                    }
                } catch (IOException | InterruptedException closed) {
                    // The server closed the connection, or the test is done: the client stops.
                }
            }, "slow-client");
            writer.setDaemon(true);
            writer.start();
        }

        static SlowClient start(int port, String path, String token, byte[] body, int bytes) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            // Connection: close, so that an answer is read whole once the server closes the connection.
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close"
                    + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + body.length + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new SlowClient(socket, Arrays.copyOf(body, bytes));
        }

        Reply reply() {
            try {
                byte[] all = socket.getInputStream().readAllBytes();
                String text = new String(all, StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                String[] lines = text.substring(0, end).split("\r\n");
                String type = null;
                boolean close = false;
                boolean chunked = false;
                for (String line : lines) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-type:")) {
                        type = line.substring(line.indexOf(':') + 1).strip();
                    }
                    close |= lower.startsWith("connection:") && lower.contains("close");
                    chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
                }
                byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
                return new Reply(Integer.parseInt(lines[0].split(" ")[1]), type, close,
                        chunked ? dechunk(body) : body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String text = new String(chunked, StandardCharsets.ISO_8859_1);
            int at = 0;
            while (true) {
                int lineEnd = text.indexOf("\r\n", at);
                int size = Integer.parseInt(text.substring(at, lineEnd).strip(), 16);
                if (size == 0) {
                    return out.toByteArray();
                }
                out.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }

        int sent() {
            return sent.get();
        }

        @Override
        public void close() {
            writer.interrupt();
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
