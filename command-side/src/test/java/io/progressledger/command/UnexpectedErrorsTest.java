package io.progressledger.command;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin call that fails unexpectedly answers 500 with an incident id; the log holds that id and the exception's
 * types, never a value of the row the exception quotes.
 */
class UnexpectedErrorsTest extends CommandSideTest {

    private static final String ROW_VALUE = "MariaSecretName";

    @Test
    void an_unreadable_row_answers_500_with_an_incident_and_its_values_stay_out_of_the_log() {
        String deliveryId = webhooks().toolzz(Payloads.toolzz(Payloads.uniqueId(), 778001, "2024-01-01 08:00:00"))
                .json().path("deliveryId").asString();
        // A row that no longer parses, and whose parser quotes it.
        jdbc.sql("UPDATE delivery SET headers = ? WHERE id = ?").params("{\"h\": " + ROW_VALUE + "}", deliveryId)
                .update();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        Reply reply;
        try {
            reply = admin("GET", "/api/deliveries/" + deliveryId, null);
        } finally {
            root.detachAppender(captured);
        }

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        String incident = problem.path("incident").asString();
        assertThat(incident).isNotBlank();
        assertThat(problem.path("detail").asString()).contains(incident);
        assertThat(reply.text()).doesNotContain(ROW_VALUE);
        List<String> logged = captured.list.stream().map(UnexpectedErrorsTest::everything).toList();
        assertThat(logged).noneMatch(line -> line.contains(ROW_VALUE));
        assertThat(logged).anyMatch(line -> line.contains("incident " + incident)
                && line.contains("/api/deliveries/{id}") && line.contains("Exception"));
    }

    /** A log event as it would be written: its message and every message and type of its exception chain. */
    private static String everything(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
            text.append('\n').append(proxy.getClassName()).append(": ").append(proxy.getMessage());
        }
        return text.toString();
    }
}
