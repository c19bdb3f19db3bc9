package io.progressledger.command.webhook;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells an unreachable database (the sender should retry later) and a busy one (every pooled connection in use past
 * the pool's wait: load, not an outage) from every other failure.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    /**
     * Whether the failure is the pool's wait for a connection running out while the database answers: Hikari's
     * timeout exception carries the last failure to connect as its cause, and has none when connections were only
     * all in use. That holds while the pool waits longer than a failed connection attempt takes (PostgreSQL's
     * {@code connectTimeout} 2 s against Hikari's {@code connection-timeout} 3 s in the postgres profile).
     */
    static boolean isPoolExhausted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                return timeout.getCause() == null && timeout.getSQLState() == null;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static boolean isUnavailable(Throwable failure) {
        if (isPoolExhausted(failure)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().equals("53300"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
