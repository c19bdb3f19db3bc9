package io.progressledger.query.audit;

import io.progressledger.query.eventstore.JdbcEventStore;
import io.progressledger.query.eventstore.EventLog;
import io.progressledger.query.eventstore.EventRewrite;
import io.progressledger.query.eventstore.StoredEvent;

import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewBatch;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps the tamper-evidence chain: links every event to the previous one by hashing the bytes the store holds (not
 * the deserialized record, so the chain checks exactly what an auditor can read). One segment only: the chain has a
 * single order. Links are computed per batch, with one read of the batch's stored rows and one batch of inserts.
 */
@Component
@JdbcEventStore
public class AuditChainProjection implements Projection {

    public static final String NAME = "audit-chain";

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
    public Set<Class<?>> eventTypes() {
        return Set.of(Object.class);
    }

    @Override
    public ViewBatch batch(Slot slot) {
        return new Batch(slot);
    }

    private final class Batch implements ViewBatch {

        private final Slot slot;
        private final List<String> identifiers = new ArrayList<>();

        Batch(Slot slot) {
            this.slot = slot;
        }

        /**
         * Every event, whatever its type, in the order the processor sees them. Events are identified by their event
         * identifier: the tracking token's position is the stream's (for an event that filled a gap it is the
         * highest position seen, not the event's own).
         */
        @Override
        public void add(EventMessage<?> event) {
            identifiers.add(event.getIdentifier());
        }

        /** Links the batch's events, with one read of their stored rows and one batch of inserts. */
        @Override
        public void write() {
            if (identifiers.isEmpty()) {
                return;
            }
            Map<String, StoredEvent> stored = eventLog.withIdentifiers(identifiers).stream()
                    .collect(Collectors.toMap(StoredEvent::eventIdentifier, Function.identity()));
            Map<Long, EventRewrite> rewrites = eventLog.rewritesAt(stored.values().stream()
                    .map(StoredEvent::globalPosition).toList());
            AuditChain.Link head = chain.head(slot);
            String previous = head.link();
            long index = head.chainIndex();
            List<AuditChain.Link> links = new ArrayList<>(identifiers.size());
            for (String identifier : identifiers) {
                StoredEvent event = stored.get(identifier);
                if (event == null) {
                    throw new IllegalStateException("event " + identifier + " is not in the store");
                }
                previous = ChainLink.of(previous, event, rewrites.get(event.globalPosition()));
                links.add(new AuditChain.Link(++index, event.globalPosition(), previous));
            }
            chain.append(slot, identifiers, links);
        }
    }
}
