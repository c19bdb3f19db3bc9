package io.progressledger.command.webhook;

import java.util.concurrent.TimeUnit;

/**
 * How long a delivery may still wait for its turn: one deadline from its arrival for every wait on its way (an
 * in-flight slot, its aggregate, the first copy of its key), so that no call waits longer than configured in all.
 */
record Turn(long deadlineNanos) {

    static Turn of(Arrival arrival, java.time.Duration maxWait) {
        return new Turn(arrival.startedNanos() + maxWait.toNanos());
    }

    /** Nanoseconds left, for {@code tryLock}/{@code tryAcquire}/{@code get} with {@link TimeUnit#NANOSECONDS}. */
    long remaining() {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }
}
