package io.progressledger.query.audit;

import io.progressledger.query.eventstore.JdbcEventStore;
import io.progressledger.query.eventstore.EventLog;
import io.progressledger.query.eventstore.EventRewrite;
import io.progressledger.query.eventstore.StoredEvent;

import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps the tamper-evidence chain: links every event to the previous one by hashing the bytes the store holds (not
 * the deserialized record, so the chain checks exactly what an auditor can read). One segment only: the chain has a
 * single order. Links are computed per batch, with one read of the batch's stored rows.
 */
@Component
@JdbcEventStore
public class AuditChainProjection implements Projection {

    public static final String NAME = "audit-chain";
    private static final String PENDING = AuditChainProjection.class.getName() + ".pending";

    private final AuditChain chain;
    private final EventLog eventLog;

    public AuditChainProjection(AuditChain chain, EventLog eventLog) {
        this.chain = chain;
        this.eventLog = eventLog;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(AuditChain.TABLE);
    }

    @Override
    public boolean singleOrder() {
        return true;
    }

    @Override
    public Object writerFor(Slot slot) {
        return new Writer(slot);
    }

    final class Writer {

        private final Slot slot;

        Writer(Slot slot) {
            this.slot = slot;
        }

        /**
         * Every event, whatever its type: collected in the order the processor sees them, linked when the batch
         * commits. Events are identified by their event identifier: the tracking token's position is the stream's
         * (for an event that filled a gap it is the highest position seen, not the event's own).
         */
        @EventHandler
        void on(Object anyEvent, EventMessage<?> message) {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            List<String> pending = batch.getOrComputeResource(PENDING, key -> {
                List<String> identifiers = new ArrayList<>();
                batch.onPrepareCommit(unit -> link(identifiers));
                return identifiers;
            });
            pending.add(message.getIdentifier());
        }

        private void link(List<String> identifiers) {
            Map<String, StoredEvent> stored = eventLog.withIdentifiers(identifiers).stream()
                    .collect(Collectors.toMap(StoredEvent::eventIdentifier, Function.identity()));
            Map<Long, EventRewrite> rewrites = eventLog.rewritesAt(stored.values().stream()
                    .map(StoredEvent::globalPosition).toList());
            AuditChain.Link head = chain.head(slot);
            String previous = head.link();
            long index = head.chainIndex();
            for (String identifier : identifiers) {
                StoredEvent event = stored.get(identifier);
                if (event == null) {
                    throw new IllegalStateException("event " + identifier + " is not in the store");
                }
                previous = ChainLink.of(previous, event, rewrites.get(event.globalPosition()));
                chain.append(slot, ++index, event.globalPosition(), identifier, previous);
            }
        }
    }
}
