package io.progressledger.query.endtoend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A retry storm, as a sender recovering from an outage sends it: 500 requests at once on the running applications,
 * on the embedded H2 files and on PostgreSQL. One delivery 150 times under one {@code webhook-id}; one fact 100 times
 * under 100 {@code webhook-id}s; 125 distinct facts (blocks of a few talents, completions of many learners) each twice
 * under its {@code webhook-id}. Every fact is answered {@code accepted} exactly once, every other copy
 * {@code 200 duplicate} (a repeat of a {@code webhook-id} naming the delivery that was accepted and its events), no
 * call fails; the delivery log holds every call with the outcome it was answered, the store one event per fact, the
 * views every fact once. How long the answers took is printed, not asserted (the benchmark measures speed), and no
 * call is shed for being slow (the bound on waiting is raised for the test).
 */
class BurstIT {

    private static final String PHOENIX_TOKEN = "burst-phoenix-Hq4Zt8Wm2Lx6Rc9N";
    private static final String TOOLZZ_TOKEN = "burst-toolzz-Pv3Yk7Ds1Gf5Jn8B";
    private static final String READER_TOKEN = "burst-reader-Ms6Ej2Wq9Tb4Xh7C";
    private static final Map<String, String> READER = Map.of("Authorization", "Bearer " + READER_TOKEN);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int COPIES = 150;
    private static final int NATURAL_COPIES = 100;
    private static final int TALENTS = 5;
    private static final int BLOCKS = 10;
    private static final int LEARNERS = 75;
    private static final long INSTITUTION = 12345;
    private static final long NATURAL_LEARNER = 9_000;

    private final Path dataDir = Path.of("target", "e2e-data", UUID.randomUUID().toString()).toAbsolutePath();
    private final List<ApplicationProcess> running = new ArrayList<>();
    private PostgresDatabase postgres;

    /** One call of the burst: the fact it carries, whether it is the first sent of its webhook-id, and its answer. */
    private record Call(String fact, String source, String webhookId, String body) {
    }

    private record Answered(Call call, int status, JsonNode body, long millis) {
    }

