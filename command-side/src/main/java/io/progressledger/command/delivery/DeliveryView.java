package io.progressledger.command.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.progressledger.command.Utf8;
import io.progressledger.command.eventstore.RecordedEvent;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A delivery-log entry as the admin API shows it. Lists leave out what only a single entry shows: the headers
 * (credentials redacted), the raw body (as text, or base64 when it is not UTF-8), the problem answered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
        String id,
        String source,
        Instant receivedAt,
        String clientAddress,
        String eventType,
        String senderEventId,
        String outcome,
        int statusCode,
        long durationMicros,
        boolean authenticated,
        List<RecordedEvent> events,
        String retryOf,
        String requestedBy,
        String idempotencyKey,
        Map<String, List<String>> headers,
        Integer bodySize,
        String bodySha256,
        String bodyEncoding,
        String body,
        BodyRemoved bodyRemoved,
        Map<String, Object> problem) {

    /** Why and when the body stopped being kept: {@code retention} (its period ended) or {@code erasure}. */
    public record BodyRemoved(String reason, Instant at) {
    }

    static DeliveryView summary(Delivery d) {
        return new DeliveryView(d.id(), d.source(), d.receivedAt(), d.clientAddress(), d.eventType(),
                d.senderEventId(), d.outcome().wireName(), d.statusCode(), d.durationMicros(), d.authenticated(),
                d.events(), d.retryOf(), d.requestedBy(), null, null, null, null, null, null, null, null);
    }

    static DeliveryView detail(Delivery d) {
        String text = d.body() == null ? null : Utf8.decode(d.body()).orElse(null);
        String encoding = d.body() == null ? null : text != null ? "utf-8" : "base64";
        String body = d.body() == null ? null : text != null ? text : Base64.getEncoder().encodeToString(d.body());
        BodyRemoved removed = d.bodyRemoved() == null ? null : new BodyRemoved(d.bodyRemoved(), d.bodyRemovedAt());
        return new DeliveryView(d.id(), d.source(), d.receivedAt(), d.clientAddress(), d.eventType(),
                d.senderEventId(), d.outcome().wireName(), d.statusCode(), d.durationMicros(), d.authenticated(),
                d.events(), d.retryOf(), d.requestedBy(), d.idempotencyKey(), d.headers(), d.bodySize(),
                d.bodySha256(), encoding,
                body, removed, d.problem());
    }

}
