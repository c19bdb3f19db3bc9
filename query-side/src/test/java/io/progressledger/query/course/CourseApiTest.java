package io.progressledger.query.course;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Courses over real HTTP: every course seen, how many completions included it, and those completions. */
class CourseApiTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2022-03-10T21:56:47Z");

    @Test
    void a_course_counts_the_completions_that_included_it_and_lists_them() {
        long course = uniqueId();
        long other = uniqueId();
        complete(uniqueId(), List.of(new Course(course, "Old title"), new Course(other, "Other")), T0);
        long last = complete(uniqueId(), List.of(new Course(course, "New title")), T0.plusSeconds(60));

        JsonNode summary = get("/api/courses/" + course + "?minPosition=" + last).json();
        JsonNode completions = get("/api/courses/" + course + "/completions").json();

        assertThat(summary.path("completions").asLong()).isEqualTo(2);
        assertThat(summary.path("title").asString()).isEqualTo("New title");
        assertThat(summary.path("lastCompletedAt").asString()).isEqualTo("2022-03-10T21:57:47Z");
        assertThat(completions.path("items")).hasSize(2);
        assertThat(completions.path("items").get(0).path("courses")).hasSize(2);
        assertThat(get("/api/courses/" + other).json().path("completions").asLong()).isEqualTo(1);
    }

    @Test
    void the_course_list_pages_by_course_id() {
        long last = complete(uniqueId(), List.of(new Course(uniqueId(), "A"), new Course(uniqueId(), "B")), T0);

        JsonNode first = get("/api/courses?limit=1&minPosition=" + last).json();
        JsonNode second = get("/api/courses?limit=1&cursor=" + first.path("nextCursor").asString()).json();

        assertThat(first.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("courseId").asLong())
                .isGreaterThan(first.path("items").get(0).path("courseId").asLong());
    }

    @Test
    void an_unknown_course_is_404() {
        assertThat(get("/api/courses/" + uniqueId()).status()).isEqualTo(404);
        assertThat(get("/api/courses/" + uniqueId() + "/completions").status()).isEqualTo(404);
    }

    private long complete(long user, List<Course> courses, Instant finishedAt) {
        return append("Trail", new LearnerTrailId(7, user, 99).asString(), new TrailCompleted(7, user, new PersonalValue.Plain("Aluno"),
                new PersonalValue.Plain("aluno@toolzz.com"), 99, "Trail", finishedAt, 1, courses, provenance("toolzz")));
    }
}
