package io.progressledger.query.api;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The served OpenAPI document ({@code /v3/api-docs}) is the contract: every operation it lists is called for real,
 * over HTTP, for every status it documents (success and each error), and each answer is held to the document: the
 * status is listed, the content type is the documented one, the body validates against the documented schema (held
 * strictly: no undocumented field, every required one present, null only where the document allows it).
 * <p>
 * The calls are written below for each operation (its success, its 404, the 400s of its own parameters) or derived
 * from the document (401 without a token or with the wrong one, the bounds of every bounded parameter, 504 for
 * {@code minPosition}). An operation added to the API without calls here, or a status documented and never
 * provoked, fails the first test: the contract cannot grow untested. A call may carry a JSON body (a POST of a new
 * resource); an answer the document gives no content (204) must have none.
 */
class ApiConformanceTest extends QuerySideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPEN_STREAMS = "progress_stream_clients{application=\"query-side\"}";
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    /** Documented statuses no call here can provoke, and why. Every other documented status must be provoked. */
    private static final Map<String, String> NOT_PROVOKED = Map.of(
            "GET /api/learners/{institutionId}/{userId}/trails 501",
            "asOf on a learner's trails fails this way only with the events in Axon Server (axonserver profile)");

    private final List<Call> calls = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> every_answer_of_every_operation_is_what_the_document_says() {
        ApiContract contract = new ApiContract(get("/v3/api-docs", null).json());
        World world = given();
        writeCalls(world);
        deriveCalls(contract);
        DynamicTest coverage = dynamicTest("every operation, with every status it documents, is called",
                () -> assertCoverage(contract));
        return Stream.concat(Stream.of(coverage),
                calls.stream().map(call -> dynamicTest(call.toString(), () -> check(contract, call))));
    }

    /** The facts every call reads: a talent, a program, a learner who completed a trail twice, a course. */
    private World given() {
        String talent = "talent-" + UUID.randomUUID();
        String program = "program-" + UUID.randomUUID();
        long institution = uniqueId();
        long user = uniqueId();
        long trail = uniqueId();
        long course = uniqueId();
        append("Talent", talent, new TalentBlockUnlocked(talent, "user-1", "block-1", "b1", program, "phase-1", 1,
                BlockStatus.NOT_STARTED, List.of(), T0, T0, provenance("phoenix")));
        append("Talent", talent, new TalentBlockStatusChanged(talent, "user-1", "block-1", "b1", program, "phase-1",
                1, BlockStatus.NOT_STARTED, BlockStatus.IN_PROGRESS, List.of("activity-1"), T0.plusSeconds(60),
                provenance("phoenix")));
        // A talent with blocks in the world's program and in another one.
        String wideTalent = "talent-" + UUID.randomUUID();
        append("Talent", wideTalent, new TalentBlockUnlocked(wideTalent, "user-2", "block-1", "b1", program, "phase-1",
                1, BlockStatus.NOT_STARTED, List.of(), T0, T0, provenance("phoenix")));
        append("Talent", wideTalent, new TalentBlockUnlocked(wideTalent, "user-2", "block-2", "b2",
                "other-" + program, "phase-1", 1, BlockStatus.NOT_STARTED, List.of(), T0, T0, provenance("phoenix")));
        String learnerTrail = new LearnerTrailId(institution, user, trail).asString();
        append("Trail", learnerTrail, completion(institution, user, trail, course, 1, T0));
        long last = append("Trail", learnerTrail, completion(institution, user, trail, course, 2,
                T0.plusSeconds(86_400)));
        return new World(talent, program, institution, user, trail, course, last, wideTalent);
    }

    private record World(String talent, String program, long institution, long user, long trail, long course,
                         long last, String wideTalent) {
    }

    /** A token issued now, scoped to the world's institution and program; its secret. */
    private String issued(World w, String name) {
        Response response = send("POST", "/api/admin/tokens", ADMIN_TOKEN, Map.of(), "{\"name\":\"" + name
                + "\",\"institutions\":[" + w.institution() + "],\"programs\":[\"" + w.program() + "\"]}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return name.equals("to-revoke") ? response.json().path("id").asString()
                : response.json().path("token").asString();
    }

    private static TrailCompleted completion(long institution, long user, long trail, long course, int number,
                                             Instant at) {
        return new TrailCompleted(institution, user, new PersonalValue.Plain("Aluna"), new PersonalValue.Plain("aluna@toolzz.com"), trail, "Trail", at, number,
                List.of(new Course(course, "Course")), provenance("toolzz"));
    }

    /** Each operation's success, its 404, and the 400s its own parameters can cause. */
    private void writeCalls(World w) {
        String unknown = "unknown-" + UUID.randomUUID();
        Instant now = Instant.now();
        long unknownId = uniqueId();
        String min = "minPosition=" + w.last();

        String talent = "GET /api/talents/{talentId}";
        ok(talent, "/api/talents/" + w.talent() + "?" + min);
        ok(talent, "/api/talents/" + w.talent() + "?asOf=" + now);
        call(talent, "/api/talents/" + unknown, 404);
        call(talent, "/api/talents/" + w.talent() + "?asOf=yesterday", 400);

        String blocks = "GET /api/talents/{talentId}/blocks";
        ok(blocks, "/api/talents/" + w.talent() + "/blocks?" + min);
        ok(blocks, "/api/talents/" + w.talent() + "/blocks?status=in_progress&asOf=" + now);
        call(blocks, "/api/talents/" + unknown + "/blocks", 404);
        call(blocks, "/api/talents/" + w.talent() + "/blocks?status=DONE", 400);
        call(blocks, "/api/talents/" + w.talent() + "/blocks?cursor=garbage", 400);

        String funnel = "GET /api/programs/{programId}/funnel";
        ok(funnel, "/api/programs/" + w.program() + "/funnel?" + min);
        call(funnel, "/api/programs/" + unknown + "/funnel", 404);
        call(funnel, "/api/programs/" + w.program() + "/funnel?minPosition=soon", 400);

        String learner = "GET /api/learners/{institutionId}/{userId}/trails";
        ok(learner, "/api/learners/" + w.institution() + "/" + w.user() + "/trails?" + min);
        ok(learner, "/api/learners/" + w.institution() + "/" + w.user() + "/trails?asOf=" + now);
        call(learner, "/api/learners/" + w.institution() + "/" + unknownId + "/trails", 404);
        call(learner, "/api/learners/abc/" + w.user() + "/trails", 400);

        String ofTrail = "GET /api/trails/{trailId}/completions";
        ok(ofTrail, "/api/trails/" + w.trail() + "/completions?limit=1&" + min);
        call(ofTrail, "/api/trails/" + unknownId + "/completions", 404);
        call(ofTrail, "/api/trails/" + w.trail() + "/completions?from=garbage", 400);
        call(ofTrail, "/api/trails/" + w.trail() + "/completions?from=" + T0 + "&to=" + T0, 400);

        String ofInstitution = "GET /api/institutions/{institutionId}/completions";
        ok(ofInstitution, "/api/institutions/" + w.institution() + "/completions?" + min);
        call(ofInstitution, "/api/institutions/" + unknownId + "/completions", 404);
        call(ofInstitution, "/api/institutions/" + w.institution() + "/completions?trailId=x", 400);

        String courses = "GET /api/courses";
        ok(courses, "/api/courses?limit=2&" + min);
        call(courses, "/api/courses?cursor=garbage", 400);

        String course = "GET /api/courses/{courseId}";
        ok(course, "/api/courses/" + w.course() + "?" + min);
        call(course, "/api/courses/" + unknownId, 404);
        call(course, "/api/courses/x", 400);

        String ofCourse = "GET /api/courses/{courseId}/completions";
        ok(ofCourse, "/api/courses/" + w.course() + "/completions?" + min);
        call(ofCourse, "/api/courses/" + unknownId + "/completions", 404);
        call(ofCourse, "/api/courses/" + w.course() + "/completions?institutionId=x", 400);

        String daily = "GET /api/stats/daily";
        ok(daily, "/api/stats/daily?from=2024-03-01&to=2024-03-03&" + min);
        ok(daily, "/api/stats/daily?from=2024-03-01&to=2024-03-03&institutionId=" + w.institution());
        call(daily, "/api/stats/daily?from=2024-02-30", 400);
        call(daily, "/api/stats/daily?from=2024-03-03&to=2024-03-01", 400);
        call(daily, "/api/stats/daily?institutionId=1&programId=p", 400);

        String overview = "GET /api/overview";
        ok(overview, "/api/overview?" + min);
        call(overview, "/api/overview?minPosition=soon", 400);

        String projections = "GET /api/projections";
        ok(projections, "/api/projections");
        String projection = "GET /api/projections/{name}";
        ok(projection, "/api/projections/talent-progress");
        call(projection, "/api/projections/" + unknown, 404);

        String stream = "GET /api/stream";
        calls.add(new Call(stream, "GET", "/api/stream", API_TOKEN, 200, Map.of(), null, true));
        call(stream, "/api/stream?institutionId=abc", 400);
        calls.add(new Call(stream, "GET", "/api/stream", API_TOKEN, 400, Map.of("Last-Event-ID", "yesterday"), null,
                false));
        // Beyond the caps (QuerySideTest: 5 per token, 8 in all): 429 for the token, 503 for the node.
        calls.add(new Call(stream, "GET", "/api/stream", API_TOKEN, 429, Map.of(), null, true));
        calls.add(new Call(stream, "GET", "/api/stream", ADMIN_TOKEN, 503, Map.of(), null, true));

        String feed = "GET /api/audit/events";
        ok(feed, "/api/audit/events?limit=2", ADMIN_TOKEN);
        ok(feed, "/api/audit/events?after=1&limit=2", ADMIN_TOKEN);
        ok(feed, "/api/audit/events?cursor=1&limit=2", ADMIN_TOKEN);
        call(feed, "/api/audit/events?cursor=garbage", ADMIN_TOKEN, 400);
        call(feed, "/api/audit/events?after=1&cursor=2", ADMIN_TOKEN, 400);

        String export = "GET /api/audit/export";
        ok(export, "/api/audit/export?type=TalentBlockStatusChanged&from=" + Instant.now().minus(1, ChronoUnit.HOURS),
                ADMIN_TOKEN);
        call(export, "/api/audit/export?from=garbage", ADMIN_TOKEN, 400);
        // While as many exports as a node runs at once (QuerySideTest: 2) are read slowly: 503.
        calls.add(new Call(export, "GET", "/api/audit/export", ADMIN_TOKEN, 503, Map.of(), null, true));

        String talentHistory = "GET /api/audit/talents/{talentId}/events";
        ok(talentHistory, "/api/audit/talents/" + w.talent() + "/events", ADMIN_TOKEN);
        call(talentHistory, "/api/audit/talents/" + unknown + "/events", ADMIN_TOKEN, 404);

        String trailHistory = "GET /api/audit/learners/{institutionId}/{userId}/trails/{trailId}/events";
        ok(trailHistory, "/api/audit/learners/" + w.institution() + "/" + w.user() + "/trails/" + w.trail()
                + "/events", ADMIN_TOKEN);
        call(trailHistory, "/api/audit/learners/" + w.institution() + "/" + w.user() + "/trails/" + unknownId
                + "/events", ADMIN_TOKEN, 404);
        call(trailHistory, "/api/audit/learners/x/" + w.user() + "/trails/" + w.trail() + "/events", ADMIN_TOKEN,
                400);

        String verify = "GET /api/audit/verify";
        ok(verify, "/api/audit/verify", ADMIN_TOKEN);
        call(verify, "/api/audit/verify?upTo=x", ADMIN_TOKEN, 400);

        String actions = "GET /api/admin/actions";
        String deadLetters = "GET /api/admin/projections/{name}/dead-letters";
        ok(deadLetters, "/api/admin/projections/talent-progress/dead-letters", ADMIN_TOKEN);
        call(deadLetters, "/api/admin/projections/" + unknown + "/dead-letters", ADMIN_TOKEN, 404);

        String retry = "POST /api/admin/projections/{name}/dead-letters/retry";
        calls.add(new Call(retry, "POST", "/api/admin/projections/talent-progress/dead-letters/retry", ADMIN_TOKEN,
                200, Map.of(), null, false));
        calls.add(new Call(retry, "POST", "/api/admin/projections/" + unknown + "/dead-letters/retry", ADMIN_TOKEN,
                404, Map.of(), null, false));

        String replay = "POST /api/admin/projections/{name}/replay";
        calls.add(new Call(replay, "POST", "/api/admin/projections/program-funnel/replay", ADMIN_TOKEN, 202,
                Map.of("X-Actor", "conformance"), null, false));
        // Right after the first: a rebuild is running, or has just switched; either way, not another one now.
        calls.add(new Call(replay, "POST", "/api/admin/projections/program-funnel/replay", ADMIN_TOKEN, 409,
                Map.of(), null, false));
        calls.add(new Call(replay, "POST", "/api/admin/projections/" + unknown + "/replay", ADMIN_TOKEN, 404,
                Map.of(), null, false));
        ok(actions, "/api/admin/actions", ADMIN_TOKEN);

        String issue = "POST /api/admin/tokens";
        calls.add(new Call(issue, "POST", "/api/admin/tokens", ADMIN_TOKEN, 201, Map.of(), null, false,
                "{\"name\":\"conformance\",\"institutions\":[" + w.institution() + "],\"programs\":[\""
                        + w.program() + "\"],\"expiresAt\":\"" + now.plus(1, ChronoUnit.DAYS) + "\"}"));
        calls.add(new Call(issue, "POST", "/api/admin/tokens", ADMIN_TOKEN, 400, Map.of(), "name", false,
                "{\"name\":\"\"}"));
        ok("GET /api/admin/tokens", "/api/admin/tokens", ADMIN_TOKEN);
        String revoke = "DELETE /api/admin/tokens/{id}";
        calls.add(new Call(revoke, "DELETE", "/api/admin/tokens/" + issued(w, "to-revoke"), ADMIN_TOKEN, 204,
                Map.of(), null, false));
        calls.add(new Call(revoke, "DELETE", "/api/admin/tokens/" + UUID.randomUUID(), ADMIN_TOKEN, 404, Map.of(),
                null, false));

        // A token scoped to the world's institution and program: what it cannot be given is refused, 403.
        String scoped = issued(w, "scoped");
        call(courses, "/api/courses", scoped, 403);
        call(course, "/api/courses/" + w.course(), scoped, 403);
        call(overview, "/api/overview", scoped, 403);
        call(daily, "/api/stats/daily", scoped, 403);
        call(talent, "/api/talents/" + w.wideTalent() + "?" + min, scoped, 403);
        call(blocks, "/api/talents/" + w.wideTalent() + "/blocks?" + min, scoped, 403);

        // A client asking for JSON still gets its errors as problem+json.
        calls.add(new Call(talent, "GET", "/api/talents/" + unknown, API_TOKEN, 404,
                Map.of("Accept", "application/json"), null, false));
    }

    /**
     * What the document itself implies, for every successful call written above: 401 without a token, with an
     * unknown one and (admin routes) with the API token; every bound of every bounded query parameter, just inside
     * (limit) and just outside; 504 when the view cannot reach {@code minPosition} in time.
     */
    private void deriveCalls(ApiContract contract) {
        Map<String, Call> firstSuccess = new LinkedHashMap<>();
        calls.stream().filter(call -> call.expected() / 100 == 2)
                .forEach(call -> firstSuccess.putIfAbsent(call.operation(), call));
        List<Call> derived = new ArrayList<>();
        firstSuccess.forEach((operation, success) -> {
            Set<Integer> statuses = contract.statuses(operation);
            derived.add(success.withToken(null, 401));
            derived.add(success.withToken("not-a-token", 401));
            if (adminOnly(contract, operation)) {
                // Refused for who it is (403) where the document says so, otherwise as not the right token (401).
                derived.add(success.withToken(API_TOKEN, statuses.contains(403) ? 403 : 401));
            }
            for (String parameter : contract.queryParameters(operation)) {
                JsonNode schema = contract.parameterSchema(operation, parameter);
                if (schema.has("minimum")) {
                    derived.add(success.withParameter(parameter, schema.path("minimum").asLong() - 1, 400));
                }
                if (schema.has("maximum")) {
                    derived.add(success.withParameter(parameter, schema.path("maximum").asLong() + 1, 400));
                    derived.add(success.withParameter(parameter, schema.path("maximum").asLong(),
                            success.expected()));
                }
            }
            if (statuses.contains(504)) {
                derived.add(success.withParameter("minPosition", Long.MAX_VALUE / 2, 504));
            }
            if (statuses.contains(504) && statuses.contains(503)) {
                // While as many reads as may wait (QuerySideTest: 8) wait for an unreached position: 503.
                derived.add(success.withParameter("minPosition", Long.MAX_VALUE / 2, 503));
            }
        });
        // Admin POSTs change state: they are only ever refused here, never repeated.
        calls.addAll(derived.stream().filter(call -> call.method().equals("GET") || call.expected() == 401
                || call.expected() == 403).toList());
    }

    private static boolean adminOnly(ApiContract contract, String operation) {
        JsonNode security = contract.operation(operation).path("security");
        return security.size() == 1 && security.get(0).has("adminToken");
    }

    private void assertCoverage(ApiContract contract) {
        Map<String, Set<Integer>> called = new TreeMap<>();
        calls.forEach(call -> called.computeIfAbsent(call.operation(), o -> new TreeSet<>()).add(call.expected()));
        List<String> missing = new ArrayList<>();
        for (String operation : contract.operations()) {
            for (int status : contract.statuses(operation)) {
                String key = operation + " " + status;
                boolean provoked = called.getOrDefault(operation, Set.of()).contains(status);
                if (!provoked && status != 500 && !NOT_PROVOKED.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing).as("documented answers no call provokes: add calls for them here").isEmpty();
        assertThat(called.keySet()).as("calls of operations the document does not list")
                .isSubsetOf(contract.operations());
    }

    private void check(ApiContract contract, Call call) throws Exception {
        if (call.stream() && call.expected() == 200) {
            checkStream(contract, call);
            return;
        }
        boolean export = call.operation().equals("GET /api/audit/export");
        boolean waitingReads = call.expected() == 503 && call.path().contains("minPosition=");
        List<CompletableFuture<HttpResponse<Void>>> waiting = waitingReads ? fillWaitingReads() : List.of();
        List<AutoCloseable> held = !call.stream() ? List.of() : export ? holdExports() : fillStreams(call);
        Response response;
        try {
            response = send(call.method(), call.path(), call.token(), call.headers(), call.body());
        } finally {
            for (AutoCloseable resource : held) {
                resource.close();
            }
        }
        if (call.stream() && export) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    send("GET", "/api/audit/export?type=None", ADMIN_TOKEN, Map.of()).status() == 200);
        } else if (call.stream()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> metric(OPEN_STREAMS).orElseThrow() == 0);
        }
        for (CompletableFuture<HttpResponse<Void>> read : waiting) {
            read.get(60, TimeUnit.SECONDS);
        }
        assertThat(response.status()).as(call + " answered " + response.body()).isEqualTo(call.expected());
        assertThat(contract.statuses(call.operation())).as("statuses the document lists for " + call.operation())
                .contains(response.status());
        if (contract.response(call.operation(), response.status()).path("content").isEmpty()) {
            assertThat(response.body()).as("a body the document does not give this answer").isEmpty();
            return;
        }
        String mediaType = contract.mediaType(call.operation(), response.status());
        assertThat(baseType(response.contentType())).as("content type").isEqualTo(mediaType);
        List<JsonNode> documents = new ArrayList<>();
        if (mediaType.equals("application/x-ndjson")) {
            response.body().lines().filter(line -> !line.isBlank()).forEach(line -> documents.add(JSON.readTree(line)));
            assertThat(documents).as("lines exported").isNotEmpty();
        } else {
            documents.add(response.json());
        }
        for (JsonNode document : documents) {
            assertThat(contract.violations(call.operation(), response.status(), document))
                    .as("%s against the document's schema", document).isEmpty();
        }
        if (mediaType.equals("application/problem+json")) {
            JsonNode problem = documents.get(0);
            assertThat(problem.path("status").asInt()).isEqualTo(response.status());
            assertThat(problem.path("type").asString()).startsWith("/problems/");
            if (call.parameter() != null) {
                assertThat(problem.path("errors")).extracting(error -> error.path("parameter").asString())
                        .contains(call.parameter());
            }
        }
    }

    /**
     * The stream, read as a client reads it: connected, then one change of each type recorded, each received as an
     * event named by its type, with its position as id and, as data, the document's schema for that type.
     */
    private void checkStream(ApiContract contract, Call call) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                        .header("Authorization", "Bearer " + call.token()).build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        try (Stream<String> body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(baseType(response.headers().firstValue("content-type").orElse("")))
                    .isEqualTo(contract.mediaType(call.operation(), 200));
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> body.forEach(lines::add), "conformance-stream-reader");
            reader.setDaemon(true);
            reader.start();
            assertThat(lines.poll(10, TimeUnit.SECONDS)).as("the connection comment").isEqualTo(":connected");

            String talent = "stream-" + UUID.randomUUID();
            long institution = uniqueId();
            long user = uniqueId();
            long trail = uniqueId();
            append("Talent", talent, new TalentBlockUnlocked(talent, "u", "block", "b", "p", "phase", 1,
                    BlockStatus.LOCKED, List.of(), T0, T0, provenance("phoenix")));
            append("Talent", talent, new TalentBlockStatusChanged(talent, "u", "block", "b", "p", "phase", 1,
                    BlockStatus.LOCKED, BlockStatus.NOT_STARTED, List.of(), T0.plusSeconds(1), provenance("phoenix")));
            append("Trail", new LearnerTrailId(institution, user, trail).asString(),
                    completion(institution, user, trail, uniqueId(), 1, T0));

            Set<String> types = new TreeSet<>();
            while (types.size() < 3) {
                Map<String, String> event = nextEvent(lines);
                JsonNode data = JSON.readTree(event.get("data"));
                assertThat(contract.violations(call.operation(), 200, data)).as("%s against the document", data)
                        .isEmpty();
                assertThat(event.get("event")).as("event name").isEqualTo(data.path("type").asString());
                assertThat(event.get("id")).as("event id").isEqualTo(data.path("position").asString());
                types.add(data.path("type").asString());
            }
            assertThat(types).containsExactly("TalentBlockStatusChanged", "TalentBlockUnlocked", "TrailCompleted");
        }
    }

    /**
     * Holds streams open until the next one the call asks for is refused as it expects: the API token's share for
     * 429, then the rest of the node's with the admin token for 503.
     */
    private List<AutoCloseable> fillStreams(Call call) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> metric(OPEN_STREAMS).orElseThrow() == 0);
        List<AutoCloseable> held = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        int share = call.expected() == 429 ? MAX_STREAMS_PER_CALLER : MAX_STREAMS;
        for (int i = 0; i < share; i++) {
            String token = i < MAX_STREAMS_PER_CALLER ? API_TOKEN : ADMIN_TOKEN;
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + port + "/api/stream")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            held.add(() -> response.body().close());
            assertThat(response.statusCode()).as("stream " + (i + 1) + " of the node's " + share).isEqualTo(200);
        }
        return held;
    }

    /**
     * Fills the node's waiting reads: more reads than may wait, for a position no view reaches, until one of them is
     * refused (503); the others wait their 1 s, long enough for the call that follows to be refused too.
     */
    private List<CompletableFuture<HttpResponse<Void>>> fillWaitingReads() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<Void>>> reads = new ArrayList<>();
        CompletableFuture<Void> firstRefused = new CompletableFuture<>();
        for (int i = 0; i < MAX_WAITING_READS + 4; i++) {
            reads.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/api/overview?minPosition=" + Long.MAX_VALUE / 2))
                            .header("Authorization", "Bearer " + API_TOKEN).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                        if (response != null && response.statusCode() == 503) {
                            firstRefused.complete(null);
                        }
                    }));
        }
        firstRefused.get(60, TimeUnit.SECONDS);
        return reads;
    }

    /**
     * Holds as many exports running as a node runs at once: each read over a socket with a tiny receive buffer that
     * reads nothing past the status line, so the server's writes wait (200 more events make every export long).
     */
    private List<AutoCloseable> holdExports() throws Exception {
        String talent = "export-" + UUID.randomUUID();
        List<org.axonframework.eventhandling.EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Talent", talent, i,
                    new TalentBlockUnlocked(talent, "u", "block-" + i, "b", "p", "phase", i, BlockStatus.NOT_STARTED,
                            List.of(), T0, T0, provenance("phoenix"))));
        }
        eventStore.publish(events);
        List<AutoCloseable> held = new ArrayList<>();
        for (int i = 0; i < MAX_EXPORTS; i++) {
            java.net.Socket socket = new java.net.Socket();
            held.add(socket);
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(60_000);
            socket.connect(new java.net.InetSocketAddress("localhost", port));
            socket.getOutputStream().write(("GET /api/audit/export HTTP/1.0\r\nAuthorization: Bearer " + ADMIN_TOKEN
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            StringBuilder status = new StringBuilder();
            for (int c = socket.getInputStream().read(); c != '\n' && c >= 0; c = socket.getInputStream().read()) {
                status.append((char) c);
            }
            assertThat(status.toString()).as("export " + (i + 1) + " of " + MAX_EXPORTS).startsWith("HTTP/1.1 200");
        }
        return held;
    }

    /** The next event of the stream, its fields by name; comments skipped. */
    private static Map<String, String> nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("the next line of the stream within 10 s").isNotNull();
            if (line.isEmpty() && !fields.isEmpty()) {
                return fields;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.merge(line.substring(0, colon), line.substring(colon + 1), (a, b) -> a + "\n" + b);
            }
        }
    }

    private void ok(String operation, String path) {
        ok(operation, path, API_TOKEN);
    }

    private void ok(String operation, String path, String token) {
        calls.add(new Call(operation, "GET", path, token, 200, Map.of(), null, false));
    }

    private void call(String operation, String path, int expected) {
        call(operation, path, API_TOKEN, expected);
    }

    private void call(String operation, String path, String token, int expected) {
        calls.add(new Call(operation, "GET", path, token, expected, Map.of(), null, false));
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * One call of an operation and the status it must get.
     *
     * @param parameter the query parameter the answer must name in its errors, for a derived bound
     */
    private record Call(String operation, String method, String path, String token, int expected,
                        Map<String, String> headers, String parameter, boolean stream, String body) {

        Call(String operation, String method, String path, String token, int expected, Map<String, String> headers,
             String parameter, boolean stream) {
            this(operation, method, path, token, expected, headers, parameter, stream, null);
        }

        Call withToken(String otherToken, int status) {
            return new Call(operation, method, path, otherToken, status, headers, null, false, body);
        }

        Call withParameter(String name, long value, int status) {
            String withoutIt = path.replaceAll("([?&])" + name + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
            String newPath = withoutIt + (withoutIt.contains("?") ? "&" : "?") + name + "=" + value;
            return new Call(operation, method, newPath, token, status, headers, status == 400 ? name : null, false,
                    body);
        }

        @Override
        public String toString() {
            return method + " " + path + (token == null ? " (no token)" : token.equals(API_TOKEN) ? ""
                    : token.equals(ADMIN_TOKEN) ? " (admin)" : " (token " + token + ")") + " -> " + expected;
        }
    }
}
