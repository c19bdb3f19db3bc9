package io.progressledger.events;

import java.time.Instant;

/**
 * Where a fact came from: the sending platform, the sender's own id for the event (or its natural key when the
 * sender has none), the delivery that carried it, and when that delivery reached us.
 */
public record Provenance(String source, String senderEventId, String deliveryId, Instant receivedAt) {
}
