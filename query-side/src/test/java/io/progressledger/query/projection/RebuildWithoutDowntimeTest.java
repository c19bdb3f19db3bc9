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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild fills the other slot while dashboards keep reading the complete current one, and reads switch only once
 * the new generation has caught up. The projection here pauses its rebuild on demand, to look at the middle of it.
 */
class RebuildWithoutDowntimeTest extends QuerySideTest {

    @Autowired
    GatedProjection gated;
    @Autowired
    ProjectionProcessors processors;
    @Autowired
    JdbcClient jdbc;

    @Test
    void dashboards_read_the_complete_old_generation_until_the_new_one_has_caught_up() throws Exception {
        long last = 0;
        for (int i = 0; i < 3; i++) {
            last = complete("before the rebuild");
        }
        awaitApplied(last);
        assertThat(readable()).hasSize(3);

        gated.close();
        Response accepted = post("/api/admin/projections/" + GatedProjection.NAME + "/replay", ADMIN_TOKEN,
                Map.of("X-Actor", "auditor"));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(gated.rebuildWaiting.await(10, TimeUnit.SECONDS)).as("the rebuild started").isTrue();

        JsonNode during = get("/api/projections/" + GatedProjection.NAME).json();
        assertThat(during.path("replaying").asBoolean()).isTrue();
        assertThat(during.path("generation").asInt()).isEqualTo(1);
        assertThat(during.path("rebuild").path("generation").asInt()).isEqualTo(2);
        assertThat(during.path("rebuild").path("eventsTotal").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(processors.activeSlot(GatedProjection.NAME)).isEqualTo(Slot.A);
        assertThat(rebuildProgressMetric()).as("the share applied, for dashboards of the operators")
                .isGreaterThanOrEqualTo(0).isLessThan(1);
        assertThat(readable()).as("the current generation, complete, during the rebuild").hasSize(3);
        long whileRebuilding = complete("during the rebuild");
        awaitApplied(whileRebuilding);
        assertThat(readable()).hasSize(4);
        assertThat(post("/api/admin/projections/" + GatedProjection.NAME + "/replay", ADMIN_TOKEN).status())
                .as("one rebuild at a time").isEqualTo(409);

        gated.open();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode after = get("/api/projections/" + GatedProjection.NAME).json();
            assertThat(after.path("generation").asInt()).isEqualTo(2);
            assertThat(after.path("replaying").asBoolean()).as(after.toString()).isFalse();
        });
        assertThat(processors.activeSlot(GatedProjection.NAME)).isEqualTo(Slot.B);
        assertThat(rebuildProgressMetric()).as("no rebuild runs").isEqualTo(-1);
        assertThat(readable()).isEqualTo(rows(Slot.A)).hasSize(4);
        JsonNode actions = get("/api/admin/actions", ADMIN_TOKEN).json().path("items");
        assertThat(actions).anySatisfy(action -> {
            assertThat(action.path("action").asString()).isEqualTo("rebuild");
            assertThat(action.path("target").asString()).isEqualTo(GatedProjection.NAME);
            assertThat(action.path("requestedBy").asString()).isEqualTo("admin (auditor)");
        });
        assertThat(post("/api/admin/projections/no-such-view/replay", ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(post("/api/admin/projections/" + GatedProjection.NAME + "/replay", API_TOKEN).status())
                .isEqualTo(401);
    }

    private double rebuildProgressMetric() {
        return metric("progress_projection_rebuild_progress{application=\"query-side\",projection=\""
                + GatedProjection.NAME + "\"}").orElseThrow();
    }

    /** What a dashboard reads: the slot of the generation being read. */
    private List<Map<String, Object>> readable() {
        return rows(processors.activeSlot(GatedProjection.NAME));
    }

    private List<Map<String, Object>> rows(Slot slot) {
        return jdbc.sql("SELECT * FROM " + slot.table("gated_view") + " ORDER BY user_id").query().listOfRows();
    }

    private void awaitApplied(long position) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/api/projections/" + GatedProjection.NAME).json().path("position").asLong())
                .isGreaterThanOrEqualTo(position));
    }

    private long complete(String trailName) {
        long user = uniqueId();
        return append("Trail", new LearnerTrailId(3, user, GatedProjection.TRAIL).asString(),
                new TrailCompleted(3, user, new PersonalValue.Plain("Aluno"), new PersonalValue.Plain("aluno@toolzz.com"), GatedProjection.TRAIL, trailName,
                        Instant.parse("2022-03-10T21:56:47Z"), 1, List.of(new Course(1, "C")),
                        provenance("toolzz")));
    }
}
