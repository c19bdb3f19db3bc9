package io.progressledger.query.projection;

import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads with {@code ?minPosition=} for a position no view has reached, many at once, against the running application
 * ({@link QuerySideTest}: at most {@value QuerySideTest#MAX_WAITING_READS} wait, each up to 1 s): those beyond the
 * bound are answered 503 at once with Retry-After, a normal read still answers, and the waiting ones cost a shared
 * read of the token table per refresh, not a pool acquisition per waiter every few milliseconds.
 */
class ReadYourWritesLimitsTest extends QuerySideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ACQUIRED = Pattern.compile(
            "^hikaricp_connections_acquire_seconds_count\\{[^}]*} (\\S+)$", Pattern.MULTILINE);
    private static final int READERS = 64;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reads_beyond_the_bound_are_refused_at_once_and_the_waiting_ones_do_not_drain_the_pool() throws Exception {
        long unreached = eventStoreTable().sql("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry")
                .query(Long.class).single() + 1_000_000;
        await().atMost(Duration.ofSeconds(60)).until(() -> waiting() == 0);
        double acquiredBefore = acquisitions();
        double refusedBefore = metric("progress_read_your_writes_refused_total{application=\"query-side\"}")
                .orElse(0);
        long started = System.nanoTime();

        List<CompletableFuture<HttpResponse<String>>> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            readers.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/overview?minPosition=" + unreached))
                    .header("Authorization", "Bearer " + API_TOKEN).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Response normal = get("/api/overview");
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> reader : readers) {
            answers.add(reader.get(120, TimeUnit.SECONDS));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double acquired = acquisitions() - acquiredBefore;

        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 503).toList();
        List<HttpResponse<String>> waited = answers.stream().filter(a -> a.statusCode() == 504).toList();
        System.out.printf("%d reads for an unreached position: %d refused, %d waited 1 s; %.0f pool acquisitions "
                + "in %.1f s%n", READERS, refused.size(), waited.size(), acquired, seconds);
        assertThat(normal.status()).isEqualTo(200);
        assertThat(refused.size() + waited.size()).as("every answer is a refusal or the timeout").isEqualTo(READERS);
        // Waiters leave after 1 s, so on a slow machine a few late readers may wait in their place: not many.
        assertThat(refused.size()).isGreaterThanOrEqualTo(READERS / 2);
        for (HttpResponse<String> answer : refused) {
            assertThat(answer.headers().firstValue("content-type").orElseThrow())
                    .startsWith("application/problem+json");
            assertThat(answer.headers().firstValue("retry-after")).contains("1");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("type").asString()).isEqualTo("/problems/overloaded");
            assertThat(problem.path("status").asInt()).isEqualTo(503);
        }
        for (HttpResponse<String> answer : waited) {
            assertThat(JSON.readTree(answer.body()).path("type").asString()).isEqualTo("/problems/views-behind");
        }
        assertThat(metric("progress_read_your_writes_refused_total{application=\"query-side\"}").orElseThrow()
                - refusedBefore).isEqualTo(refused.size());
        // Polling, each waiting read took a connection every 5 ms: 200 a second per waiter, 12,800 a second for 64.
        // Now the waiters of a view share one read of the token table per refresh (20 a second); beside them, each
        // read, the scrapes and the processors take a few of their own.
        assertThat(acquired).as("pool acquisitions while reads waited")
                .isLessThan(READERS * 4 + seconds * 150);
    }

    private int waiting() {
        return (int) metric("progress_read_your_writes_waiting{application=\"query-side\"}").orElse(0);
    }

    /** Connections taken from every Hikari pool of the application so far. */
    private double acquisitions() {
        Response scrape = get("/actuator/prometheus", ADMIN_TOKEN);
        Matcher count = ACQUIRED.matcher(scrape.body());
        double total = 0;
        while (count.find()) {
            total += Double.parseDouble(count.group(1));
        }
        assertThat(total).as("hikaricp_connections_acquire_seconds_count in the scrape").isPositive();
        return total;
    }
}
