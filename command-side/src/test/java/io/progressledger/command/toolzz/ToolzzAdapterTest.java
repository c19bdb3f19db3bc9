package io.progressledger.command.toolzz;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.command.Payloads;
import io.progressledger.command.Seeds;
import io.progressledger.command.trail.CompleteTrail;
import io.progressledger.command.webhook.Interpretation;
import io.progressledger.command.webhook.Receipt;
import io.progressledger.command.webhook.StrictJson;
import io.progressledger.events.Provenance;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Toolzz's webhook, translated without a server: what each body becomes. */
class ToolzzAdapterTest {

    private static final Receipt RECEIPT = new Receipt("delivery-1", "toolzz", Instant.parse("2024-01-01T00:00:00Z"));

    private final ToolzzAdapter adapter = new ToolzzAdapter(new ToolzzProperties(ZoneId.of("America/Sao_Paulo")));

    @Test
    void the_toolzz_example_becomes_a_trail_completion_in_sao_paulo_time() {
        Interpretation interpretation = adapter.interpret(parse(Seeds.read(Seeds.TOOLZZ)), RECEIPT);

        String naturalKey = "12345:123456798:987654@2022-03-10 18:56:47";
        assertThat(interpretation).isEqualTo(new Interpretation.Command("activities.trail.completed",
                new CompleteTrail(new LearnerTrailId(12345, 123456798, 987654),
                        new PersonalValue.Plain("Aluno"), new PersonalValue.Plain("aluno@toolzz.com"),
                        "Nome da trilha", Instant.parse("2022-03-10T21:56:47Z"),
                        List.of(new Course(123456, "Nome do curso")),
                        new Provenance("toolzz", naturalKey, "delivery-1", RECEIPT.receivedAt())),
                "trail:12345:123456798:987654", naturalKey, "trail-completed:" + naturalKey));
    }

    @Test
    void a_ping_is_acknowledged_whichever_shape_it_takes() {
        assertThat(adapter.interpret(parse("{\"event\": \"PING\"}"), RECEIPT)).isInstanceOf(Interpretation.Ping.class);
        assertThat(adapter.interpret(parse("{\"event\": {\"slug\": \"ping\"}}"), RECEIPT))
                .isInstanceOf(Interpretation.Ping.class);
    }

    @Test
    void another_slug_is_kept_for_later() {
        assertThat(adapter.interpret(parse(Payloads.toolzzEvent("course.enrollment.created")), RECEIPT))
                .isEqualTo(new Interpretation.Unsupported("course.enrollment.created", null));
    }

    @Test
    void the_learner_is_the_data_subject_even_of_a_body_that_is_refused() {
        String refused = Seeds.read(Seeds.TOOLZZ).replaceFirst("\"id\": 12345\\b", "\"id\": \"12345\"");

        assertThat(adapter.interpret(parse(refused), RECEIPT)).isInstanceOf(Interpretation.Invalid.class);
        assertThat(adapter.dataSubject(parse(refused))).contains("learner:12345:123456798");
    }

    static JsonNode parse(String body) {
        return StrictJson.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
