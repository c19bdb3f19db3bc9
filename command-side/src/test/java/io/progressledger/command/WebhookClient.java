package io.progressledger.command;

import com.standardwebhooks.Webhook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Posts webhooks over real HTTP, as the senders do: bearer tokens, Standard Webhooks signatures, raw bytes. */
public final class WebhookClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public WebhookClient(int port) {
        this.port = port;
    }

    public Reply post(String source, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/" + source))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                    response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any call on the same server (the admin API), with a JSON body or none. */
    public Reply call(String method, String path, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** A plain GET on the same server (the actuator, the admin API), with the headers given. */
    public Reply get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public Reply postJson(String source, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", "application/json");
        all.putAll(headers);
        return post(source, body.getBytes(StandardCharsets.UTF_8), all);
    }

    public Reply phoenix(String body) {
        return postJson("phoenix", body, bearer(CommandSideTest.PHOENIX_TOKEN));
    }

    public Reply toolzz(String body) {
        return postJson("toolzz", body, signed(CommandSideTest.TOOLZZ_SECRET, UUID.randomUUID().toString(), body,
                Instant.now()));
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** Signs as a Standard Webhooks sender does, with the reference library. */
    public static Map<String, String> signed(String secret, String webhookId, String body, Instant at) {
        try {
            long timestamp = at.getEpochSecond();
            return Map.of("webhook-id", webhookId, "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", new Webhook(secret).sign(webhookId, timestamp, body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, content type, headers and the body (parsed as JSON on demand). */
    public record Reply(int status, String contentType, Map<String, java.util.List<String>> headers, byte[] body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
