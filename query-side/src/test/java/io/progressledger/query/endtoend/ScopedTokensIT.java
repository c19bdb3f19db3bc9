package io.progressledger.query.endtoend;

import io.progressledger.query.dashboard.Webhooks;
import io.progressledger.query.dashboard.Webhooks.Block;
import io.progressledger.query.dashboard.Webhooks.Course;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tokens scoped to institutions and programs, against the real thing: one command side and two query nodes on one
 * PostgreSQL, two institutions' and two programs' progress posted through the real webhooks. A token scoped to one
 * institution and one program reads, on every read endpoint (lists, details, aggregates, the live stream, waits and
 * point-in-time reads), exactly its own data and nothing of the other's; what cannot be scoped is refused (403); a
 * revoked or expired token is refused at once on both nodes; the database holds only the tokens' hashes.
 */
class ScopedTokensIT {

    private static final String ADMIN = "scoped-admin-Qe5Wr8Ty2Ui7Op4A";
    private static final String READER = "scoped-reader-Zx3Cv6Bn9Ml1Kj5H";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Ours (A, P) and theirs (B, Q); a trail and a course both institutions' learners completed.
    private static final long A = 41_001;
    private static final long B = 41_002;
    private static final String P = "7a1e0000-0000-4000-8000-00000000000a";
    private static final String Q = "7a1e0000-0000-4000-8000-00000000000b";
    private static final String TALENT_P = "7a1e0000-1111-4000-8000-00000000000a";
    private static final String TALENT_Q = "7a1e0000-1111-4000-8000-00000000000b";
    private static final long SHARED_TRAIL = 51_000;
    private static final long TRAIL_OF_B = 51_002;
    private static final long SHARED_COURSE = 61_000;
    private static final long COURSE_OF_B = 61_002;

    private static final List<ApplicationProcess> RUNNING = new ArrayList<>();
    private static PostgresDatabase postgres;
    private static ApplicationProcess node1;
    private static ApplicationProcess node2;
    private static Webhooks webhooks;
    private static long last;

