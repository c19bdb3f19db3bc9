package io.progressledger.bench.scenario;

import io.progressledger.bench.launch.AppProcess;
import io.progressledger.bench.launch.Credentials;
import io.progressledger.bench.load.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The query side's API as a dashboard (reader token) or an operator (admin token) calls it. */
public final class QueryApi {

    private final AppProcess querySide;
    private final Credentials credentials;
    private final Http http;
    private final JsonMapper json;
    private final AtomicLong statusCalls;

    QueryApi(AppProcess querySide, Credentials credentials, Http http, JsonMapper json, AtomicLong statusCalls) {
        this.querySide = querySide;
        this.credentials = credentials;
        this.http = http;
        this.json = json;
        this.statusCalls = statusCalls;
    }

    /** An answer: HTTP status and body. */
    public record Reply(int status, String body) {
    }

    public HttpRequest read(String path) {
        return HttpRequest.newBuilder(URI.create(querySide.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + credentials.apiToken())
                .GET().build();
    }

    public Reply get(String path) {
        return send(read(path));
    }

    public Reply post(String path) {
        return send(HttpRequest.newBuilder(URI.create(querySide.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + credentials.adminToken())
                .header("X-Actor", "benchmark")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A 200 read's JSON; anything else is an error naming the path. */
    public JsonNode json(String path) {
        return json(path, get(path));
    }

    /** A 200 admin read's JSON (the operations endpoints beyond health need the admin token). */
    public JsonNode adminJson(String path) {
        return json(path, send(HttpRequest.newBuilder(URI.create(querySide.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + credentials.adminToken())
                .GET().build()));
    }

    private JsonNode json(String path, Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return json.readTree(reply.body());
    }

    /** Every item of a paged list, following {@code nextCursor}. */
    public List<JsonNode> all(String path) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        String cursor = null;
        do {
            JsonNode page = json(path + separator + "limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(items::add);
            JsonNode next = page.path("nextCursor");
            cursor = next.isString() ? java.net.URLEncoder.encode(next.asString(), java.nio.charset.StandardCharsets.UTF_8) : null;
        } while (cursor != null);
        return items;
    }

    /**
     * Where each projection stands ({@code GET /api/projections}), the operator's status call. Each call is counted:
     * the harness makes them while the views work, and their cost on the query side is accounted in the results.
     */
    public List<JsonNode> projections() {
        statusCalls.incrementAndGet();
        List<JsonNode> items = new ArrayList<>();
        json("/api/projections").path("items").forEach(items::add);
        return items;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.client().send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
