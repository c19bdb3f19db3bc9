package io.progressledger.query.endtoend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13 items 3, 4 and 15 end to end, both applications from their jars on the embedded default, real HTTP: a
 * learner whose name imitates a sealed value and a Phoenix talent whose id is that learner's id are recorded, read
 * by every reader, erased, and verified, the events signed and the name never in a database file.
 */
class PrivacyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer e2e-admin-Pm4Tg9Ka2Ex7Ur5Nb");
    private static final Map<String, String> READER = Map.of("Authorization", "Bearer e2e-reader-Dv6Wq1Lh8Co3Fz9Ji");

    private final Path dataDir = Path.of("target", "e2e-data", UUID.randomUUID().toString()).toAbsolutePath();
    private final List<ApplicationProcess> running = new ArrayList<>();

    @AfterEach
    void stopAll() {
        running.forEach(ApplicationProcess::close);
    }

    @Test
    void a_lookalike_name_and_a_learner_shaped_talent_id_are_recorded_read_erased_and_verified() throws IOException {
        ApplicationProcess command = start("privacy-command", ApplicationProcess.COMMAND_JAR, Map.of(
                "progress.webhook.phoenix.token", "e2e-phoenix-Xq7Lm2Vd9Rt4Kp8W",
                "progress.webhook.toolzz.token", "e2e-toolzz-Hn3Bc8Zf5Jw1Ys6Q"));
        ApplicationProcess query = start("privacy-query", ApplicationProcess.QUERY_JAR,
                Map.of("progress.api.token", "e2e-reader-Dv6Wq1Lh8Co3Fz9Ji"));
        long user = System.nanoTime() % 1_000_000_000L;
        String hidden = "Hidden " + UUID.randomUUID();
        String name = "sealed:v1:" + UUID.randomUUID() + ":" + hidden;

        Http.Response completed = Http.post(command.url("/webhooks/toolzz"), toolzz(user, name),
                Map.of("Authorization", "Bearer e2e-toolzz-Hn3Bc8Zf5Jw1Ys6Q", "Content-Type", "application/json"));
        Http.Response talent = Http.post(command.url("/webhooks/phoenix"), phoenix("learner:950:" + user),
                Map.of("Authorization", "Bearer e2e-phoenix-Xq7Lm2Vd9Rt4Kp8W", "Content-Type", "application/json"));
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(talent.status()).as(talent.body()).isEqualTo(200);
        assertThat(talent.json().path("events").get(0).path("aggregateId").asString())
                .isEqualTo("talent:learner:950:" + user);
        long position = talent.json().path("events").get(0).path("globalPosition").asLong();

        String trails = "/api/learners/950/" + user + "/trails";
        JsonNode read = Http.get(query.url(trails + "?minPosition=" + position), READER).json();
        assertThat(read.path("items").get(0).path("userName").asString()).as("just a name").isEqualTo(name);
        assertThat(Http.get(query.url("/api/institutions/950/completions"), READER).status()).isEqualTo(200);
        assertThat(Http.get(query.url("/api/audit/events"), ADMIN).status()).isEqualTo(200);
        assertThat(Http.get(query.url("/api/audit/export"), ADMIN).body()).contains("\"type\":\"end\"");

        Http.Response erased = Http.post(command.url("/api/admin/learners/950/" + user + "/erase"), "{}",
                Map.of("Authorization", "Bearer e2e-admin-Pm4Tg9Ka2Ex7Ur5Nb", "Content-Type", "application/json"));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("status").asString()).isEqualTo("erased");
        long erasure = erased.json().path("event").path("globalPosition").asLong();

        JsonNode after = Http.get(query.url(trails + "?minPosition=" + erasure), READER).json();
        assertThat(after.path("items").get(0).path("userName").asString()).isEqualTo("[erased]");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode verified = Http.get(query.url("/api/audit/verify"), ADMIN).json();
            assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.path("checkedUpTo").asLong()).isGreaterThanOrEqualTo(erasure);
            assertThat(verified.path("signatures").path("signed").asLong()).as(verified.toString())
                    .isGreaterThanOrEqualTo(3);
            assertThat(verified.path("signatures").path("unsigned").asLong()).isZero();
        });
        for (String file : List.of("events.mv.db", "views.mv.db")) {
            Path path = dataDir.resolve(file);
            if (Files.exists(path)) {
                assertThat(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1)).as(file)
                        .doesNotContain(hidden);
            }
        }
    }

    private ApplicationProcess start(String name, Path jar, Map<String, String> properties) {
        Map<String, String> all = new java.util.HashMap<>(properties);
        all.put("progress.data-dir", dataDir.toString());
        all.put("progress.admin.token", "e2e-admin-Pm4Tg9Ka2Ex7Ur5Nb");
        ApplicationProcess started = ApplicationProcess.start(name, jar, ApplicationProcess.freePort(), all);
        running.add(started);
        return started;
    }

    private static String toolzz(long user, String name) {
        ObjectNode body = (ObjectNode) JSON.readTree(seed("toolzz-trail-completed.example.json"));
        ((ObjectNode) body.path("data").path("institution")).put("id", 950);
        ((ObjectNode) body.path("data").path("user")).put("id", user).put("name", name);
        return JSON.writeValueAsString(body);
    }

    private static String phoenix(String talentId) {
        ObjectNode body = (ObjectNode) JSON.readTree(seed("phoenix-talent-block-unlocked.v2.example.json"));
        body.put("talentId", talentId);
        ObjectNode payload = (ObjectNode) body.path("eventData").path("payload");
        ((ObjectNode) payload.path("talent")).put("id", talentId);
        ((ObjectNode) payload.path("talentBlock")).put("talentId", talentId);
        return JSON.writeValueAsString(body);
    }

    private static String seed(String name) {
        try (InputStream in = PrivacyIT.class.getClassLoader().getResourceAsStream("seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
