package io.progressledger.command.webhook;

import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One command at a time per aggregate within this node: a burst on one aggregate queues here, in order, instead of
 * loading the same aggregate in parallel and losing all but one append to a concurrency conflict and its retries.
 * Striped (a fixed number of fair locks, an aggregate by the hash of its id), so memory is bounded whatever the
 * number of aggregates; two aggregates sharing a stripe only wait for each other. Other nodes still meet at the event
 * store's unique key, and those rare conflicts are retried.
 * <p>
 * The lock is held around the whole transaction, until it commits: the next command on the aggregate then reads the
 * event this one appended. Waiting is bounded by the delivery's {@link Turn}; no database connection is held while
 * waiting.
 */
@Component
class AggregateLocks {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    AggregateLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    <T> T holding(String aggregateId, Turn turn, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(aggregateId.hashCode(), STRIPES)];
        try {
            if (!lock.tryLock(turn.remaining(), TimeUnit.NANOSECONDS)) {
                throw new Overloaded("aggregate");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Overloaded("aggregate");
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
