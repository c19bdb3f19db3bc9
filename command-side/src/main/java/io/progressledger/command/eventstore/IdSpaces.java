package io.progressledger.command.eventstore;

import io.progressledger.events.AggregateType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event store as the aggregates see it, one id space per aggregate type ({@link AggregateType}). Loading an
 * aggregate reads its namespaced id and the id its events were stored under before ids were namespaced, keeping
 * only the events whose payload names this very aggregate ({@link AggregateType#idOf}): an old stream that two types
 * shared (a talent whose id was a learner's or a trail's) splits cleanly, and no stored event is rewritten.
 * <p>
 * New events go to the namespaced id, numbered after every event stored under it. One case needs help: an aggregate
 * with no event of its own yet, whose namespaced id already holds another aggregate's old events (a learner's id
 * that an old talent used). Axon numbers a new aggregate's first event 0, which that id already holds; this store
 * numbers such an aggregate's events after the foreign ones instead (it remembers them, in the unit of work, from
 * the load that found none of the aggregate's own).
 */
final class IdSpaces extends ForwardingStorageEngine {

    private static final String FOREIGN_TAILS = IdSpaces.class.getName() + ".foreignTails";

    IdSpaces(EventStorageEngine store) {
        super(store);
    }

    /**
     * The statement that reads a batch of an aggregate's events (Axon's, with both ids): under its id and under the
     * id its events were stored under before ids were namespaced, in one {@code SELECT}.
     */
    static PreparedStatement readAggregate(Connection connection, EventSchema schema, String aggregateIdentifier,
                                           long firstSequenceNumber, int batchSize) throws SQLException {
        String legacyId = AggregateType.typeOf(aggregateIdentifier).map(type -> type.legacyIdOf(aggregateIdentifier))
                .orElse(aggregateIdentifier);
        boolean twoIds = !legacyId.equals(aggregateIdentifier);
        PreparedStatement statement = connection.prepareStatement(readAggregateSql(schema, twoIds));
        bindReadAggregate(statement, twoIds, aggregateIdentifier, legacyId, firstSequenceNumber, batchSize);
        return statement;
    }

    /**
     * One indexed range read per id, joined by {@code UNION ALL}. Not {@code IN (?, ?)}: H2 then walks the whole
     * (aggregateIdentifier, sequenceNumber) index testing each row against the list, a read of every event in the
     * store per command (23 ms per load at 200,000 events, growing with the store).
     */
    static String readAggregateSql(EventSchema schema, boolean twoIds) {
        String oneId = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " >= ? AND "
                + schema.sequenceNumberColumn() + " < ?";
        return (twoIds ? oneId + " UNION ALL " + oneId : oneId) + " ORDER BY " + schema.sequenceNumberColumn() + " ASC";
    }

    static void bindReadAggregate(PreparedStatement statement, boolean twoIds, String aggregateIdentifier,
                                  String legacyId, long firstSequenceNumber, int batchSize) throws SQLException {
        statement.setString(1, aggregateIdentifier);
        statement.setLong(2, firstSequenceNumber);
        statement.setLong(3, firstSequenceNumber + batchSize);
        if (twoIds) {
            statement.setString(4, legacyId);
            statement.setLong(5, firstSequenceNumber);
            statement.setLong(6, firstSequenceNumber + batchSize);
        }
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        DomainEventStream stream = store.readEvents(aggregateIdentifier, firstSequenceNumber);
        if (AggregateType.typeOf(aggregateIdentifier).isEmpty()) {
            return stream;
        }
        List<DomainEventMessage<?>> own = new ArrayList<>();
        Long lastUnderThisId = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (aggregateIdentifier.equals(AggregateType.idOf(event.getPayload()))) {
                own.add(event);
            }
            if (aggregateIdentifier.equals(event.getAggregateIdentifier())) {
                lastUnderThisId = max(lastUnderThisId, event.getSequenceNumber());
            }
        }
        if (own.isEmpty() && lastUnderThisId != null && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().<Map<String, Long>>getOrComputeResource(FOREIGN_TAILS,
                    key -> new HashMap<>()).put(aggregateIdentifier, lastUnderThisId);
        }
        Long lastSequenceNumber = stream.getLastSequenceNumber();
        return DomainEventStream.of(own.stream(), () -> lastSequenceNumber);
    }

    /** Appends, numbering a new aggregate's events after another aggregate's old events under the same id. */
    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, Long> foreignTails = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getResource(FOREIGN_TAILS) : null;
        if (foreignTails == null || foreignTails.isEmpty()) {
            store.appendEvents(events);
            return;
        }
        List<EventMessage<?>> renumbered = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            Long tail = event instanceof DomainEventMessage<?> domain
                    ? foreignTails.get(domain.getAggregateIdentifier()) : null;
            if (tail == null) {
                renumbered.add(event);
            } else {
                DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
                renumbered.add(new GenericDomainEventMessage<>(domain.getType(), domain.getAggregateIdentifier(),
                        tail + 1 + domain.getSequenceNumber(), domain, domain.getTimestamp()));
            }
        }
        store.appendEvents(renumbered);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Optional<AggregateType> type = AggregateType.typeOf(aggregateIdentifier);
        Optional<Long> current = store.lastSequenceNumberFor(aggregateIdentifier);
        if (type.isEmpty()) {
            return current;
        }
        Optional<Long> legacy = store.lastSequenceNumberFor(type.get().legacyIdOf(aggregateIdentifier));
        return Optional.ofNullable(max(current.orElse(null), legacy.orElse(null)));
    }

    private static Long max(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }
}
