package io.progressledger.query.stats;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Activity over time over real HTTP: unlocks and completions per day (UTC here), zeros included. */
class DailyActivityApiTest extends QuerySideTest {

    @Test
    void days_count_unlocks_per_program_and_completions_per_institution() {
        String program = "program-" + UUID.randomUUID();
        long institution = uniqueId();
        unlock(program, Instant.parse("2021-05-01T10:00:00Z"));
        unlock(program, Instant.parse("2021-05-01T23:59:59Z"));
        unlock(program, Instant.parse("2021-05-03T00:00:00Z"));
        long last = complete(institution, Instant.parse("2021-05-02T12:00:00Z"));

        JsonNode byProgram = get("/api/stats/daily?from=2021-05-01&to=2021-05-03&programId=" + program
                + "&minPosition=" + last).json();
        JsonNode byInstitution = get("/api/stats/daily?from=2021-05-01&to=2021-05-03&institutionId="
                + institution).json();
        JsonNode all = get("/api/stats/daily?from=2021-05-01&to=2021-05-03").json();

        assertThat(byProgram.path("zone").asString()).isEqualTo("UTC");
        assertThat(byProgram.path("items")).extracting(day -> day.path("unlocks").asLong())
                .containsExactly(2L, 0L, 1L);
        assertThat(byInstitution.path("items")).extracting(day -> day.path("completions").asLong())
                .containsExactly(0L, 1L, 0L);
        assertThat(all.path("items").get(0).path("day").asString()).isEqualTo("2021-05-01");
        assertThat(all.path("items").get(0).path("unlocks").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_bad_range_is_400() {
        assertThat(get("/api/stats/daily?from=2021-05-03&to=2021-05-01").status()).isEqualTo(400);
        assertThat(get("/api/stats/daily?from=2020-01-01&to=2021-05-01").status()).isEqualTo(400);
        assertThat(get("/api/stats/daily?from=2021-02-30").status()).isEqualTo(400);
        assertThat(get("/api/stats/daily?institutionId=1&programId=p").status()).isEqualTo(400);
    }

    private void unlock(String program, Instant at) {
        String talent = UUID.randomUUID().toString();
        append("Talent", talent, new TalentBlockUnlocked(talent, "user", "block", "block", program, "phase", 1,
                BlockStatus.NOT_STARTED, List.of(), at, at, provenance("phoenix")));
    }

    private long complete(long institution, Instant at) {
        long user = uniqueId();
        return append("Trail", new LearnerTrailId(institution, user, 1).asString(), new TrailCompleted(institution,
                user, new PersonalValue.Plain("Aluno"), new PersonalValue.Plain("aluno@toolzz.com"), 1, "Trail", at, 1, List.of(new Course(1, "C")),
                provenance("toolzz")));
    }
}
