package io.progressledger.command.webhook;

/**
 * A delivery that could not have its turn in time (an in-flight slot, its aggregate, the outcome of the first copy
 * of its key, a database connection): the ledger is busy, not broken. Answered {@code 503 /problems/overloaded} with
 * {@code Retry-After}; nothing was recorded.
 */
final class Overloaded extends RuntimeException {

    private final String waitedFor;

    Overloaded(String waitedFor) {
        super("overloaded: waited too long for " + waitedFor, null, false, false);
        this.waitedFor = waitedFor;
    }

    /** What the delivery waited for: a bounded label for metrics and logs. */
    String waitedFor() {
        return waitedFor;
    }
}
