package io.progressledger.command;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.progressledger.edge.ClientAborts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that hangs up halfway through its body is a client abort, not an incident: counted in
 * {@value ClientAborts#METRIC}, nothing logged at ERROR (no incident, no stack trace), whichever route it called.
 */
class ClientAbortsTest extends CommandSideTest {

    @Autowired
    private MeterRegistry metrics;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    @Test
    void a_webhook_call_whose_sender_hangs_up_mid_body_is_a_client_abort_not_an_incident() throws IOException {
        double before = aborts();

        sendHalfAndHangUp("127.0.11.1", "/webhooks/toolzz", Map.of("Content-Type", "application/json"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> aborts() >= before + 1);
        assertThat(errors()).as("no incident, nothing at ERROR").isEmpty();
    }

    @Test
    void an_admin_call_whose_client_hangs_up_mid_body_is_a_client_abort_not_an_incident() throws IOException {
        double before = aborts();

        sendHalfAndHangUp("127.0.11.2", "/api/admin/learners/12345/" + Payloads.uniqueId() + "/erase",
                Map.of("Authorization", "Bearer " + ADMIN_TOKEN, "X-Actor", "auditor",
                        "Content-Type", "application/json"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> aborts() >= before + 1);
        assertThat(errors()).as("no incident, nothing at ERROR").isEmpty();
    }

    private double aborts() {
        return metrics.get(ClientAborts.METRIC).counter().count();
    }

    private List<String> errors() {
        return captured.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
    }

    /** Headers and half of a 2,000-byte body, then the connection closed: the client is gone mid-body. */
    private void sendHalfAndHangUp(String from, String path, Map<String, String> headers) throws IOException {
        byte[] body = ("{\"reason\":\"" + "x".repeat(1_980) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Length: " + body.length + "\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, body.length / 2);
            out.flush();
        }
    }
}
