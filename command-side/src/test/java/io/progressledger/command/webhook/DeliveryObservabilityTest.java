package io.progressledger.command.webhook;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.WebhookClient;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators see every delivery: counted by source, outcome and reason for Prometheus, and one log line each. */
class DeliveryObservabilityTest extends CommandSideTest {

    @Test
    void deliveries_are_counted_by_source_outcome_and_reason() {
        String accepted = "progress_deliveries_total{application=\"command-side\",outcome=\"accepted\",reason=\"recorded\",source=\"toolzz\"}";
        String duplicate = "progress_deliveries_total{application=\"command-side\",outcome=\"duplicate\",reason=\"repeat\",source=\"toolzz\"}";
        String malformed = "progress_deliveries_total{application=\"command-side\",outcome=\"rejected\",reason=\"malformed-json\",source=\"toolzz\"}";
        String before = scrape();

        String body = Payloads.toolzz(Payloads.uniqueId(), 987654, "2022-03-10 18:56:47");
        Map<String, String> headers = WebhookClient.signed(TOOLZZ_SECRET, "msg_" + Payloads.uniqueId(), body,
                Instant.now());
        webhooks().postJson("toolzz", body, headers);
        webhooks().postJson("toolzz", body, headers);
        webhooks().toolzz("{\"event\": ");

        String after = scrape();
        assertThat(sample(after, accepted) - sample(before, accepted)).isEqualTo(1);
        assertThat(sample(after, duplicate) - sample(before, duplicate)).isEqualTo(1);
        assertThat(sample(after, malformed) - sample(before, malformed)).isEqualTo(1);
    }

    @Test
    void command_latency_and_event_store_appends_are_measured() {
        webhooks().phoenix(Payloads.phoenix(Payloads.newTalentId(), Payloads.uniqueId(), "NOT_STARTED",
                "2023-07-09T14:59:53.085Z"));

        String metrics = scrape();

        assertThat(sample(metrics, "progress_commands_seconds_count{application=\"command-side\","
                + "command=\"UnlockTalentBlock\",result=\"RECORDED\"}")).isPositive();
        assertThat(sample(metrics, "progress_deliveries_duration_seconds_count{application=\"command-side\","
                + "outcome=\"accepted\",source=\"phoenix\"}")).isPositive();
        // Axon's own monitor on the event store: appends, from publication to the commit that stores them.
        assertThat(sample(metrics, "eventStore_allTimer_seconds_count{application=\"command-side\","
                + "payloadType=\"TalentBlockUnlocked\"}")).isPositive();
    }

    @Test
    void each_delivery_is_one_log_line_with_its_id_source_outcome_and_latency_and_no_personal_data() {
        Logger logger = (Logger) LoggerFactory.getLogger(DeliveryRecorder.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(captured);
        Reply reply;
        try {
            reply = webhooks().toolzz(Payloads.toolzz(Payloads.uniqueId(), 987654, "2022-03-10 18:56:47"));
        } finally {
            logger.detachAppender(captured);
            logger.setLevel(level);
        }

        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).singleElement().asString()
                .contains("delivery " + reply.json().path("deliveryId").asString(), "source=toolzz",
                        "outcome=accepted", "status=200")
                .containsPattern("latencyMicros=\\d+")
                .doesNotContain("aluno@toolzz.com", "Aluno");
    }

    private String scrape() {
        Reply reply = webhooks().get("/actuator/prometheus", WebhookClient.bearer(ADMIN_TOKEN));
        assertThat(reply.status()).isEqualTo(200);
        return reply.text();
    }

    /** A sample's value in the Prometheus text format; 0 when the series does not exist yet. */
    private static double sample(String scrape, String series) {
        Matcher value = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
