package io.progressledger.command.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.util.stream.Stream;

/**
 * Axon's JDBC event store without the two reads that can only find nothing here, one of each per command: the
 * snapshot table is never written (no aggregate is configured with a snapshotter), so its read is skipped; and an
 * aggregate's events are read in batches of consecutive sequence numbers, so a batch shorter than asked is the last
 * one (Axon's default reads on until a batch comes back empty: one more {@code SELECT} per command). An aggregate's
 * events are read under its id and the id of earlier versions in that one {@code SELECT} ({@link IdSpaces}).
 */
public final class LeanJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** Events read per round trip while an aggregate is loaded (Axon's default). */
    static final int BATCH_SIZE = 100;

    private LeanJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    public static LeanJdbcEventStorageEngine create(Serializer eventSerializer, Serializer snapshotSerializer,
                                                    EventUpcaster upcasters,
                                                    PersistenceExceptionResolver persistenceExceptionResolver,
                                                    ConnectionProvider connectionProvider,
                                                    TransactionManager transactionManager) {
        Builder builder = JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(upcasters)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .dataType(byte[].class)
                .batchSize(BATCH_SIZE)
                .readEventDataForAggregate(IdSpaces::readAggregate)
                .finalAggregateBatchPredicate(batch -> batch.size() < BATCH_SIZE);
        return new LeanJdbcEventStorageEngine(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
