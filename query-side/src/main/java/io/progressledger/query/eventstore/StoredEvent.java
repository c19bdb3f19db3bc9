package io.progressledger.query.eventstore;

/** An event exactly as the event store holds it: the bytes an auditor can check, and their place in the log. */
public record StoredEvent(long globalPosition, String aggregateType, String aggregateId, long sequenceNumber,
                          String eventIdentifier, String payloadType, String payloadRevision, String timestamp,
                          byte[] payload, byte[] metaData) {
}
