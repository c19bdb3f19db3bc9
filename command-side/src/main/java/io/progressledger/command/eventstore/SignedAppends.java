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
final class SignedAppends extends ForwardingStorageEngine {

    private final EventSignatures signatures;

    SignedAppends(EventStorageEngine store, EventSignatures signatures) {
        super(store);
        this.signatures = signatures;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        store.appendEvents(events);
        signatures.sign(events.stream().map(EventMessage::getIdentifier).toList());
    }
}
