package io.progressledger.query.projection;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a view cannot apply does not stop the view: it is retried, then parked with the later events of the same
 * aggregate (to keep their order), shown to operators, and re-processed once the cause is fixed. Nothing of a failed
 * attempt stays in the view.
 */
class DeadLettersTest extends QuerySideTest {

    @Autowired
    FlakyProjection flaky;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_poisoned_event_is_parked_with_its_followers_and_re_processed_after_a_fix() {
        long poisoned = uniqueId();
        long healthy = uniqueId();
        complete(poisoned, "poison");
        complete(poisoned, "after the poison");
        long last = complete(healthy, "fine");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode status = get("/api/projections/" + FlakyProjection.NAME).json();
            assertThat(status.path("position").asLong()).isGreaterThanOrEqualTo(last);
            assertThat(status.path("parked").asLong()).isEqualTo(2);
        });
        assertThat(flaky.applied).containsExactly(healthy + ":fine");
        assertThat(parkedMetric()).as("the gauge operators alert on").isEqualTo(2);
        assertThat(rowsOf(poisoned)).as("the failed attempts left nothing behind").isZero();

        JsonNode letters = get("/api/admin/projections/" + FlakyProjection.NAME + "/dead-letters", ADMIN_TOKEN).json();
        assertThat(letters.path("items")).hasSize(2);
        assertThat(letters.path("items").get(0).path("cause").asString()).contains("cannot apply a poisoned completion");
        assertThat(letters.path("items").get(0).path("globalPosition").asLong()).isPositive();
        assertThat(get("/api/admin/projections/" + FlakyProjection.NAME + "/dead-letters", API_TOKEN).status())
                .isEqualTo(401);

        flaky.healed = true;
        JsonNode retried = post("/api/admin/projections/" + FlakyProjection.NAME + "/dead-letters/retry", ADMIN_TOKEN)
                .json();

        assertThat(retried.path("parkedBefore").asLong()).isEqualTo(2);
        assertThat(retried.path("parkedAfter").asLong()).isZero();
        assertThat(flaky.applied).containsExactly(healthy + ":fine", poisoned + ":poison",
                poisoned + ":after the poison");
        assertThat(rowsOf(poisoned)).isEqualTo(2);
        assertThat(parkedMetric()).isZero();
    }

    private double parkedMetric() {
        return metric("progress_projection_parked{application=\"query-side\",projection=\"" + FlakyProjection.NAME
                + "\"}").orElseThrow();
    }

    private long rowsOf(long user) {
        return jdbc.sql("SELECT COUNT(*) FROM flaky_write WHERE user_id = ?").param(user).query(Long.class).single();
    }

    private long complete(long user, String trailName) {
        return append("Trail", new LearnerTrailId(1, user, FlakyProjection.TRAIL).asString(),
                new TrailCompleted(1, user, new PersonalValue.Plain("Aluno"), new PersonalValue.Plain("aluno@toolzz.com"), FlakyProjection.TRAIL, trailName,
                        Instant.parse("2022-03-10T21:56:47Z").plusSeconds(user % 1000), 1,
                        List.of(new Course(1, "C")), provenance("toolzz")));
    }
}
