package io.progressledger.command.eventstore;

/**
 * An event a command appended: where it stands in its aggregate's stream and in the global order
 * ({@code globalPosition} is null with Axon Server, which does not expose it to the writer).
 */
public record RecordedEvent(String type, String aggregateId, long sequenceNumber, Long globalPosition) {
}
