package io.progressledger.query.projection;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A parked event: what it was, why it was parked, and when. */
public record DeadLetterView(String eventIdentifier, String type, @Nullable String aggregateIdentifier,
                             @Nullable Long sequenceNumber, @Nullable Long globalPosition, @Nullable String cause,
                             Instant enqueuedAt, Instant lastTouched) {
}
