package io.progressledger.query.overview;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The totals a dashboard opens with, over real HTTP: each counts exactly what was recorded since the last read. */
class OverviewApiTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2031-02-03T10:00:00Z");

    @Test
    void totals_count_talents_unlocks_learners_completions_and_courses() {
        JsonNode before = get("/api/overview").json();
        String talent = UUID.randomUUID().toString();
        String program = "program-" + UUID.randomUUID();
        unlock(talent, program, 1);
        unlock(talent, program, 2);
        unlock(UUID.randomUUID().toString(), program, 1);
        long institution = uniqueId();
        long learner = uniqueId();
        long course = uniqueId();
        complete(institution, learner, 1, List.of(new Course(course, "A")), T0);
        complete(institution, learner, 2, List.of(new Course(course, "A")), T0.plusSeconds(60));
        long last = complete(institution, uniqueId(), 1, List.of(new Course(uniqueId(), "B")), T0.plusSeconds(120));

        // The views catch up in their own time (on a loaded machine, more than the 1 s a read waits): retry on 504.
        JsonNode after = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/overview?minPosition=" + last), response -> response.status() == 200).json();

        assertThat(delta(before, after, "talents")).isEqualTo(2);
        assertThat(delta(before, after, "unlocks")).isEqualTo(3);
        assertThat(delta(before, after, "learners")).isEqualTo(2);
        assertThat(delta(before, after, "trailCompletions")).isEqualTo(3);
        assertThat(delta(before, after, "courses")).isEqualTo(2);
        assertThat(after.path("lastActivityDay").asString()).isGreaterThanOrEqualTo("2031-02-03");
        assertThat(after.path("programIds")).isNotEmpty().hasSizeLessThanOrEqualTo(OverviewQueries.MAX_IDS);
        assertThat(after.path("institutionIds")).isNotEmpty().hasSizeLessThanOrEqualTo(OverviewQueries.MAX_IDS);
        assertThat(after.path("programIds").valueStream().map(JsonNode::asString).toList()).isSorted();
        assertThat(after.path("institutionIds").valueStream().map(JsonNode::asLong).toList()).isSorted();
    }

    @Test
    void the_overview_needs_a_token() {
        assertThat(get("/api/overview", null).status()).isEqualTo(401);
        assertThat(get("/api/overview", "wrong").status()).isEqualTo(401);
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.path(field).asLong() - before.path(field).asLong();
    }

    private void unlock(String talent, String program, int order) {
        append("Talent", talent, new TalentBlockUnlocked(talent, "user-" + talent, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), program, "phase", order, BlockStatus.NOT_STARTED, List.of(), T0, T0,
                provenance("phoenix")));
    }

    private long complete(long institution, long user, int number, List<Course> courses, Instant finishedAt) {
        return append("Trail", new LearnerTrailId(institution, user, 42).asString(), new TrailCompleted(institution,
                user, new PersonalValue.Plain("Aluno"), new PersonalValue.Plain("aluno@toolzz.com"), 42, "Trail", finishedAt, number, courses, provenance("toolzz")));
    }
}
