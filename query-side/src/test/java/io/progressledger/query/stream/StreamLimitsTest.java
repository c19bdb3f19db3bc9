package io.progressledger.query.stream;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.query.QuerySideTest;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream's bounds, against the running application with small caps ({@link QuerySideTest}: 5 streams per
 * token, 8 in all, a heartbeat every second, 64 frames waiting at most): refusals beyond the caps are precise (429
 * per token, 503 overall, Retry-After, problem+json) and cost nothing lasting, normal reads still answer, slots come
 * back when clients leave, and a client that stops reading is disconnected rather than buffered for.
 */
class StreamLimitsTest extends QuerySideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPEN_STREAMS = "progress_stream_clients{application=\"query-side\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void noStreamOpen() {
        awaitOpenStreams(0);
    }

    @Test
    void streams_beyond_the_caps_are_refused_precisely_and_the_slots_come_back_when_clients_leave() throws Exception {
        List<HttpResponse<InputStream>> api = attempts(API_TOKEN, 200);
        List<HttpResponse<InputStream>> admin = attempts(ADMIN_TOKEN, 20);

        assertThat(opened(api)).hasSize(MAX_STREAMS_PER_CALLER);
        assertRefused(api, 429, "/problems/too-many-requests", 200 - MAX_STREAMS_PER_CALLER);
        assertThat(opened(admin)).hasSize(MAX_STREAMS - MAX_STREAMS_PER_CALLER);
        assertRefused(admin, 503, "/problems/overloaded", 20 - (MAX_STREAMS - MAX_STREAMS_PER_CALLER));
        assertThat(get("/api/projections").status()).isEqualTo(200);
        assertThat(metric(OPEN_STREAMS).orElseThrow()).isEqualTo(MAX_STREAMS);

        for (HttpResponse<InputStream> stream : opened(api)) {
            stream.body().close();
        }
        for (HttpResponse<InputStream> stream : opened(admin)) {
            stream.body().close();
        }
        awaitOpenStreams(0);
        List<HttpResponse<InputStream>> again = attempts(API_TOKEN, MAX_STREAMS_PER_CALLER);
        assertThat(opened(again)).hasSize(MAX_STREAMS_PER_CALLER);
        for (HttpResponse<InputStream> stream : again) {
            stream.body().close();
        }
    }

    @Test
    void ten_thousand_attempts_beyond_the_cap_are_all_refused_and_reads_still_answer() throws Exception {
        List<HttpResponse<InputStream>> held = attempts(API_TOKEN, MAX_STREAMS_PER_CALLER);
        assertThat(opened(held)).hasSize(MAX_STREAMS_PER_CALLER);
        Semaphore inFlight = new Semaphore(64);
        AtomicInteger refused = new AtomicInteger();
        ConcurrentHashMap<Integer, AtomicInteger> others = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            inFlight.acquire();
            all.add(http.sendAsync(stream(API_TOKEN), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        if (response != null && response.statusCode() == 429) {
                            refused.incrementAndGet();
                        } else {
                            others.computeIfAbsent(response == null ? -1 : response.statusCode(),
                                    status -> new AtomicInteger()).incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Response read = get("/api/projections");

        System.out.printf("10,000 refused stream attempts took %d ms%n", millis);
        assertThat(others).as("answers other than 429").isEmpty();
        assertThat(refused.get()).isEqualTo(10_000);
        assertThat(read.status()).isEqualTo(200);
        assertThat(metric(OPEN_STREAMS).orElseThrow()).isEqualTo(MAX_STREAMS_PER_CALLER);
        for (HttpResponse<InputStream> stream : held) {
            stream.body().close();
        }
        awaitOpenStreams(0);
    }

    @Test
    void a_client_that_stops_reading_is_disconnected_instead_of_buffered_for() throws Exception {
        String talent = "slow-" + UUID.randomUUID();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress("localhost", port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/stream?talentId=" + talent + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer "
                    + API_TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 200");
            awaitOpenStreams(1);

            // The client reads nothing more while 3,000 changes of its talent are recorded (~1 MB of frames).
            int published = 3000;
            List<EventMessage<?>> events = new ArrayList<>();
            Instant at = Instant.parse("2024-02-01T00:00:00Z");
            for (int i = 0; i < published; i++) {
                events.add(new GenericDomainEventMessage<>("Talent", talent, i, new TalentBlockUnlocked(talent, "u",
                        "block-" + i, "b", "p", "phase", i, BlockStatus.NOT_STARTED, List.of(), at, at,
                        provenance("phoenix")), MetaData.emptyInstance()));
            }
            eventStore.publish(events);
            awaitOpenStreams(0);

            int received = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                received += line.startsWith("id:") ? 1 : 0;
            }
            assertThat(received).as("events received before the stream was closed").isLessThan(published);
        }
    }

    private void assertRefused(List<HttpResponse<InputStream>> responses, int status, String type, int count)
            throws IOException {
        List<HttpResponse<InputStream>> refused = responses.stream().filter(r -> r.statusCode() == status).toList();
        assertThat(refused).as("refused with " + status).hasSize(count);
        assertThat(responses).as("every answer is a stream or the refusal")
                .allMatch(r -> r.statusCode() == 200 || r.statusCode() == status);
        for (HttpResponse<InputStream> response : refused) {
            try (InputStream body = response.body()) {
                JsonNode problem = JSON.readTree(body.readAllBytes());
                assertThat(response.headers().firstValue("content-type").orElseThrow())
                        .startsWith("application/problem+json");
                assertThat(response.headers().firstValue("retry-after")).contains("5");
                assertThat(problem.path("type").asString()).isEqualTo(type);
                assertThat(problem.path("status").asInt()).isEqualTo(status);
            }
        }
    }

    /** {@code count} stream requests at once; every answer's headers (streams stay open). */
    private List<HttpResponse<InputStream>> attempts(String token, int count) throws Exception {
        List<CompletableFuture<HttpResponse<InputStream>>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(http.sendAsync(stream(token), HttpResponse.BodyHandlers.ofInputStream()));
        }
        List<HttpResponse<InputStream>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<InputStream>> response : sent) {
            responses.add(response.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    private static List<HttpResponse<InputStream>> opened(List<HttpResponse<InputStream>> responses) {
        return responses.stream().filter(r -> r.statusCode() == 200).toList();
    }

    private HttpRequest stream(String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream"))
                .header("Authorization", "Bearer " + token).build();
    }

    private void awaitOpenStreams(int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(metric(OPEN_STREAMS).orElseThrow()).isEqualTo(count));
    }
}
