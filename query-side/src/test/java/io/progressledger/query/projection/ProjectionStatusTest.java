package io.progressledger.query.projection;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Operators see where every projection stands; readers can wait for their own write, for a bounded time. */
class ProjectionStatusTest extends QuerySideTest {

    @Test
    void every_projection_reports_its_position_lag_and_parked_events() {
        long position = unlock();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode items = get("/api/projections").json().path("items");
            assertThat(items).extracting(item -> item.path("name").asString()).contains("talent-progress",
                    "trail-completions", "program-funnel", "course-completions", "daily-activity");
            for (JsonNode item : items) {
                assertThat(item.path("processor").asString())
                        .isEqualTo(item.path("name").asString() + "-g" + item.path("generation").asInt());
                assertThat(item.path("position").asLong()).isGreaterThanOrEqualTo(position);
                assertThat(item.path("headPosition").asLong()).isGreaterThanOrEqualTo(position);
                assertThat(item.path("replaying").asBoolean()).isFalse();
                assertThat(item.has("lagEvents")).isTrue();
                assertThat(item.has("lagSeconds")).isTrue();
                assertThat(item.has("parked")).isTrue();
            }
        });
        assertThat(get("/api/projections/nope").status()).isEqualTo(404);
    }

    @Test
    void a_read_with_min_position_waits_for_the_write_and_gives_up_with_504() {
        long position = unlock();
        assertThat(get("/api/stats/daily?minPosition=" + position).status()).isEqualTo(200);

        long started = System.nanoTime();
        Response behind = get("/api/stats/daily?minPosition=" + (position + 1_000_000));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(behind.status()).isEqualTo(504);
        assertThat(behind.contentType()).startsWith("application/problem+json");
        assertThat(behind.json().path("type").asString()).isEqualTo("/problems/views-behind");
        assertThat(behind.json().path("minPosition").asLong()).isEqualTo(position + 1_000_000);
        assertThat(waitedMillis).as("bounded by progress.read-your-writes.timeout (1 s in tests)")
                .isBetween(900L, 5_000L);
    }

    private long unlock() {
        String talent = UUID.randomUUID().toString();
        Instant at = Instant.parse("2023-01-01T00:00:00Z");
        return append("Talent", talent, new TalentBlockUnlocked(talent, "user", "block", "block", "program",
                "phase", 1, BlockStatus.NOT_STARTED, List.of(), at, at, provenance("phoenix")));
    }
}
