package io.progressledger.command.webhook;

import io.progressledger.events.Provenance;

import java.time.Instant;

/** What the ledger knows of a delivery before reading it: its own id for the call, the source, the arrival time. */
public record Receipt(String deliveryId, String source, Instant receivedAt) {

    public Provenance provenance(String senderEventId) {
        return new Provenance(source, senderEventId, deliveryId, receivedAt);
    }
}
