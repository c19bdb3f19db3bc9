package io.progressledger.command.webhook;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.delivery.DeliveryLog;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad deliveries from the corpus, one for each step that can refuse a call (size, encoding, credentials, media type,
 * JSON, the sender's contract), sent to the running application: each is answered with its status and a
 * problem+json body naming the delivery, records no event, and is in the delivery log. The whole corpus is read
 * without a server by {@link RejectedDeliveriesTest}.
 */
class RefusalsOverHttpTest extends CommandSideTest {

    /** One case per refusing step, and one whose body names a learner (stored sealed). */
    private static final java.util.Set<String> OVER_HTTP = java.util.Set.of("01-phoenix-empty-body.http",
            "03-phoenix-truncated-json.http", "06-phoenix-not-utf8.http", "07-phoenix-text-plain.http",
            "11-phoenix-oversize.http", "23-phoenix-unknown-status.http", "38-phoenix-talent-block-of-another-talent.http",
            "43-phoenix-wrong-token.http", "49-toolzz-email-malformed.http", "62-toolzz-signature-wrong-secret.http");

    @Autowired
    DeliveryLog deliveryLog;

    static Stream<RejectedDeliveryCase> corpus() throws IOException {
        return RejectedDeliveryCase.corpus().filter(delivery -> OVER_HTTP.contains(delivery.name()));
    }

    @Test
    void every_case_chosen_is_in_the_corpus() throws IOException {
        assertThat(corpus().count()).isEqualTo(OVER_HTTP.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void a_bad_delivery_is_refused_precisely_recorded_and_changes_nothing(RejectedDeliveryCase delivery) {
        long eventsBefore = storedEvents();

        Reply reply = webhooks().post(delivery.source(), delivery.body(), delivery.headers());

        assertThat(reply.status()).as(reply.text()).isEqualTo(delivery.status());
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asString()).isEqualTo("/problems/" + delivery.problem());
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(delivery.status());
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("errors").isArray()).isTrue();
        if (delivery.pointer() != null) {
            List<String> pointers = new ArrayList<>();
            problem.path("errors").forEach(error -> pointers.add(error.path("pointer").asString()));
            assertThat(pointers).as(reply.text()).contains(delivery.pointer());
        }
        assertThat(reply.text()).doesNotContain("Exception", "io.progressledger", "tools.jackson", "java.",
                "org.springframework", "\tat ");
        assertThat(reply.text()).as("personal data is never echoed, not even a part").doesNotContainIgnoringCase("aluno");
        if (delivery.status() == 401) {
            assertThat(reply.headers()).containsKey("www-authenticate");
        }

        assertThat(storedEvents()).isEqualTo(eventsBefore);
        String deliveryId = problem.path("deliveryId").asString();
        Map<String, Object> logged = jdbc.sql("""
                        SELECT d.outcome, d.status_code, d.data_subject, d.authenticated, b.body FROM delivery d
                        LEFT JOIN delivery_body b ON b.delivery_id = d.id WHERE d.id = ?""")
                .param(deliveryId).query().singleRow();
        assertThat(logged.get("OUTCOME")).isEqualTo("REJECTED");
        assertThat(logged.get("STATUS_CODE")).isEqualTo(delivery.status());
        if (Boolean.FALSE.equals(logged.get("AUTHENTICATED"))) {
            assertThat(delivery.status()).as("only a call refused before authentication").isIn(400, 401, 413);
            assertThat(logged.get("BODY")).as("a call refused before authentication keeps metadata only").isNull();
            assertThat(logged.get("DATA_SUBJECT")).isEqualTo("");
        } else {
            assertThat(deliveryLog.find(deliveryId).orElseThrow().body()).isEqualTo(delivery.body());
        }
        if (!"".equals(logged.get("DATA_SUBJECT"))) {
            assertThat(new String((byte[]) logged.get("BODY"), StandardCharsets.ISO_8859_1))
                    .as("a body naming its learner is stored sealed").doesNotContain("aluno@toolzz.com");
        }
    }
}
