package io.progressledger.query.stream;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Live dashboards receive each change of progress as a Server-Sent Event, filtered as they asked. */
class LiveStreamTest extends QuerySideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_client_receives_the_changes_of_its_talent_only_with_their_positions() throws Exception {
        String watched = UUID.randomUUID().toString();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> connection = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream?talentId=" + watched))
                        .header("Authorization", "Bearer " + API_TOKEN).build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = connection.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(":connected");

        unlock(UUID.randomUUID().toString());
        long position = unlock(watched);

        String id = next(lines, "id:");
        String event = next(lines, "event:");
        JsonNode data = JSON.readTree(next(lines, "data:").substring("data:".length()));
        assertThat(id).isEqualTo("id:" + position);
        assertThat(event).isEqualTo("event:TalentBlockUnlocked");
        assertThat(data.path("talentId").asString()).isEqualTo(watched);
        assertThat(data.path("position").asLong()).isEqualTo(position);
        assertThat(data.path("status").asString()).isEqualTo("NOT_STARTED");
        response.body().close();
    }

    @Test
    void the_stream_needs_the_api_token() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** The next line starting with the prefix, skipping blank separators and comments. */
    private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("a line starting with " + prefix + " within 10 s").isNotNull();
            if (line.startsWith(prefix)) {
                return line;
            }
            assertThat(line.isBlank() || line.startsWith(":")).as("unexpected line " + line).isTrue();
        }
    }

    private long unlock(String talent) {
        Instant at = Instant.parse("2023-01-01T00:00:00Z");
        return append("Talent", talent, new TalentBlockUnlocked(talent, "user", "block", "block", "program",
                "phase", 1, BlockStatus.NOT_STARTED, List.of(), at, at, provenance("phoenix")));
    }
}
