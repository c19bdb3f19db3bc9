package io.progressledger.query.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.progressledger.edge.ClientAborts;
import io.progressledger.query.QuerySideTest;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that hangs up halfway through its body is a client abort, not an incident: counted in
 * {@value ClientAborts#METRIC}, nothing logged at ERROR (no incident, no stack trace).
 */
class ClientAbortsTest extends QuerySideTest {

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
    void an_admin_call_whose_client_hangs_up_mid_body_is_a_client_abort_not_an_incident() throws IOException {
        double before = aborts();
        byte[] body = ("{\"name\":\"" + "x".repeat(1_980) + "\"}").getBytes(StandardCharsets.UTF_8);

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/admin/tokens HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer "
                    + ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, body.length / 2);
            out.flush();
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> aborts() >= before + 1);
        List<String> errors = captured.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
        assertThat(errors).as("no incident, nothing at ERROR").isEmpty();
    }

    private double aborts() {
        return metrics.get(ClientAborts.METRIC).counter().count();
    }
}
