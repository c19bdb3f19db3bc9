package io.progressledger.query.stream;

import io.progressledger.query.dashboard.Webhooks;
import io.progressledger.query.endtoend.ApplicationProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard that loses its connection and comes back with {@code Last-Event-ID} misses nothing and sees nothing
 * twice: both applications run as in production, deliveries are posted for real to the command side before, during
 * and after the disconnection, and the stream's event ids are checked against the global positions the webhook
 * answers named. A client too far behind is told so, then goes on live.
 */
class StreamResumeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String READER = "resume-reader-Qx7Lp2Vn9Ds4Hk6W";
    private static final int MAX_REPLAY = 12;

    private static final List<ApplicationProcess> RUNNING = new ArrayList<>();
    private static Webhooks webhooks;
    private static ApplicationProcess querySide;

    private final List<HttpResponse<Stream<String>>> open = new ArrayList<>();
    private final String talent = "resume-" + UUID.randomUUID();
    private int blocks;

    @BeforeAll
    static void start() {
        String dataDir = Path.of("target", "e2e-data", UUID.randomUUID().toString()).toAbsolutePath().toString();
        ApplicationProcess commandSide = ApplicationProcess.start("resume-command", ApplicationProcess.COMMAND_JAR,
                ApplicationProcess.freePort(), Map.of("progress.data-dir", dataDir,
                        "progress.webhook.phoenix.token", Webhooks.PHOENIX_TOKEN));
        RUNNING.add(commandSide);
        querySide = ApplicationProcess.start("resume-query", ApplicationProcess.QUERY_JAR,
                ApplicationProcess.freePort(), Map.of("progress.data-dir", dataDir, "progress.api.token", READER,
                        "progress.stream.max-replay", Integer.toString(MAX_REPLAY)));
        RUNNING.add(querySide);
        webhooks = new Webhooks(commandSide.url(""));
    }

    @AfterAll
    static void stopAll() {
        RUNNING.forEach(ApplicationProcess::close);
    }

    @AfterEach
    void closeStreams() {
        open.forEach(response -> response.body().close());
    }

    @Test
    void a_client_resuming_with_last_event_id_gets_every_event_it_missed_once_in_order_then_live_ones()
            throws Exception {
        BlockingQueue<String> first = connect(Map.of());
        List<Long> before = post(3);
        List<Long> seenBefore = ids(first, 3);
        assertThat(seenBefore).isEqualTo(before);
        open.remove(0).body().close();

        List<Long> whileAway = post(5);
        BlockingQueue<String> resumed = connect(Map.of("Last-Event-ID", Long.toString(seenBefore.get(2))));
        List<Long> afterReconnect = post(3);
        List<Long> seenAfter = ids(resumed, 8);
        List<Long> later = post(1);

        List<Long> expected = new ArrayList<>(whileAway);
        expected.addAll(afterReconnect);
        assertThat(seenAfter).as("every event missed, then the live ones, in order, once").isEqualTo(expected);
        assertThat(ids(resumed, 1)).as("the next event is the next one posted, not a repeat").isEqualTo(later);
    }

    @Test
    void a_client_too_far_behind_is_told_so_then_gets_live_events() throws Exception {
        List<Long> history = post(MAX_REPLAY + 3);
        BlockingQueue<String> resumed = connect(Map.of("Last-Event-ID", "1"));

        Map<String, String> notice = nextEvent(resumed);
        List<Long> live = post(1);

        JsonNode data = JSON.readTree(notice.get("data"));
        assertThat(notice.get("event")).isEqualTo("TooFarBehind");
        assertThat(data.path("after").asLong()).isEqualTo(1);
        assertThat(data.path("head").asLong()).isGreaterThanOrEqualTo(history.get(history.size() - 1));
        assertThat(data.path("maxReplay").asLong()).isEqualTo(MAX_REPLAY);
        assertThat(notice.get("id")).isEqualTo(data.path("head").asString());
        assertThat(ids(resumed, 1)).isEqualTo(live);
    }

    /** Posts {@code count} new blocks of the talent to the command side; the global position of each event. */
    private List<Long> post(int count) {
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks++;
            JsonNode answer = webhooks.phoenix(new Webhooks.Block(talent, "resume-user", "block-" + blocks,
                    "b" + blocks, blocks, "NOT_STARTED", "resume-program", "phase-1", "2024-05-01T09:00:00.000Z"));
            positions.add(Webhooks.position(answer));
        }
        return positions;
    }

    /** Opens the talent's stream; its lines, as they come, once the connection comment arrived. */
    private BlockingQueue<String> connect(Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(querySide.url("/api/stream?talentId=" + talent)))
                .header("Authorization", "Bearer " + READER);
        headers.forEach(request::header);
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        open.add(response);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "stream-reader");
        reader.setDaemon(true);
        reader.start();
        assertThat(lines.poll(30, TimeUnit.SECONDS)).isEqualTo(":connected");
        return lines;
    }

    /** The ids of the next {@code count} events, which must all be changes of the talent. */
    private static List<Long> ids(BlockingQueue<String> lines, int count) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        while (ids.size() < count) {
            Map<String, String> event = nextEvent(lines);
            assertThat(event.get("event")).isEqualTo("TalentBlockUnlocked");
            assertThat(JSON.readTree(event.get("data")).path("position").asString()).isEqualTo(event.get("id"));
            ids.add(Long.parseLong(event.get("id")));
        }
        return ids;
    }

    /** The next event of the stream, its fields by name; comments skipped. */
    private static Map<String, String> nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (true) {
            String line = lines.poll(30, TimeUnit.SECONDS);
            assertThat(line).as("the next line of the stream within 30 s").isNotNull();
            if (line.isEmpty() && !fields.isEmpty()) {
                return fields;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
    }
}
