package io.progressledger.query.projection;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every view rebuilt from scratch is, row for row, the view built incrementally: projections are deterministic, so
 * a rebuild (after a fix, or by an auditor) gives what dashboards showed.
 */
class RebuildEveryViewTest extends QuerySideTest {

    private static final List<String> VIEWS = List.of("talent-progress", "program-funnel", "trail-completions",
            "course-completions", "daily-activity", "overview");

    @Autowired
    List<Projection> projections;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_rebuilt_view_equals_the_incrementally_built_one_row_for_row() {
        long last = appendAVarietyOfEvents();
        awaitEveryView(view -> assertThat(status(view).path("position").asLong()).isGreaterThanOrEqualTo(last));
        Map<String, Integer> before = new java.util.HashMap<>();
        VIEWS.forEach(view -> before.put(view, status(view).path("generation").asInt()));

        VIEWS.forEach(view -> assertThat(post("/api/admin/projections/" + view + "/replay", ADMIN_TOKEN).status())
                .as(view).isEqualTo(202));
        awaitEveryView(view -> {
            assertThat(status(view).path("generation").asInt()).isEqualTo(before.get(view) + 1);
            assertThat(status(view).path("replaying").asBoolean()).isFalse();
        });

        for (Projection projection : projections) {
            if (!VIEWS.contains(projection.name())) {
                continue;
            }
            Slot rebuilt = Slot.of(before.get(projection.name()) + 1);
            Slot incremental = Slot.of(before.get(projection.name()));
            for (String table : projection.tables()) {
                List<Map<String, Object>> fresh = rows(rebuilt.table(table));
                assertThat(fresh).as(table).isNotEmpty().isEqualTo(rows(incremental.table(table)));
            }
        }
    }

    private long appendAVarietyOfEvents() {
        long last = 0;
        Instant t = Instant.parse("2024-02-01T10:00:00Z");
        for (int i = 0; i < 20; i++) {
            String talent = UUID.randomUUID().toString();
            String program = "rebuild-program-" + (i % 3);
            for (int order = 1; order <= 3; order++) {
                last = append("Talent", talent, new TalentBlockUnlocked(talent, "user-" + i, "tb-" + order,
                        "block-" + order, program, "phase-" + (order % 2), order, BlockStatus.NOT_STARTED,
                        List.of("a" + order), t.plusSeconds(i * 3600L + order), t.plusSeconds(i * 3600L + order),
                        provenance("phoenix")));
            }
            last = append("Talent", talent, new TalentBlockStatusChanged(talent, "user-" + i, "tb-1", "block-1",
                    program, "phase-1", 1, BlockStatus.NOT_STARTED, BlockStatus.FINISHED, List.of("a1", "a9"),
                    t.plusSeconds(i * 3600L + 60), provenance("phoenix")));
            long user = uniqueId();
            for (int completion = 1; completion <= 1 + i % 2; completion++) {
                last = append("Trail", new LearnerTrailId(100 + i % 4, user, 700 + i % 5).asString(),
                        new TrailCompleted(100 + i % 4, user, new PersonalValue.Plain("Aluno " + i), new PersonalValue.Plain("aluno" + i + "@toolzz.com"), 700 + i % 5,
                                "Trail " + i % 5, t.plusSeconds(i * 7200L + completion), completion,
                                List.of(new Course(900 + i % 7, "Course " + i % 7), new Course(950, "Shared")),
                                provenance("toolzz")));
            }
        }
        return last;
    }

    private void awaitEveryView(java.util.function.Consumer<String> assertion) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> VIEWS.forEach(assertion));
    }

    private tools.jackson.databind.JsonNode status(String view) {
        return get("/api/projections/" + view).json();
    }

    private List<Map<String, Object>> rows(String table) {
        List<String> columns = jdbc.sql("SELECT * FROM " + table + " FETCH FIRST 1 ROWS ONLY").query()
                .listOfRows().stream().findFirst().map(row -> List.copyOf(row.keySet())).orElse(List.of("1"));
        return jdbc.sql("SELECT * FROM " + table + " ORDER BY " + String.join(", ", columns)).query().listOfRows();
    }
}
