package io.progressledger.command.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The store, with every event the command side appends signed in the same transaction ({@link EventSignatures}),
 * whichever path appended it (a webhook, a retry, an erasure): an event in the store without a valid signature was
 * not written by this application.
 */
final class SignedAppends implements EventStorageEngine {

    private final EventStorageEngine store;
    private final EventSignatures signatures;

    SignedAppends(EventStorageEngine store, EventSignatures signatures) {
        this.store = store;
        this.signatures = signatures;
    }

    /** The store itself. */
    EventStorageEngine store() {
        return store;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        store.appendEvents(events);
        signatures.sign(events.stream().map(EventMessage::getIdentifier).toList());
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        store.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return store.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return store.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return store.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return store.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }
}
