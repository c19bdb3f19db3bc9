package io.progressledger.command.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of bad deliveries ({@code src/test/resources/deliveries/rejected}), read by the pipeline's pure front
 * (gate and adapters, no server, no database): each is refused with its status and a problem+json body naming the
 * field at fault, and nothing to apply. {@link RefusalsOverHttpTest} sends a few of them to the running application.
 */
class RejectedDeliveriesTest {

    /** As the application writes problems: their extra properties at the top level. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    static Stream<RejectedDeliveryCase> corpus() throws IOException {
        return RejectedDeliveryCase.corpus();
    }

    @Test
    void the_corpus_covers_at_least_forty_bad_deliveries() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void a_bad_delivery_is_refused_precisely_and_nothing_is_applied(RejectedDeliveryCase delivery) {
        Reader.Read read = Readers.read(delivery.source(), delivery.headers(), delivery.body());

        assertThat(read).as("refused before anything is applied").isInstanceOf(Reader.Answered.class);
        Answer answer = Readers.answer(read);
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(delivery.status());
        assertThat(answer.body()).isInstanceOf(ProblemDetail.class);
        JsonNode problem = JSON.valueToTree(answer.body());
        assertThat(problem.path("type").asString()).isEqualTo("/problems/" + delivery.problem());
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(delivery.status());
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("deliveryId").asString()).isEqualTo("test-delivery");
        assertThat(problem.path("errors").isArray()).isTrue();
        if (delivery.pointer() != null) {
            List<String> pointers = problem.path("errors").valueStream().map(e -> e.path("pointer").asString())
                    .toList();
            assertThat(pointers).as(problem.toString()).contains(delivery.pointer());
        }
        String text = problem.toString();
        assertThat(text).doesNotContain("Exception", "io.progressledger", "tools.jackson", "java.",
                "org.springframework", "\tat ");
        assertThat(text).as("personal data is never echoed, not even a part").doesNotContainIgnoringCase("aluno");
        if (delivery.status() == 401) {
            assertThat(answer.headers().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer");
        }
    }
}
