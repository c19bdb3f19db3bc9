package io.progressledger.command;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths no route serves, as browsers and scanners send them without credentials: 404 problem+json, no file served
 * (one is placed at static/ on the test classpath), and nothing logged at WARN or above, so that they cannot fill the
 * log.
 */
class UnknownPathsTest extends CommandSideTest {

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

    @ParameterizedTest
    @ValueSource(strings = {"/favicon.ico", "/wp-login.php", "/lookup-probe.txt"})
    void an_unknown_path_is_not_found_quietly(String path) {
        Reply reply = RawHttp.send("GET", "127.0.0.1", port, path, Map.of(), new byte[0]);

        assertThat(reply.status()).as(reply.text()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/not-found");
        assertThat(captured.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList())
                .as("nothing logged at WARN or above").isEmpty();
    }
}
