package io.progressledger.query.trail;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Trail completions over real HTTP: per learner, per trail, per institution, filtered and paged. */
class TrailCompletionsApiTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2022-03-10T21:56:47Z");

    @Test
    void a_learner_sees_each_trail_once_with_its_latest_completion_and_count() {
        long institution = uniqueId();
        long user = uniqueId();
        complete(institution, user, 10, 1, T0);
        complete(institution, user, 10, 2, T0.plusSeconds(86_400));
        long last = complete(institution, user, 20, 1, T0.plusSeconds(3_600));

        JsonNode trails = get("/api/learners/" + institution + "/" + user + "/trails?minPosition=" + last).json();

        assertThat(trails.path("items")).extracting(t -> t.path("trailId").asLong()).containsExactly(10L, 20L);
        JsonNode first = trails.path("items").get(0);
        assertThat(first.path("completionCount").asInt()).isEqualTo(2);
        assertThat(first.path("completionNumber").asInt()).isEqualTo(2);
        assertThat(first.path("finishedAt").asString()).isEqualTo("2022-03-11T21:56:47Z");
        assertThat(first.path("userName").asString()).isEqualTo("Aluno");
        assertThat(first.path("courses").get(0).path("title").asString()).isEqualTo("Course 1");
        assertThat(trails.path("items").get(1).path("completionCount").asInt()).isEqualTo(1);
    }

    @Test
    void a_trail_lists_every_completion_by_finish_time_and_pages_stay_exact() {
        long trail = uniqueId();
        long institution = uniqueId();
        long last = 0;
        for (int i = 0; i < 7; i++) {
            last = complete(i < 4 ? institution : uniqueId(), uniqueId(), trail, 1, T0.plusSeconds(60L * (7 - i)));
        }

        List<Instant> finished = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/trails/" + trail + "/completions?limit=3&minPosition=" + last
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("items").forEach(item -> finished.add(Instant.parse(item.path("finishedAt").asString())));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(finished).hasSize(7).isSorted().doesNotHaveDuplicates();
        assertThat(get("/api/trails/" + trail + "/completions?institutionId=" + institution).json().path("items"))
                .hasSize(4);
        assertThat(get("/api/trails/" + trail + "/completions?from=" + T0.plusSeconds(300) + "&to="
                + T0.plusSeconds(420)).json().path("items")).hasSize(2);
    }

    @Test
    void an_institution_lists_its_completions_of_every_trail() {
        long institution = uniqueId();
        complete(institution, uniqueId(), 1, 1, T0);
        complete(institution, uniqueId(), 2, 1, T0.plusSeconds(1));
        long last = complete(uniqueId(), uniqueId(), 1, 1, T0.plusSeconds(2));

        JsonNode all = get("/api/institutions/" + institution + "/completions?minPosition=" + last).json();
        JsonNode oneTrail = get("/api/institutions/" + institution + "/completions?trailId=2").json();

        assertThat(all.path("items")).hasSize(2);
        assertThat(oneTrail.path("items")).extracting(item -> item.path("trailId").asLong()).containsExactly(2L);
    }

    @Test
    void unknown_ids_are_404_and_bad_parameters_400() {
        assertThat(get("/api/learners/1/" + uniqueId() + "/trails").status()).isEqualTo(404);
        assertThat(get("/api/trails/" + uniqueId() + "/completions").status()).isEqualTo(404);
        assertThat(get("/api/institutions/" + uniqueId() + "/completions").status()).isEqualTo(404);
        for (String bad : List.of("/api/trails/abc/completions", "/api/trails/1/completions?from=yesterday",
                "/api/trails/1/completions?from=2022-03-11T00:00:00Z&to=2022-03-10T00:00:00Z",
                "/api/learners/1/2/trails?cursor=not-a-cursor!")) {
            Response response = get(bad);
            assertThat(response.status()).as(bad + " " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    private long complete(long institution, long user, long trail, int number, Instant finishedAt) {
        return append("Trail", new LearnerTrailId(institution, user, trail).asString(),
                new TrailCompleted(institution, user, new PersonalValue.Plain("Aluno"), new PersonalValue.Plain("aluno@toolzz.com"), trail, "Trail " + trail,
                        finishedAt, number, List.of(new Course(1, "Course 1"), new Course(2, "Course 2")),
                        provenance("toolzz")));
    }
}
