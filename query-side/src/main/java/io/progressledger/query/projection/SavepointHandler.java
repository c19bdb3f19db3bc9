package io.progressledger.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one event to a view inside a savepoint of the batch's transaction, retrying a few times. If it still
 * fails, the savepoint is rolled back (no half-applied event stays in the view) and the failure reaches the
 * dead-letter queue, which parks the event; the rest of the batch goes on.
 */
final class SavepointHandler implements EventMessageHandler {

    private static final int ATTEMPTS = 3;
    private static final long FIRST_BACKOFF_MILLIS = 20;

    private final EventMessageHandler delegate;
    private final TransactionTemplate savepoint;

    SavepointHandler(EventMessageHandler delegate, PlatformTransactionManager transactionManager) {
        this.delegate = delegate;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return savepoint.execute(status -> {
                    try {
                        return delegate.handle(event);
                    } catch (Exception e) {
                        throw new Failure(e);
                    }
                });
            } catch (Failure failure) {
                if (attempt == ATTEMPTS) {
                    throw failure.cause;
                }
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS) {
                    throw failure;
                }
            }
            backOff(attempt);
        }
    }

    /** A short pause before trying again: long enough for a lock to clear, short enough to keep the batch moving. */
    private static void backOff(int attempt) throws InterruptedException {
        Thread.sleep(FIRST_BACKOFF_MILLIS << (attempt - 1));
    }

    @Override
    public boolean canHandle(EventMessage<?> message) {
        return delegate.canHandle(message);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return delegate.canHandleType(payloadType);
    }

    @Override
    public Class<?> getTargetType() {
        return delegate.getTargetType();
    }

    @Override
    public void prepareReset() {
        delegate.prepareReset();
    }

    @Override
    public boolean supportsReset() {
        return delegate.supportsReset();
    }

    /** Carries a checked exception out of the transaction callback. */
    private static final class Failure extends RuntimeException {

        private final Exception cause;

        Failure(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
