package io.progressledger.query.projection;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A query node is ready while its store answers and every view's processor runs; a view that stops makes the node
 * unready and shows as growing lag, which operators alert on.
 */
class ReadinessAndLagTest extends QuerySideTest {

    @Autowired
    ProjectionProcessors processors;

    @Test
    void a_node_with_every_view_running_is_ready_and_caught_up_views_show_no_lag() {
        long position = complete();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(lagEvents(FlakyProjection.NAME)).isZero());
        assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).json().path("status").asString()).isEqualTo("UP");
        assertThat(get("/api/projections/" + FlakyProjection.NAME).json().path("position").asLong())
                .isGreaterThanOrEqualTo(position);
    }

    @Test
    void a_stopped_view_makes_the_node_unready_and_its_lag_grows() {
        var flaky = processors.active(FlakyProjection.NAME).orElseThrow().processor();
        flaky.shutDown();
        try {
            complete();
            complete();

            assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(503);
            assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
            assertThat(lagEvents(FlakyProjection.NAME)).isGreaterThanOrEqualTo(2);
        } finally {
            flaky.start();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(lagEvents(FlakyProjection.NAME)).isZero();
        });
    }

    private double lagEvents(String projection) {
        return metric("progress_projection_lag_events{application=\"query-side\",projection=\"" + projection + "\"}")
                .orElseThrow();
    }

    private long complete() {
        long user = uniqueId();
        return append("Trail", new LearnerTrailId(1, user, FlakyProjection.TRAIL).asString(),
                new TrailCompleted(1, user, new PersonalValue.Plain("Aluno"), new PersonalValue.Plain("aluno@toolzz.com"), FlakyProjection.TRAIL, "fine",
                        Instant.parse("2022-03-10T21:56:47Z"), 1, List.of(new Course(1, "C")), provenance("toolzz")));
    }
}
