package io.progressledger.query.endtoend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Beyond one machine: two command-side and two query-side nodes, separate JVMs on one PostgreSQL, under concurrent
 * load from many senders that deliver everything twice, once to each command node. One command node is killed
 * (SIGKILL) in the middle of the load and the senders fail over to the other, as behind a load balancer; one
 * query node is killed in the middle of projecting and the other takes its segments over.
 */
class MultiNodeIT {

    private static final int TALENTS = 40;
    private static final int BLOCKS = 3;
    private static final int LEARNERS = 60;
    private static final Map<String, String> PHOENIX = Map.of("Authorization", "Bearer node-phoenix-Wt5Gx2Rn8Kc3Vm7H",
            "Content-Type", "application/json");
    private static final Map<String, String> TOOLZZ = Map.of("Authorization", "Bearer node-toolzz-Bq9Fs4Ly1Dp6Zj3M",
            "Content-Type", "application/json");

    private final List<ApplicationProcess> running = new ArrayList<>();
    private PostgresDatabase postgres;

    @AfterEach
    void stopAll() {
        running.forEach(ApplicationProcess::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    private record Delivery(String source, String body) {
    }

    @Test
    void every_accepted_delivery_is_one_event_and_one_view_row_whatever_node_dies() throws Exception {
        postgres = PostgresDatabase.create("multinode");
        Path dataDir = Path.of("target", "e2e-data", UUID.randomUUID().toString()).toAbsolutePath();
        Map<String, String> common = new HashMap<>(postgres.applicationProperties());
        common.put("progress.data-dir", dataDir.toString());
        Map<String, String> command = new HashMap<>(common);
        command.putAll(Map.of("progress.webhook.phoenix.token", "node-phoenix-Wt5Gx2Rn8Kc3Vm7H",
                "progress.webhook.toolzz.token", "node-toolzz-Bq9Fs4Ly1Dp6Zj3M"));
        Map<String, String> query = new HashMap<>(common);
        query.putAll(Map.of("progress.api.token", "node-reader-Ck2Uv7Nh5Xe8Ta4R",
                "axon.eventhandling.tokenstore.claim-timeout", "4s",
                "axon.eventhandling.processors.talent-progress.token-claim-interval", "500",
                "axon.eventhandling.processors.trail-completions.token-claim-interval", "500"));
        List<ApplicationProcess> commandNodes = List.of(start("node-command-1", ApplicationProcess.COMMAND_JAR, command),
                start("node-command-2", ApplicationProcess.COMMAND_JAR, command));
        ApplicationProcess query1 = start("node-query-1", ApplicationProcess.QUERY_JAR, query);
        ApplicationProcess query2 = start("node-query-2", ApplicationProcess.QUERY_JAR, query);

        List<Delivery> deliveries = workload();
        Map<String, JsonNode> accepted = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            for (int copy = 0; copy < 2; copy++) {
                int preferred = (i + copy) % 2;
                sent.add(senders.submit(() -> {
                    JsonNode answer = deliver(commandNodes, preferred, delivery);
                    if (answer.path("status").asString().equals("accepted")) {
                        accepted.put(answer.path("deliveryId").asString(), answer);
                    }
                    answered.incrementAndGet();
                }));
            }
            if (i == deliveries.size() / 3) {
                // A progress condition, not a speed claim: on a loaded build machine half the answers can take longer
                // than Awaitility's default 10 s.
                await("half of the deliveries answered before a command node dies").atMost(Duration.ofSeconds(60))
                        .until(() -> answered.get() > deliveries.size() / 2);
                commandNodes.get(0).kill();
            }
        }
        for (Future<?> future : sent) {
            future.get();
        }
        senders.shutdown();
        query1.kill();

        // A block's IN_PROGRESS delivery may overtake its NOT_STARTED one; the older then arrives stale and records
        // nothing, so the number of facts depends on the order. A delivery the killed node committed but could not
        // answer is answered "duplicate" on its retry. What must hold: no delivery is ever two events, and every
        // delivery answered "accepted" is in the store.
        long expectedEvents;
        long head;
        try (Connection db = postgres.connect()) {
            expectedEvents = count(db, "SELECT COUNT(*) FROM DomainEventEntry");
            head = count(db, "SELECT MAX(globalIndex) FROM DomainEventEntry");
            assertThat(count(db, "SELECT COUNT(DISTINCT convert_from(metaData, 'UTF8')::json->>'senderEventId') "
                    + "FROM DomainEventEntry")).as("no delivery became two events").isEqualTo(expectedEvents);
            assertThat(expectedEvents).isBetween((long) TALENTS * BLOCKS + LEARNERS * 2L, (long) deliveries.size())
                    .isBetween((long) accepted.size(), accepted.size() + 16L);
            for (JsonNode answer : accepted.values()) {
                long position = answer.path("events").get(0).path("globalPosition").asLong();
                ResultSet stored = db.createStatement().executeQuery(
                        "SELECT convert_from(metaData, 'UTF8') FROM DomainEventEntry WHERE globalIndex = " + position);
                assertThat(stored.next()).as("the event answered at position " + position).isTrue();
                assertThat(stored.getString(1)).contains(answer.path("deliveryId").asString());
            }
        }
        await("the surviving query node completes every view").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode items = Http.get(query2.url("/api/projections"),
                            Map.of("Authorization", "Bearer node-reader-Ck2Uv7Nh5Xe8Ta4R")).json().path("items");
                    for (JsonNode projection : items) {
                        assertThat(projection.path("position").asLong()).as(projection.path("name").asString())
                                .isEqualTo(head);
                    }
                });
        long lateTalents = commitOutOfOrder(query2);
        try (Connection db = postgres.connect()) {
            assertThat(count(db, "SELECT COUNT(*) FROM talent_block_a")).as(() -> lateDiagnosis(db))
                    .isEqualTo(TALENTS * BLOCKS + lateTalents);
            assertThat(count(db, "SELECT COUNT(*) FROM talent_block_a WHERE status = 'IN_PROGRESS'"))
                    .isEqualTo(TALENTS);
            assertThat(count(db, "SELECT COUNT(*) FROM trail_completion_a")).isEqualTo(LEARNERS * 2L);
            // The chain links a late commit when its own processor sees it; the reads above waited for the talent
            // view only (seen: 276 of 284 linked at the first look, with one more view processing).
            long linked = expectedEvents + lateTalents;
            await("the audit chain links the late commits").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(count(db, "SELECT COUNT(*) FROM audit_chain_a")).isEqualTo(linked));
        }
        assertThat(query2.isAlive()).isTrue();
    }

    /**
     * Writers that take their global positions in one order and commit in the reverse order, some time apart, as
     * slow transactions do: the processors see the later positions first and must still apply the earlier ones
     * (gap detection), none skipped. Returns how many talents were written.
     */
    private long commitOutOfOrder(ApplicationProcess queryNode) throws Exception {
        int writers = 8;
        List<Connection> open = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        List<String> talents = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Connection writer = postgres.connect();
            writer.setAutoCommit(false);
            String talent = UUID.randomUUID().toString();
            talents.add(talent);
            String payload = "{\"talentId\":\"" + talent + "\",\"userId\":\"late-user\",\"talentBlockId\":\"" + talent
                    + "-b\",\"blockId\":\"late-block\",\"programId\":\"late-program\",\"talentPhaseId\":\"late-phase\","
                    + "\"order\":1,\"status\":\"NOT_STARTED\",\"talentActivityIds\":[],"
                    + "\"unlockedAt\":\"2024-05-01T10:00:00Z\",\"statusUpdatedAt\":\"2024-05-01T10:00:00Z\","
                    + "\"provenance\":{\"source\":\"phoenix\",\"senderEventId\":\"late-" + i + "\",\"deliveryId\":\"late-"
                    + i + "\",\"receivedAt\":\"2024-05-01T10:00:01Z\"}}";
            PreparedStatement insert = writer.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier, "
                    + "sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
                    + "VALUES (?, 0, 'Talent', ?, ?, ?, '1', 'io.progressledger.events.talent.TalentBlockUnlocked', ?) "
                    + "RETURNING globalIndex");
            insert.setString(1, talent);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, ("{\"deliveryId\":\"late-" + i + "\",\"senderEventId\":\"late-" + i + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(5, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            ResultSet position = insert.executeQuery();
            position.next();
            positions.add(position.getLong(1));
            open.add(writer);
        }
        Map<String, String> reader = Map.of("Authorization", "Bearer node-reader-Ck2Uv7Nh5Xe8Ta4R");
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).commit();
            open.get(i).close();
            String read = "/api/talents/" + talents.get(i) + "?minPosition=" + positions.get(i);
            // Each commit is applied (read your write, on a view read that honours minPosition) before the next,
            // lower position is committed. The status endpoint this once asked ignores minPosition: that check
            // passed at once, and the count below then raced the last commit (seen 2 runs in 10).
            await("talent " + i + " applied").atMost(Duration.ofSeconds(30))
                    .until(() -> Http.get(queryNode.url(read), reader).status() == 200);
        }
        assertThat(positions).isSorted();
        return writers;
    }

    private ApplicationProcess start(String name, Path jar, Map<String, String> properties) {
        ApplicationProcess process = ApplicationProcess.start(name, jar, ApplicationProcess.freePort(), properties);
        running.add(process);
        return process;
    }

    /** Posts to the preferred node; on a failed connection or a 5xx, to the other one, as a load balancer does. */
    private static JsonNode deliver(List<ApplicationProcess> nodes, int preferred, Delivery delivery) {
        Map<String, String> headers = delivery.source().equals("phoenix") ? PHOENIX : TOOLZZ;
        for (int attempt = 0; attempt < 20; attempt++) {
            ApplicationProcess node = nodes.get((preferred + attempt) % nodes.size());
            try {
                Http.Response response = Http.post(node.url("/webhooks/" + delivery.source()), delivery.body(), headers);
                if (response.status() == 200) {
                    return response.json();
                }
                assertThat(response.status()).as(response.body()).isGreaterThanOrEqualTo(500);
            } catch (UncheckedIOException nodeDown) {
                // try the other node
            }
        }
        throw new IllegalStateException("no node accepted " + delivery);
    }

    /** Blocks unlocked in order then one moved to IN_PROGRESS per talent; every learner completes a trail twice. */
    private static List<Delivery> workload() {
        String phoenix = seed("phoenix-talent-block-unlocked.v2.example.json");
        String toolzz = seed("toolzz-trail-completed.example.json");
        List<Delivery> deliveries = new ArrayList<>();
        long envelope = 7_000_000;
        for (int t = 0; t < TALENTS; t++) {
            String talent = UUID.randomUUID().toString();
            for (int order = 1; order <= BLOCKS; order++) {
                deliveries.add(new Delivery("phoenix", phoenixBody(phoenix, talent, order, ++envelope, "NOT_STARTED",
                        "2023-07-09T14:59:53.085Z")));
            }
            deliveries.add(new Delivery("phoenix", phoenixBody(phoenix, talent, 1, ++envelope, "IN_PROGRESS",
                    "2023-07-10T09:00:00.000Z")));
        }
        for (int l = 0; l < LEARNERS; l++) {
            for (String finishedAt : Set.of("2022-03-10 18:56:47", "2022-09-01 08:00:00")) {
                deliveries.add(new Delivery("toolzz", toolzz.replace("\"id\": 123456798", "\"id\": " + (5000 + l))
                        .replace("\"finished_at\": \"2022-03-10 18:56:47\"", "\"finished_at\": \"" + finishedAt + "\"")));
            }
        }
        return deliveries;
    }

    private static String phoenixBody(String template, String talent, int order, long envelope, String status,
                                      String updatedAt) {
        return template.replace("9c40bc21-5269-46d8-9b8d-c8c7f85c6499", talent)
                .replace("eb7ef94b-9da8-4650-a9c0-0682101dc703", talent + "-block-" + order)
                .replace("\"order\": 1", "\"order\": " + order)
                .replace("\"id\": 6098395", "\"id\": " + envelope)
                .replace("\"status\": \"NOT_STARTED\"", "\"status\": \"" + status + "\"")
                .replace("\"updatedAt\": \"2023-07-09T14:59:53.085Z\"", "\"updatedAt\": \"" + updatedAt + "\"");
    }

    /**
     * What to look at when a late talent is missing from the view (seen once in many runs, not reproduced since):
     * which of them, whether the processor parked any event, and where its segments' tokens stand.
     */
    private static String lateDiagnosis(Connection db) {
        StringBuilder diagnosis = new StringBuilder("late talents' events and their rows:\n");
        try {
            ResultSet late = db.createStatement().executeQuery("SELECT e.globalIndex, e.aggregateIdentifier, "
                    + "(SELECT COUNT(*) FROM talent_block_a t WHERE t.talent_id = e.aggregateIdentifier) AS rows "
                    + "FROM DomainEventEntry e WHERE e.aggregateIdentifier IN (SELECT aggregateIdentifier "
                    + "FROM DomainEventEntry WHERE convert_from(metaData, 'UTF8') LIKE '%\"late-%') ORDER BY 1");
            while (late.next()) {
                diagnosis.append("  position ").append(late.getLong(1)).append(" talent ").append(late.getString(2))
                        .append(": ").append(late.getLong(3)).append(" row(s)\n");
            }
            diagnosis.append("parked events: ").append(count(db, "SELECT COUNT(*) FROM DeadLetterEntry")).append('\n');
            ResultSet tokens = db.createStatement().executeQuery("SELECT processorName, segment, owner, "
                    + "convert_from(token, 'UTF8') FROM TokenEntry WHERE processorName LIKE 'talent-progress%'");
            while (tokens.next()) {
                diagnosis.append("token ").append(tokens.getString(1)).append('/').append(tokens.getInt(2))
                        .append(" owner ").append(tokens.getString(3)).append(": ").append(tokens.getString(4))
                        .append('\n');
            }
        } catch (Exception e) {
            diagnosis.append("(diagnosis failed: ").append(e).append(")");
        }
        return diagnosis.toString();
    }

    private static long count(Connection db, String sql) throws Exception {
        ResultSet result = db.createStatement().executeQuery(sql);
        result.next();
        return result.getLong(1);
    }

    private static String seed(String name) {
        try (InputStream in = MultiNodeIT.class.getClassLoader().getResourceAsStream("seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