    @AfterEach
    void stopAll() {
        running.forEach(ApplicationProcess::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgres"})
    void a_burst_of_copies_and_distinct_deliveries_is_one_accepted_per_fact_and_duplicates_otherwise(String db)
            throws Exception {
        Map<String, String> database = new HashMap<>(Map.of("progress.data-dir", dataDir.toString()));
        if (db.equals("postgres")) {
            postgres = PostgresDatabase.create("burst");
            database.putAll(postgres.applicationProperties());
        }
        Map<String, String> command = new HashMap<>(database);
        command.putAll(Map.of("progress.webhook.phoenix.token", PHOENIX_TOKEN,
                "progress.webhook.toolzz.token", TOOLZZ_TOKEN, "logging.level.io.progressledger", "WARN",
                // What is checked here is that a storm is answered right, whatever the build machine's speed: no call
                // is shed for waiting longer than the default bound (10 s) on a loaded 2-core machine. Shedding has
                // tests of its own; how fast the answers come is printed, and measured by the benchmark.
                "progress.ingestion.max-wait", "120s"));
        ApplicationProcess commandSide = start("burst-command-" + db, ApplicationProcess.COMMAND_JAR, command);
        Map<String, String> query = new HashMap<>(database);
        query.put("progress.api.token", READER_TOKEN);
        ApplicationProcess querySide = start("burst-query-" + db, ApplicationProcess.QUERY_JAR, query);

        // A storm hits a node that has been serving: one delivery of each sender first, so that the burst does not
        // also measure the JVM's first command.
        List<Call> warmUp = List.of(
                new Call("warm-up-phoenix", "phoenix", "msg_warm_phoenix", phoenixBody(seed(
                        "phoenix-talent-block-unlocked.v2.example.json"), "burst-warm-up", 1, 7_999_999)),
                new Call("warm-up-toolzz", "toolzz", "msg_warm_toolzz", toolzzBody(seed(
                        "toolzz-trail-completed.example.json"), NATURAL_LEARNER - 1)));
        assertThat(sendAtOnce(commandSide, warmUp)).allSatisfy(answer -> assertThat(status(answer)).as(
                answer.body().toString()).isEqualTo("accepted"));
        List<Call> calls = workload();
        List<Answered> answers = sendAtOnce(commandSide, calls);
        printTimes(db, answers);

        assertThat(answers).as("every call answered 200").allSatisfy(answer ->
                assertThat(answer.status()).as(answer.call().fact() + ": " + answer.body()).isEqualTo(200));
        Map<String, List<Answered>> byFact = answers.stream()
                .collect(Collectors.groupingBy(answer -> answer.call().fact(), LinkedHashMap::new, Collectors.toList()));
        assertThat(byFact).hasSize(2 + TALENTS * BLOCKS + LEARNERS);
        Map<String, Answered> acceptedByFact = new HashMap<>();
        byFact.forEach((fact, copies) -> {
            List<Answered> accepted = copies.stream().filter(a -> status(a).equals("accepted")).toList();
            assertThat(accepted).as("accepted answers of " + fact).hasSize(1);
            acceptedByFact.put(fact, accepted.get(0));
            JsonNode original = accepted.get(0).body();
            assertThat(original.path("events")).as(fact).hasSize(1);
            for (Answered copy : copies) {
                if (copy == accepted.get(0)) {
                    continue;
                }
                assertThat(status(copy)).as(fact + ": " + copy.body()).isEqualTo("duplicate");
                if (copy.call().webhookId().equals(accepted.get(0).call().webhookId())) {
                    assertThat(copy.body().path("duplicateOf").asString()).as(fact)
                            .isEqualTo(original.path("deliveryId").asString());
                    assertThat(copy.body().path("events")).as(fact).isEqualTo(original.path("events"));
                } else {
                    assertThat(copy.body().path("events")).as(fact + ": a fact already recorded").isEmpty();
                }
            }
        });

        long head;
        try (Connection store = connect(db)) {
            assertThat(count(store, "SELECT COUNT(*) FROM DomainEventEntry")).isEqualTo(byFact.size() + warmUp.size());
            head = count(store, "SELECT MAX(globalIndex) FROM DomainEventEntry");
            assertThat(count(store, "SELECT COUNT(*) FROM delivery")).as("every call in the delivery log")
                    .isEqualTo(calls.size() + warmUp.size());
            Map<String, String> logged = new HashMap<>();
            try (ResultSet rows = store.createStatement().executeQuery("SELECT id, outcome FROM delivery")) {
                while (rows.next()) {
                    logged.put(rows.getString(1), rows.getString(2));
                }
            }
            for (Answered answer : answers) {
                assertThat(logged.get(answer.body().path("deliveryId").asString()))
                        .as("the delivery log's outcome of " + answer.body())
                        .isEqualToIgnoringCase(status(answer));
            }
            long keys = calls.stream().map(Call::webhookId).distinct().count();
            assertThat(count(store, "SELECT COUNT(*) FROM delivery_idempotency")).isEqualTo(keys + warmUp.size());
            for (Answered accepted : acceptedByFact.values()) {
                long position = accepted.body().path("events").get(0).path("globalPosition").asLong();
                try (ResultSet event = store.createStatement().executeQuery(
                        "SELECT metaData FROM DomainEventEntry WHERE globalIndex = " + position)) {
                    assertThat(event.next()).as("the event answered at " + position).isTrue();
                    assertThat(new String(event.getBytes(1), StandardCharsets.UTF_8))
                            .contains(accepted.body().path("deliveryId").asString());
                }
            }
        }

        JsonNode first = await("the views reach the store's head").atMost(Duration.ofSeconds(60))
                .until(() -> Http.get(querySide.url("/api/talents/burst-talent-0/blocks?minPosition=" + head), READER),
                        response -> response.status() == 200).json();
        assertThat(first.path("items")).hasSize(1);
        for (int t = 1; t <= TALENTS; t++) {
            JsonNode blocks = Http.get(querySide.url("/api/talents/burst-talent-" + t + "/blocks?limit=50"), READER)
                    .json().path("items");
            assertThat(blocks).as("blocks of talent " + t).hasSize(BLOCKS);
        }
        List<Long> learners = new ArrayList<>(List.of(NATURAL_LEARNER));
        for (int l = 1; l <= LEARNERS; l++) {
            learners.add(NATURAL_LEARNER + l);
        }
        for (long learner : learners) {
            JsonNode trails = Http.get(querySide.url("/api/learners/" + INSTITUTION + "/" + learner + "/trails"),
                    READER).json().path("items");
            assertThat(trails).as("trails of learner " + learner).hasSize(1);
            assertThat(trails.get(0).path("completionCount").asInt()).isEqualTo(1);
        }
    }

    /**
     * The calls, shuffled: copies of one delivery, one fact under many webhook-ids, distinct facts each sent twice.
     */
    private static List<Call> workload() {
        String phoenix = seed("phoenix-talent-block-unlocked.v2.example.json");
        String toolzz = seed("toolzz-trail-completed.example.json");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Call> calls = new ArrayList<>();
        String copied = phoenixBody(phoenix, "burst-talent-0", 1, 8_000_000);
        for (int i = 0; i < COPIES; i++) {
            calls.add(new Call("copied", "phoenix", "msg_copy_" + run, copied));
        }
        String natural = toolzzBody(toolzz, NATURAL_LEARNER);
        for (int i = 0; i < NATURAL_COPIES; i++) {
            calls.add(new Call("natural", "toolzz", "msg_natural_" + run + "_" + i, natural));
        }
        long envelope = 8_000_001;
        for (int t = 1; t <= TALENTS; t++) {
            for (int order = 1; order <= BLOCKS; order++) {
                String body = phoenixBody(phoenix, "burst-talent-" + t, order, envelope++);
                String fact = "talent-" + t + "-block-" + order;
                for (int copy = 0; copy < 2; copy++) {
                    calls.add(new Call(fact, "phoenix", "msg_" + fact + "_" + run, body));
                }
            }
        }
        for (int l = 1; l <= LEARNERS; l++) {
            String body = toolzzBody(toolzz, NATURAL_LEARNER + l);
            for (int copy = 0; copy < 2; copy++) {
                calls.add(new Call("learner-" + l, "toolzz", "msg_learner_" + l + "_" + run, body));
            }
        }
        Collections.shuffle(calls, new java.util.Random(14));
        return calls;
    }

    /** Every call sent at once, each on a connection of its own, as many senders (or one sender's retries) do. */
    private static List<Answered> sendAtOnce(ApplicationProcess commandSide, List<Call> calls) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<Answered>> pending = new ArrayList<>();
        for (Call call : calls) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(commandSide.url("/webhooks/" + call.source())))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + (call.source().equals("phoenix") ? PHOENIX_TOKEN : TOOLZZ_TOKEN))
                    .header("Content-Type", "application/json")
                    .header("webhook-id", call.webhookId())
                    .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
                    .build();
            long sent = System.nanoTime();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Answered(call, response.statusCode(), JSON.readTree(response.body()),
                            (System.nanoTime() - sent) / 1_000_000)));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private static void printTimes(String db, List<Answered> answers) {
        System.out.printf("burst on %s: answers %s%n", db, answers.stream().collect(Collectors.groupingBy(
                answer -> answer.status() + " " + (answer.status() == 200 ? status(answer)
                        : answer.body().path("type").asString()), java.util.TreeMap::new, Collectors.counting())));
        long[] millis = answers.stream().mapToLong(Answered::millis).sorted().toArray();
        System.out.printf("burst on %s: %d calls, answer time p50 %d ms, p99 %d ms, max %d ms%n", db, millis.length,
                millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1], millis[millis.length - 1]);
    }

    private static String status(Answered answer) {
        return answer.body().path("status").asString();
    }

    private Connection connect(String db) throws SQLException {
        return db.equals("postgres") ? postgres.connect()
                : DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("events") + ";AUTO_SERVER=TRUE",
                "sa", "");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private ApplicationProcess start(String name, Path jar, Map<String, String> properties) {
        ApplicationProcess process = ApplicationProcess.start(name, jar, ApplicationProcess.freePort(), properties);
        running.add(process);
        return process;
    }

    private static String phoenixBody(String template, String talent, int order, long envelope) {
        return template.replace("9c40bc21-5269-46d8-9b8d-c8c7f85c6499", talent)
                .replace("eb7ef94b-9da8-4650-a9c0-0682101dc703", talent + "-block-" + order)
                .replace("\"order\": 1", "\"order\": " + order)
                .replace("\"id\": 6098395", "\"id\": " + envelope);
    }

    private static String toolzzBody(String template, long learner) {
        return template.replace("\"id\": 123456798", "\"id\": " + learner);
    }

    private static String seed(String name) {
        try (InputStream in = BurstIT.class.getClassLoader().getResourceAsStream("seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
