package io.progressledger.query;

import io.progressledger.events.Provenance;
import io.progressledger.query.eventstore.EventStoreConnection;
import io.progressledger.query.projection.FlakyProjection;
import io.progressledger.query.projection.GatedProjection;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the query side's integration tests: the real application on a random port, on H2 files of its own, with
 * events appended through the real Axon event store and read back over HTTP with {@code ?minPosition=} (no sleeps).
 * Every test class shares this one application context, so tests use ids of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "progress.api.token=" + QuerySideTest.API_TOKEN,
        "progress.admin.token=" + QuerySideTest.ADMIN_TOKEN,
        "progress.read-your-writes.timeout=1s",
        // A small bound on reads waiting for their views, so that ReadYourWritesLimitsTest reaches it.
        "progress.read-your-writes.max-waiting=" + QuerySideTest.MAX_WAITING_READS,
        // Short, so that tests prove no answer depends on it: the export and the stream are not subject to it.
        "spring.mvc.async.request-timeout=1s",
        // Small live-stream bounds, so that tests reach them (StreamLimitsTest, the conformance test's 429 and 503).
        "progress.stream.max-streams=" + QuerySideTest.MAX_STREAMS,
        "progress.stream.max-streams-per-caller=" + QuerySideTest.MAX_STREAMS_PER_CALLER,
        "progress.stream.heartbeat=1s",
        "progress.stream.send-buffer=64",
        "progress.stream.max-replay=" + QuerySideTest.MAX_REPLAY,
        "progress.audit.export.max-concurrent=" + QuerySideTest.MAX_EXPORTS,
        "logging.level.io.progressledger=WARN"
})
@Import({FlakyProjection.class, GatedProjection.class, SmallSocketBuffers.class})
public abstract class QuerySideTest {

    public static final String API_TOKEN = "test-api-Fy3Qn8Tc1Hz6Lv5K";
    public static final String ADMIN_TOKEN = "test-admin-Ux4Me9Ra6Wk2Bd7P";
    public static final int MAX_STREAMS = 8;
    public static final int MAX_STREAMS_PER_CALLER = 5;
    public static final int MAX_REPLAY = 500;
    public static final int MAX_EXPORTS = 2;
    public static final int MAX_WAITING_READS = 8;
    /** The property naming a data directory of its own for a test class that runs a context of its own. */
    protected static final String OWN_DATA_DIR = "test.own-data-dir";
    protected static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventStore eventStore;

    @Autowired
    private EventStoreConnection eventStoreConnection;

    /**
     * No command side runs here, so the events file needs no AUTO_SERVER and can stay open until Spring has stopped
     * the processors (H2 closes an AUTO_SERVER database in its own shutdown hook, under their feet).
     * <p>
     * A test class whose settings make a context of its own sets {@value #OWN_DATA_DIR} to a directory of its own
     * (Spring applies this class's dynamic properties after a subclass's, so it cannot replace these): on the shared
     * context's files it would be a second node of the same ledger, taking segments from the shared context.
     */
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        String dataDir = "${" + OWN_DATA_DIR + ":./" + DATA_DIR + "}";
        registry.add("progress.data-dir", () -> dataDir);
        registry.add("progress.event-store.url", () -> "jdbc:h2:file:" + dataDir + "/events;DB_CLOSE_ON_EXIT=FALSE");
    }

    /** The command side's event store, for tests that read or (for tamper tests) change it directly. */
    protected JdbcClient eventStoreTable() {
        return JdbcClient.create(eventStoreConnection.dataSource());
    }

    /** Appends one event of an aggregate, as the command side would, and returns its global position. */
    protected long append(String aggregateType, String aggregateId, Object payload) {
        return append(aggregateType, aggregateId, payload,
                MetaData.with("deliveryId", "test-delivery-" + UUID.randomUUID()));
    }

    /** Appends one event with the given metadata (the provenance the command side copies into every event). */
    protected long append(String aggregateType, String aggregateId, Object payload, MetaData metaData) {
        long sequence = SEQUENCES.computeIfAbsent(aggregateId, id -> new AtomicLong()).getAndIncrement();
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload, metaData));
        return JdbcClient.create(eventStoreConnection.dataSource())
                .sql("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?")
                .params(aggregateId, sequence)
                .query(Long.class)
                .single();
    }

    protected static Provenance provenance(String source) {
        return new Provenance(source, "sender-" + UUID.randomUUID(), "delivery-" + UUID.randomUUID(),
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    /** A number no other test of this run uses. */
    protected static long uniqueId() {
        return IDS.incrementAndGet();
    }

    protected Response get(String path) {
        return get(path, API_TOKEN);
    }

    protected Response get(String path, String token) {
        return send("GET", path, token);
    }

    protected Response post(String path, String token) {
        return send("POST", path, token, Map.of());
    }

    protected Response post(String path, String token, Map<String, String> headers) {
        return send("POST", path, token, headers);
    }

    private Response send(String method, String path, String token) {
        return send(method, path, token, Map.of());
    }

    /** A call with the given method, bearer token (none when null) and headers. */
    protected Response send(String method, String path, String token, Map<String, String> headers) {
        return send(method, path, token, headers, null);
    }

    /** A call with the given method, bearer token (none when null), headers and JSON body (none when null). */
    protected Response send(String method, String path, String token, Map<String, String> headers, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rebuilds a view from the first event and waits until dashboards read the new generation. A 409 means "a
     * rebuild just finished, retry in a moment": retried as a client would.
     */
    protected void rebuild(String projection) {
        int generation = get("/api/projections/" + projection).json().path("generation").asInt();
        await().atMost(Duration.ofSeconds(10)).until(
                () -> post("/api/admin/projections/" + projection + "/replay", ADMIN_TOKEN).status() == 202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = get("/api/projections/" + projection).json();
            assertThat(status.path("generation").asInt()).isEqualTo(generation + 1);
            assertThat(status.path("replaying").asBoolean()).isFalse();
        });
    }

    /**
     * A sample's value in the Prometheus scrape ({@code /actuator/prometheus}), the series named with its labels in
     * the exposition's order; empty when the series does not exist.
     */
    protected OptionalDouble metric(String series) {
        Response scrape = get("/actuator/prometheus", ADMIN_TOKEN);
        if (scrape.status() != 200) {
            throw new IllegalStateException("the Prometheus scrape answered " + scrape.status());
        }
        Matcher value = Pattern
                .compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape.body());
        return value.find() ? OptionalDouble.of(Double.parseDouble(value.group(1)))
                : OptionalDouble.empty();
    }

    /** An HTTP answer with its body as JSON. */
    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