    @BeforeAll
    static void twoQueryNodesAndTwoInstitutionsProgress() {
        postgres = PostgresDatabase.create("scoped");
        Map<String, String> common = new java.util.HashMap<>(postgres.applicationProperties());
        common.put("progress.data-dir", Path.of("target", "e2e-data", UUID.randomUUID().toString()).toAbsolutePath()
                .toString());
        common.put("progress.admin.token", ADMIN);
        Map<String, String> command = new java.util.HashMap<>(common);
        command.putAll(Map.of("progress.webhook.phoenix.token", Webhooks.PHOENIX_TOKEN,
                "progress.webhook.toolzz.token", Webhooks.TOOLZZ_TOKEN));
        Map<String, String> query = new java.util.HashMap<>(common);
        query.put("progress.api.token", READER);
        ApplicationProcess commandSide = start("scoped-command", ApplicationProcess.COMMAND_JAR, command);
        node1 = start("scoped-query-1", ApplicationProcess.QUERY_JAR, query);
        node2 = start("scoped-query-2", ApplicationProcess.QUERY_JAR, query);
        webhooks = new Webhooks(commandSide.url(""));

        webhooks.phoenix(new Block(TALENT_P, "user-p", "tb-p1", "b-p1", 1, "IN_PROGRESS", P, "phase-p",
                "2024-06-03T09:00:00.000Z"));
        webhooks.phoenix(new Block(TALENT_Q, "user-q", "tb-q1", "b-q1", 1, "FINISHED", Q, "phase-q",
                "2024-06-03T10:00:00.000Z"));
        webhooks.toolzz(A, 1, "Ana Nossa", "ana@escola-a.com", SHARED_TRAIL, "Shared trail", "2024-06-04 10:00:00",
                List.of(new Course(SHARED_COURSE, "Shared course")));
        webhooks.toolzz(B, 2, "Bia Deles", "bia@escola-b.com", SHARED_TRAIL, "Shared trail", "2024-06-04 11:00:00",
                List.of(new Course(SHARED_COURSE, "Shared course")));
        last = Webhooks.position(webhooks.toolzz(B, 2, "Bia Deles", "bia@escola-b.com", TRAIL_OF_B, "Their trail",
                "2024-06-05 11:00:00", List.of(new Course(COURSE_OF_B, "Their course"))));
        for (ApplicationProcess node : List.of(node1, node2)) {
            assertThat(get(node, "/api/projections?minPosition=" + last, READER).status()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stopAll() {
        RUNNING.forEach(ApplicationProcess::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void an_institution_and_program_scoped_token_reads_exactly_its_own_data_on_every_read_endpoint() throws Exception {
        String token = issue(node1, "ours", List.of(A), List.of(P), null).path("token").asString();
        String wait = "minPosition=" + last;
        ApplicationProcess n = node2;

        // Details of ours: there; of theirs: unknown, exactly as an id that does not exist.
        assertThat(names(get(n, "/api/learners/" + A + "/1/trails?" + wait, token))).containsExactly("Ana Nossa");
        assertNotFound(get(n, "/api/learners/" + B + "/2/trails?" + wait, token));
        assertNotFound(get(n, "/api/learners/" + B + "/2/trails?asOf=" + Instant.now(), token));
        assertThat(names(get(n, "/api/learners/" + A + "/1/trails?asOf=" + Instant.now(), token)))
                .containsExactly("Ana Nossa");
        assertThat(names(get(n, "/api/institutions/" + A + "/completions?" + wait, token)))
                .containsExactly("Ana Nossa");
        assertNotFound(get(n, "/api/institutions/" + B + "/completions", token));
        assertThat(get(n, "/api/talents/" + TALENT_P + "?" + wait, token).json().path("talentId").asString())
                .isEqualTo(TALENT_P);
        assertThat(get(n, "/api/talents/" + TALENT_P + "/blocks", token).json().path("items")).hasSize(1);
        assertThat(get(n, "/api/talents/" + TALENT_P + "?asOf=" + Instant.now(), token).status()).isEqualTo(200);
        assertNotFound(get(n, "/api/talents/" + TALENT_Q + "?" + wait, token));
        assertNotFound(get(n, "/api/talents/" + TALENT_Q + "?asOf=" + Instant.now(), token));
        assertNotFound(get(n, "/api/talents/" + TALENT_Q + "/blocks", token));
        assertNotFound(get(n, "/api/talents/" + TALENT_Q + "/blocks?programId=" + Q, token));
        assertNotFound(get(n, "/api/talents/" + TALENT_Q + "/blocks?programId=" + P, token));
        assertThat(get(n, "/api/programs/" + P + "/funnel?" + wait, token).status()).isEqualTo(200);
        assertNotFound(get(n, "/api/programs/" + Q + "/funnel", token));

        // Lists shared with the other institution: only ours; a filter naming theirs, or a list only theirs: unknown.
        assertThat(names(get(n, "/api/trails/" + SHARED_TRAIL + "/completions?" + wait, token)))
                .containsExactly("Ana Nossa");
        assertNotFound(get(n, "/api/trails/" + SHARED_TRAIL + "/completions?institutionId=" + B, token));
        assertNotFound(get(n, "/api/trails/" + TRAIL_OF_B + "/completions", token));
        assertThat(names(get(n, "/api/courses/" + SHARED_COURSE + "/completions?" + wait, token)))
                .containsExactly("Ana Nossa");
        assertNotFound(get(n, "/api/courses/" + SHARED_COURSE + "/completions?institutionId=" + B, token));
        assertNotFound(get(n, "/api/courses/" + COURSE_OF_B + "/completions", token));

        // Aggregates: ours counted alone; totals over everyone refused, never answered with theirs in.
        JsonNode daily = get(n, "/api/stats/daily?from=2024-06-01&to=2024-06-07&institutionId=" + A + "&" + wait,
                token).json();
        long completions = 0;
        for (JsonNode day : daily.path("items")) {
            completions += day.path("completions").asLong();
        }
        assertThat(completions).as("our institution's completions per day").isEqualTo(1);
        assertThat(get(n, "/api/stats/daily?programId=" + P, token).status()).isEqualTo(200);
        assertOutOfScope(get(n, "/api/stats/daily?institutionId=" + B, token));
        assertOutOfScope(get(n, "/api/stats/daily?programId=" + Q, token));
        assertOutOfScope(get(n, "/api/stats/daily", token));
        assertOutOfScope(get(n, "/api/overview", token));
        assertOutOfScope(get(n, "/api/courses", token));
        assertOutOfScope(get(n, "/api/courses/" + SHARED_COURSE, token));
        assertThat(get(n, "/api/projections", token).status()).as("the views' state holds no one's data")
                .isEqualTo(200);

        // Audit and administration stay the admin's.
        assertThat(get(n, "/api/audit/events", token).status()).isEqualTo(401);
        assertThat(get(n, "/api/audit/talents/" + TALENT_P + "/events", token).status()).isEqualTo(401);
        assertThat(get(n, "/api/admin/tokens", token).status()).isEqualTo(401);

        // The live stream: theirs are recorded first, ours after; only ours arrive.
        List<JsonNode> events = streamWhile(n, token, () -> {
            webhooks.toolzz(B, 3, "Caio Deles", "caio@escola-b.com", SHARED_TRAIL, "Shared trail",
                    "2024-06-06 10:00:00", List.of(new Course(SHARED_COURSE, "Shared course")));
            webhooks.phoenix(new Block(TALENT_Q, "user-q", "tb-q2", "b-q2", 2, "NOT_STARTED", Q, "phase-q",
                    "2024-06-06T10:00:00.000Z"));
            webhooks.toolzz(A, 4, "Davi Nosso", "davi@escola-a.com", SHARED_TRAIL, "Shared trail",
                    "2024-06-06 11:00:00", List.of(new Course(SHARED_COURSE, "Shared course")));
            webhooks.phoenix(new Block(TALENT_P, "user-p", "tb-p2", "b-p2", 2, "NOT_STARTED", P, "phase-p",
                    "2024-06-06T11:00:00.000Z"));
        }, 2);
        assertThat(events).extracting(e -> e.has("institutionId") ? e.path("institutionId").asString()
                : e.path("programId").asString()).containsExactly(Long.toString(A), P);

        // Who read what: the personal-data reads of this token, in its row and in the metrics.
        String id = tokenId(token);
        await("the token's use recorded").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode listed = listed(node1, id);
            assertThat(listed.path("personalDataReads").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(listed.path("reads").asLong()).isGreaterThan(listed.path("personalDataReads").asLong());
            assertThat(listed.path("lastUsedAt").isNull()).isFalse();
            assertThat(listed.has("token")).as("no secret in the list").isFalse();
        });
        assertThat(get(n, "/actuator/prometheus", ADMIN).body())
                .containsPattern("progress_api_personal_data_reads_total\\{[^}]*token=\"" + id + "\"[^}]*} [1-9]");
    }

    @Test
    void a_revoked_token_is_refused_at_once_on_every_node() {
        JsonNode issued = issue(node1, "to revoke", List.of(A), List.of(), null);
        String token = issued.path("token").asString();
        assertThat(get(node2, "/api/institutions/" + A + "/completions", token).status()).isEqualTo(200);
        assertThat(get(node1, "/api/institutions/" + A + "/completions", token).status()).isEqualTo(200);

        assertThat(delete(node1, "/api/admin/tokens/" + issued.path("id").asString()).status()).isEqualTo(204);

        // No waiting: the very next request, on either node.
        assertThat(get(node2, "/api/institutions/" + A + "/completions", token).status()).isEqualTo(401);
        assertThat(get(node1, "/api/institutions/" + A + "/completions", token).status()).isEqualTo(401);
        assertThat(listed(node2, issued.path("id").asString()).path("revokedAt").isNull()).isFalse();
    }

    @Test
    void an_expired_token_is_refused_on_every_node() {
        Instant expiresAt = Instant.now().plusSeconds(4);
        String token = issue(node2, "short-lived", List.of(A), List.of(), expiresAt).path("token").asString();
        assertThat(get(node1, "/api/institutions/" + A + "/completions", token).status()).isEqualTo(200);

        await("the token's expiry").atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expiresAt));

        assertThat(get(node1, "/api/institutions/" + A + "/completions", token).status()).isEqualTo(401);
        assertThat(get(node2, "/api/institutions/" + A + "/completions", token).status()).isEqualTo(401);
        assertThat(get(node2, "/api/stream", token).status()).isEqualTo(401);
    }

    @Test
    void tokens_are_stored_only_as_hashes() throws Exception {
        JsonNode issued = issue(node1, "hashed", List.of(A), List.of(P), null);
        String token = issued.path("token").asString();
        assertThat(token).startsWith("plt_").hasSizeGreaterThanOrEqualTo(4 + 43);

        try (Connection db = postgres.connect()) {
            ResultSet row = db.createStatement().executeQuery("SELECT secret_sha256 FROM api_token WHERE id = '"
                    + issued.path("id").asString() + "'");
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1).trim()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(postgres.columnsContaining(token)).as("columns holding the secret").isEmpty();
        assertThat(postgres.columnsContaining(token.substring(4, 20))).as("columns holding part of it").isEmpty();
        assertThat(get(node1, "/api/admin/tokens", ADMIN).body()).doesNotContain(token.substring(4, 20));
    }

    @Test
    void the_configured_tokens_still_read_everything() {
        assertThat(names(get(node1, "/api/trails/" + SHARED_TRAIL + "/completions?minPosition=" + last, READER)))
                .contains("Ana Nossa", "Bia Deles");
        assertThat(get(node2, "/api/overview", READER).status()).isEqualTo(200);
        assertThat(get(node2, "/api/overview", ADMIN).status()).isEqualTo(200);
    }

    private static JsonNode issue(ApplicationProcess node, String name, List<Long> institutions,
                                  List<String> programs, Instant expiresAt) {
        String body = "{\"name\":\"" + name + "\",\"institutions\":" + institutions + ",\"programs\":"
                + JSON.writeValueAsString(programs) + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"")
                + "}";
        Http.Response response = Http.post(node.url("/api/admin/tokens"), body,
                Map.of("Authorization", "Bearer " + ADMIN, "Content-Type", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode listed(ApplicationProcess node, String id) {
        for (JsonNode token : get(node, "/api/admin/tokens", ADMIN).json().path("items")) {
            if (token.path("id").asString().equals(id)) {
                return token;
            }
        }
        throw new AssertionError("token " + id + " not listed");
    }

    private static String tokenId(String token) {
        for (JsonNode listed : get(node1, "/api/admin/tokens", ADMIN).json().path("items")) {
            if (listed.path("name").asString().equals("ours")) {
                return listed.path("id").asString();
            }
        }
        throw new AssertionError("no token named ours");
    }

    private static List<String> names(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().path("items").forEach(item -> names.add(item.path("userName").asString()));
        return names;
    }

    private static void assertNotFound(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().path("type").asString()).isEqualTo("/problems/not-found");
    }

    private static void assertOutOfScope(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().path("type").asString()).isEqualTo("/problems/out-of-scope");
    }

    /** Connects to the stream, runs {@code action}, and reads until {@code count} events arrived (their data). */
    private static List<JsonNode> streamWhile(ApplicationProcess node, String token, Runnable action, int count)
            throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(node.url("/api/stream")))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "scoped-stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(lines.poll(30, TimeUnit.SECONDS)).isEqualTo(":connected");
            action.run();
            List<JsonNode> events = new ArrayList<>();
            while (events.size() < count) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("the next line of the stream").isNotNull();
                if (line.startsWith("data:")) {
                    events.add(JSON.readTree(line.substring(5)));
                }
            }
            return events;
        } finally {
            response.body().close();
        }
    }

    private static Http.Response get(ApplicationProcess node, String path, String token) {
        return Http.get(node.url(path), token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    private static Http.Response delete(ApplicationProcess node, String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(node.url(path))).DELETE().header("Authorization", "Bearer " + ADMIN).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApplicationProcess start(String name, Path jar, Map<String, String> properties) {
        ApplicationProcess process = ApplicationProcess.start(name, jar, ApplicationProcess.freePort(), properties);
        RUNNING.add(process);
        return process;
    }
}
