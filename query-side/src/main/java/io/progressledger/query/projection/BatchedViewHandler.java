package io.progressledger.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies a processor's batch of events to one slot of a view with one write: each event is folded into the batch's
 * {@link ViewBatch} as the processor hands it over, and the batch is written when the processor's unit of work
 * prepares to commit, in its transaction, with its token.
 * <p>
 * <b>Poison events.</b> When a batch's write fails, the unit of work rolls back (rows, token, nothing half-applied)
 * and the processor retries it from its token (Axon's back-off). Its events are remembered as suspects, and on the
 * retry each suspect is applied alone, in a savepoint, with a few tries: the one that still fails reaches Axon's
 * dead-letter queue, which parks it with the later events of its aggregate, and the others go through. Only a batch
 * that failed pays for event-by-event writes. Outside a processor's batch (re-processing parked events), every event
 * is applied alone and its failure goes back to the dead-letter queue.
 */
final class BatchedViewHandler implements EventMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(BatchedViewHandler.class);
    private static final int ATTEMPTS = 3;
    private static final long FIRST_BACKOFF_MILLIS = 20;
    /** Suspects are at most a few batches' events; a bound in case a node loses its segments before a retry. */
    private static final int MAX_SUSPECTS = 10_000;

    private final Projection projection;
    private final Slot slot;
    private final String resourceKey;
    private final TransactionTemplate savepoint;
    private final Set<String> suspects = ConcurrentHashMap.newKeySet();
    private final ClassValue<Boolean> handles = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return projection.eventTypes().stream().anyMatch(handled -> handled.isAssignableFrom(type));
        }
    };

    BatchedViewHandler(Projection projection, Slot slot, PlatformTransactionManager transactionManager) {
        this.projection = projection;
        this.slot = slot;
        this.resourceKey = BatchedViewHandler.class.getName() + "/" + projection.name() + "/" + slot;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        UnitOfWork<?> unit = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
        if (!(unit instanceof BatchingUnitOfWork<?>)) {
            applyAlone(event);
            return null;
        }
        Pending pending = unit.getOrComputeResource(resourceKey, key -> {
            Pending created = new Pending();
            unit.onPrepareCommit(committing -> created.write());
            return created;
        });
        if (suspects.remove(event.getIdentifier())) {
            pending.write(); // the events before it first: a view's rows change in the events' order
            applyAlone(event);
        } else {
            pending.add(event);
        }
        return null;
    }

    /** One event in a savepoint of the current transaction, retried a few times; the last failure is thrown. */
    private void applyAlone(EventMessage<?> event) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                savepoint.executeWithoutResult(status -> {
                    ViewBatch alone = projection.batch(slot);
                    alone.add(event);
                    alone.write();
                });
                return;
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS) {
                    throw failure;
                }
            }
            // A short pause: long enough for a lock to clear, short enough to keep the batch moving.
            Thread.sleep(FIRST_BACKOFF_MILLIS << (attempt - 1));
        }
    }

    /** The events of the current unit of work not written yet. */
    private final class Pending {

        private final List<String> identifiers = new ArrayList<>();
        private ViewBatch batch = projection.batch(slot);
        /** An event could not be folded: the batch's state is unknown, so it must not be written. */
        private RuntimeException broken;

        void add(EventMessage<?> event) {
            identifiers.add(event.getIdentifier());
            if (broken != null) {
                return;
            }
            try {
                batch.add(event);
            } catch (RuntimeException failure) {
                broken = failure;
            }
        }

        void write() {
            if (identifiers.isEmpty()) {
                return;
            }
            try {
                if (broken != null) {
                    throw broken;
                }
                batch.write();
            } catch (RuntimeException failure) {
                if (suspects.size() + identifiers.size() > MAX_SUSPECTS) {
                    suspects.clear();
                }
                suspects.addAll(identifiers);
                log.warn("{} ({}): a batch of {} events failed to write ({}); it is retried event by event",
                        projection.name(), slot, identifiers.size(), failure.getClass().getSimpleName());
                throw failure;
            } finally {
                identifiers.clear();
                batch = projection.batch(slot);
                broken = null;
            }
        }
    }

    @Override
    public boolean canHandle(EventMessage<?> message) {
        return handles.get(message.getPayloadType());
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handles.get(payloadType);
    }

    @Override
    public Class<?> getTargetType() {
        return projection.getClass();
    }
}
