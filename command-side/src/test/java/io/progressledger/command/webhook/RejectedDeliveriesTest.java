package io.progressledger.command.webhook;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.delivery.DeliveryLog;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of bad deliveries ({@code src/test/resources/deliveries/rejected}): each is answered with its status
 * and a problem+json body naming the delivery, records no event, and is kept, byte for byte, in the delivery log.
 */
class RejectedDeliveriesTest extends CommandSideTest {

    @Autowired
    DeliveryLog deliveryLog;

    static Stream<RejectedDeliveryCase> corpus() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath:deliveries/rejected/*.http");
        return Arrays.stream(files)
                .map(Resource::getFilename)
                .sorted(Comparator.naturalOrder())
                .map(name -> RejectedDeliveryCase.load("deliveries/rejected/" + name));
    }

    @Test
    void the_corpus_covers_at_least_forty_bad_deliveries() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
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
                        SELECT d.outcome, d.status_code, d.data_subject, b.body FROM delivery d
                        JOIN delivery_body b ON b.delivery_id = d.id WHERE d.id = ?""")
                .param(deliveryId).query().singleRow();
        assertThat(logged.get("OUTCOME")).isEqualTo("REJECTED");
        assertThat(logged.get("STATUS_CODE")).isEqualTo(delivery.status());
        if (delivery.status() != 413) {
            assertThat(deliveryLog.find(deliveryId).orElseThrow().body()).isEqualTo(delivery.body());
        }
        if (!"".equals(logged.get("DATA_SUBJECT"))) {
            assertThat(new String((byte[]) logged.get("BODY"), StandardCharsets.ISO_8859_1))
                    .as("a body naming its learner is stored sealed").doesNotContain("aluno@toolzz.com");
        }
    }
}
