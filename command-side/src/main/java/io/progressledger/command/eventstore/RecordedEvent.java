package io.progressledger.command.eventstore;

/** An event a command appended: where it stands in its aggregate's stream and in the global order. */
public record RecordedEvent(String type, String aggregateId, long sequenceNumber, long globalPosition) {
}
