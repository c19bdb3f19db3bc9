package io.progressledger.command.eventstore;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Objects;

/**
 * Aggregates kept in memory between commands, so that a command on an aggregate this node handled before does not
 * read and replay its events again, and yet never decided on a stale copy: before a cached aggregate is used, the
 * store's last sequence number for it (one indexed {@code SELECT max}) must equal the cached version. Another node
 * that appended in between makes them differ; the entry is dropped and the aggregate read from the store. Within
 * the node, commands on an aggregate take turns (ingestion's aggregate locks), so the entry is current after every
 * commit; a rolled-back command drops it (Axon). Entries are weakly held: memory gives them up first.
 */
public final class VerifiedCachingRepository {

    private VerifiedCachingRepository() {
    }

    public static <T> EventSourcingRepository<T> of(Class<T> aggregateType, EventStore eventStore) {
        Cache cache = new WeakReferenceCache();
        return new CachingEventSourcingRepository<>(EventSourcingRepository.builder(aggregateType)
                .eventStore(eventStore)
                .cache(cache)) {
            @Override
            protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
                boolean cached = cache.containsKey(aggregateIdentifier);
                EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
                if (cached && !Objects.equals(aggregate.version(),
                        eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null))) {
                    cache.remove(aggregateIdentifier);
                    aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
                }
                return aggregate;
            }
        };
    }
}
