package io.progressledger.command.webhook;

import io.progressledger.command.Utf8;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The first step of every call, in a fixed order: size, encoding, credentials, media type, JSON. Nothing here reads
 * what the body means: a call is let through as a well-formed JSON document from an authenticated sender, or refused
 * with the first problem found. Pure: it neither stores nor logs.
 */
@Component
public class Gate {

    private final Authenticator authenticator;
    private final long maxBodySize;

    public Gate(Authenticator authenticator, IngestionProperties properties) {
        this.authenticator = authenticator;
        this.maxBodySize = properties.maxBodySize().toBytes();
    }

    /** Where a call stands once through the gate: open, with its parsed body, or refused. */
    public sealed interface Passage {

        /** What was learned of the call on the way, kept whatever happens next. */
        Reading reading();
    }

    /** A well-formed JSON document from an authenticated sender. */
    public record Open(Reading reading, JsonNode body) implements Passage {
    }

    /** Refused at the gate. */
    public record Closed(Reading reading, Verdict.Refused verdict) implements Passage {
    }

    /**
     * @param preAuthenticated a call that was authenticated when it first arrived (an operator's re-processing):
     *                         size, encoding and credentials were checked then
     */
    public Passage check(IncomingCall call, boolean preAuthenticated) {
        Reading reading = Reading.AUTHENTICATED;
        if (!preAuthenticated) {
            Optional<Verdict.Refused> refused = credentialsAndSize(call);
            if (refused.isPresent()) {
                return new Closed(Reading.UNAUTHENTICATED, refused.get());
            }
        }
        Optional<Verdict.Refused> badId = webhookId(call);
        if (badId.isPresent()) {
            return new Closed(reading, badId.get());
        }
        String contentType = Headers.first(call.headers(), "content-type");
        if (!isJson(contentType)) {
            return new Closed(reading, new Verdict.Refused(WebhookProblem.UNSUPPORTED_MEDIA_TYPE,
                    // The header is not echoed: whoever calls writes it, up to Tomcat's header limit.
                    "Content-Type must be application/json (UTF-8)"
                            + (contentType == null ? "; none was sent" : "")));
        }
        if (call.body().length == 0 || new String(call.body(), StandardCharsets.UTF_8).isBlank()) {
            return new Closed(reading, new Verdict.Refused(WebhookProblem.EMPTY_BODY,
                    "the body is empty; a JSON object is expected"));
        }
        try {
            JsonNode body = StrictJson.parse(call.body());
            return new Open(reading.parsed(body), body);
        } catch (StrictJson.Malformed e) {
            String where = e.line() > 0 ? "line " + e.line() + ", column " + e.column() + ": " : "";
            return new Closed(reading, new Verdict.Refused(WebhookProblem.MALFORMED_JSON, where + e.getMessage()));
        }
    }

    private Optional<Verdict.Refused> credentialsAndSize(IncomingCall call) {
        if (call.oversized()) {
            return Optional.of(new Verdict.Refused(WebhookProblem.PAYLOAD_TOO_LARGE, "the body is larger than "
                    + maxBodySize + " bytes"));
        }
        Optional<String> text = Utf8.decode(call.body());
        if (text.isEmpty()) {
            return Optional.of(new Verdict.Refused(WebhookProblem.INVALID_ENCODING, "the body is not valid UTF-8"));
        }
        Authentication authentication = authenticator.authenticate(call.source(), call.headers(), text.get());
        if (!authentication.authenticated()) {
            return Optional.of(new Verdict.Refused(WebhookProblem.UNAUTHENTICATED, authentication.detail()));
        }
        return Optional.empty();
    }

    /**
     * The most characters of a {@code webhook-id}: Standard Webhooks does not bound it, and its ids are short
     * ({@code msg_} and a few dozen characters); the ledger keeps it as the delivery's idempotency key.
     */
    static final int MAX_WEBHOOK_ID = 255;

    /** A {@code webhook-id}, when sent, is 1 to 255 visible ASCII characters. */
    private static Optional<Verdict.Refused> webhookId(IncomingCall call) {
        String id = Headers.first(call.headers(), "webhook-id");
        if (id == null) {
            return Optional.empty();
        }
        String problem = id.isEmpty() ? "must not be empty"
                : id.length() > MAX_WEBHOOK_ID ? "must be at most " + MAX_WEBHOOK_ID + " characters, not " + id.length()
                : id.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? null
                : "must be visible ASCII characters only (no spaces or control characters)";
        return problem == null ? Optional.empty() : Optional.of(new Verdict.Refused(WebhookProblem.INVALID_HEADER,
                "webhook-id " + problem, java.util.List.of(FieldError.ofHeader("webhook-id", problem))));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "json".equals(type.getSubtypeSuffix());
            return json && (type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }
}
