package io.progressledger.query.audit;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Histories follow each aggregate type's own id space: a talent's history holds its events stored under its raw id
 * by earlier versions and under {@code talent:<id>} since, and never a trail's events that shared the raw id (a talent
 * whose id was shaped like a learner's trail); the trail's history and the learner's trails are the trail's alone.
 */
class AggregateIdSpacesHistoryTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2023-07-09T14:59:53Z");

    @Test
    void a_talent_and_a_trail_that_shared_an_old_id_each_read_their_own_history() {
        long user = uniqueId();
        String talentId = "77:" + user + ":5";
        append("Trail", talentId, new TrailCompleted(77, user, new PersonalValue.Plain("Aluno"),
                new PersonalValue.Plain("aluno@toolzz.com"), 5, "Trail 5", T0, 1, List.of(new Course(1, "C")),
                provenance("toolzz")));
        append("Talent", talentId, new TalentBlockUnlocked(talentId, "u", "tb", "b", "p", "ph", 1,
                BlockStatus.NOT_STARTED, List.of(), T0, T0, provenance("phoenix")));
        append("Talent", "talent:" + talentId, new TalentBlockStatusChanged(talentId, "u", "tb", "b",
                "p", "ph", 1, BlockStatus.NOT_STARTED, BlockStatus.IN_PROGRESS, List.of(), T0.plusSeconds(60),
                provenance("phoenix")));

        assertThat(types(get("/api/audit/talents/" + talentId + "/events", ADMIN_TOKEN).json()))
                .containsExactly("TalentBlockUnlocked", "TalentBlockStatusChanged");
        assertThat(types(get("/api/audit/learners/77/" + user + "/trails/5/events", ADMIN_TOKEN).json()))
                .containsExactly("TrailCompleted");
        JsonNode trails = get("/api/learners/77/" + user + "/trails?asOf=" + Instant.now().plusSeconds(1))
                .json();
        assertThat(trails.path("items")).hasSize(1);
        assertThat(trails.path("items").get(0).path("trailId").asLong()).isEqualTo(5);
        JsonNode blocks = get("/api/talents/" + talentId + "/blocks?asOf=" + Instant.now().plusSeconds(1)).json();
        assertThat(blocks.path("items")).as("the talent at an instant, from both ids").hasSize(1);
        assertThat(blocks.path("items").get(0).path("status").asString()).isEqualTo("IN_PROGRESS");
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.path("items").forEach(item -> types.add(item.path("type").asString()));
        return types;
    }
}
