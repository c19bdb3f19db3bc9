package io.progressledger.command.webhook;

import org.springframework.http.HttpStatus;

/**
 * Every way a webhook call can be refused, with the status and the RFC 9457 problem type it is answered with. The
 * README's section for senders lists them with what a sender should do about each.
 */
public enum WebhookProblem {
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json", "Body is not well-formed JSON"),
    EMPTY_BODY(HttpStatus.BAD_REQUEST, "empty-body", "Body is empty"),
    INVALID_ENCODING(HttpStatus.BAD_REQUEST, "invalid-encoding", "Body is not UTF-8"),
    INVALID_HEADER(HttpStatus.BAD_REQUEST, "invalid-header", "A header is not valid"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication failed"),
    CONFLICTING_CONTENT(HttpStatus.CONFLICT, "conflicting-content", "Delivery contradicts a recorded fact"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Body exceeds the size limit"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Body must be JSON"),
    INVALID_PAYLOAD(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-payload", "Body does not match the event's schema"),
    UNSUPPORTED_VERSION(HttpStatus.UNPROCESSABLE_CONTENT, "unsupported-version", "Event version is not supported"),
    INCONSISTENT_IDENTIFIERS(HttpStatus.UNPROCESSABLE_CONTENT, "inconsistent-identifiers",
            "Identifiers in the body disagree"),
    REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request not received in time"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many refused calls from this client"),
    OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Too many deliveries at once"),
    STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Event store is unavailable"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

    private final HttpStatus status;
    private final String slug;
    private final String title;

    WebhookProblem(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The last segment of the problem type, e.g. {@code malformed-json}. */
    public String slug() {
        return slug;
    }

    /** The problem type, a URI reference relative to the server. */
    public String type() {
        return "/problems/" + slug;
    }

    public String title() {
        return title;
    }
}
