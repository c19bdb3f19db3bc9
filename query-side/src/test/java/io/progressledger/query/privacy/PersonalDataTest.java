package io.progressledger.query.privacy;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.personal.PersonalDataCipher;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import io.progressledger.query.projection.ProjectionProcessors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A learner's name and email, sealed in the event by the command side, read in plain text everywhere a reader looks
 * while the learner's key exists; once the key is deleted and the erasure recorded, they read "[erased]" everywhere
 * (views, history, export, point in time, a fresh rebuild), progress facts are unchanged, the chain still verifies,
 * and the plain values are in no database file, before or after.
 */
class PersonalDataTest extends QuerySideTest {

    private static final long INSTITUTION = 31;
    private static final long TRAIL = 3232;
    private static final long COURSE = 3333;

    @Autowired
    JdbcClient views;
    @Autowired
    ProjectionProcessors processors;

    @Test
    void before_erasure_the_learner_reads_everywhere_and_after_it_nowhere() {
        long user = uniqueId();
        String name = "Ana " + UUID.randomUUID();
        String email = "ana-" + UUID.randomUUID() + "@example.com";
        String keyId = UUID.randomUUID().toString();
        byte[] key = PersonalDataCipher.newKey();
        eventStoreTable().sql("INSERT INTO personal_data_key (key_id, subject, key_material, created_at) "
                        + "VALUES (?, ?, ?, ?)")
                .params(keyId, "learner:" + INSTITUTION + ":" + user, key, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        Instant finishedAt = Instant.parse("2024-03-01T12:00:00Z");
        String trailName = "Privacy trail " + UUID.randomUUID();
        long completed = append("Trail", INSTITUTION + ":" + user + ":" + TRAIL, new TrailCompleted(INSTITUTION, user,
                PersonalDataCipher.seal(keyId, key, subject(user), "userName", name),
                PersonalDataCipher.seal(keyId, key, subject(user), "userEmail", email), TRAIL, trailName, finishedAt, 1,
                List.of(new Course(COURSE, "Privacy course")), provenance("toolzz")));
        Instant beforeErasure = Instant.now();

        JsonNode learner = learnerTrail(user, completed);
        assertThat(learner.path("userName").asString()).isEqualTo(name);
        assertThat(learner.path("userEmail").asString()).isEqualTo(email);
        assertThat(everyReader(user)).allSatisfy(answer -> assertThat(answer).contains(email, name));
        assertThat(storedInViews(user)).allSatisfy(value -> assertThat(value)
                .startsWith("{\"sealed\":{\"scheme\":\"aes-gcm-subject\",\"keyId\":\"" + keyId));

        eventStoreTable().sql("DELETE FROM personal_data_key WHERE key_id = ?").param(keyId).update();
        long erased = append("Learner", "learner:" + INSTITUTION + ":" + user, new LearnerDataErased(INSTITUTION,
                user, 1, 1, List.of(), "admin (dpo)", "data subject request", Instant.now()));

        JsonNode after = learnerTrail(user, erased);
        assertThat(after.path("userName").asString()).isEqualTo("[erased]");
        assertThat(after.path("userEmail").asString()).isEqualTo("[erased]");
        assertThat(after.path("trailName").asString()).isEqualTo(trailName);
        assertThat(after.path("completionCount").asInt()).as("progress unchanged").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(storedInViews(user))
                .as("purged from the views").containsOnly("{\"erased\":true}"));
        assertThat(everyReader(user)).allSatisfy(answer -> assertThat(answer)
                .doesNotContain(email, name).contains("[erased]"));
        assertThat(get("/api/learners/" + INSTITUTION + "/" + user + "/trails?asOf=" + beforeErasure).body())
                .as("the past is erased too").doesNotContain(email).contains("[erased]");

        rebuild("trail-completions");
        assertThat(learnerTrail(user, erased).path("userEmail").asString()).isEqualTo("[erased]");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode verification = get("/api/audit/verify", ADMIN_TOKEN).json();
            assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("checkedUpTo").asLong()).isGreaterThanOrEqualTo(erased);
        });
        // The files are written in the background: wait until this learner's rows are in them (the event, sealed; the
        // views' rows, by their trail), then look for the plain values.
        await().atMost(Duration.ofSeconds(10)).until(() -> file("events").contains(keyId)
                && file("views").contains(trailName));
        assertThat(file("views")).doesNotContain(email, name);
        assertThat(file("events")).doesNotContain(email, name);
    }

    private static String subject(long user) {
        return "learner:" + INSTITUTION + ":" + user;
    }

    /** What every reader of the learner's data answers: views, history, export, point in time. */
    private List<String> everyReader(long user) {
        String learner = INSTITUTION + "/" + user;
        return List.of(
                get("/api/learners/" + learner + "/trails").body(),
                get("/api/trails/" + TRAIL + "/completions?institutionId=" + INSTITUTION).body(),
                get("/api/institutions/" + INSTITUTION + "/completions?trailId=" + TRAIL).body(),
                get("/api/courses/" + COURSE + "/completions").body(),
                get("/api/learners/" + learner + "/trails?asOf=" + Instant.now()).body(),
                get("/api/audit/learners/" + learner + "/trails/" + TRAIL + "/events", ADMIN_TOKEN).body(),
                get("/api/audit/export?type=TrailCompleted", ADMIN_TOKEN).body());
    }

    private JsonNode learnerTrail(long user, long position) {
        return get("/api/learners/" + INSTITUTION + "/" + user + "/trails?minPosition=" + position).json()
                .path("items").get(0);
    }

    /** The name and email as the views' tables hold them. */
    private List<String> storedInViews(long user) {
        String trails = processors.activeSlot("trail-completions").table("trail_completion");
        String courses = processors.activeSlot("course-completions").table("course_completion");
        return views.sql("SELECT user_name FROM " + trails + " WHERE user_id = ? UNION ALL SELECT user_email FROM "
                        + trails + " WHERE user_id = ? UNION ALL SELECT user_email FROM " + courses
                        + " WHERE user_id = ?")
                .params(user, user, user).query(String.class).list();
    }

    private static String file(String database) {
        try {
            return new String(Files.readAllBytes(DATA_DIR.resolve(database + ".mv.db")), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
