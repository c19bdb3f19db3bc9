package io.progressledger.command.delivery;

import io.progressledger.command.eventstore.RecordedEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One webhook call as the delivery log keeps it: what arrived (headers without secrets, the raw body), and how it
 * was answered.
 *
 * @param events       the events the call recorded
 * @param problem      the problem+json the caller received, when it was refused
 * @param retryOf      for a re-processing started by an operator, the delivery it re-processes
 * @param requestedBy  for a re-processing, who asked for it
 * @param body         the body as it arrived; null once removed
 * @param dataSubject  whose personal data the body holds (its key seals the stored body); null when none is named
 * @param bodyRemoved  why the body is not kept ({@code retention}, {@code erasure}, or
 *                     {@code unauthenticated}: a call refused before authentication keeps metadata only), null
 *                     while it is
 * @param bodySha256   the SHA-256 of the body as it arrived (hex), which stays when the body goes
 */
public record Delivery(
        String id,
        String source,
        Instant receivedAt,
        String clientAddress,
        Map<String, List<String>> headers,
        byte[] body,
        int bodySize,
        String eventType,
        String senderEventId,
        String idempotencyKey,
        Outcome outcome,
        int statusCode,
        Map<String, Object> problem,
        List<RecordedEvent> events,
        long durationMicros,
        boolean authenticated,
        String retryOf,
        String requestedBy,
        String dataSubject,
        String bodyRemoved,
        Instant bodyRemovedAt,
        String bodySha256) {

    /** Why a body was never kept: its call was refused before its sender was authenticated. */
    public static final String NOT_AUTHENTICATED = "unauthenticated";
}
