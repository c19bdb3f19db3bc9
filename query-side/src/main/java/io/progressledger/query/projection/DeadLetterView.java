package io.progressledger.query.projection;

import java.time.Instant;

/** A parked event: what it was, why it was parked, and when. */
public record DeadLetterView(String eventIdentifier, String type, String aggregateIdentifier, Long sequenceNumber,
                             Long globalPosition, String cause, Instant enqueuedAt, Instant lastTouched) {
}
