package io.progressledger.command.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * How many deliveries the node works on in the database at once ({@code progress.ingestion.max-in-flight}, by default
 * the connection pool's size, so that no delivery waits in the pool and none holds a connection while it waits for
 * anything else). A delivery takes a slot only for its transaction: a copy waiting for the first copy of its key, or
 * a command waiting for its aggregate, holds none. Beyond, a delivery waits for a slot within its {@link Turn}, in
 * order of arrival, and is shed when its turn runs out: answered {@code 503 /problems/overloaded} with
 * {@code Retry-After}, counted, and logged (one line per interval, not one per call, so that a flood does not flood
 * the log). A request thread never waits longer than its turn.
 */
@Component
class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final int maxInFlight;
    private final Semaphore slots;
    private final MeterRegistry metrics;
    private final LongAdder shedSinceLogged = new LongAdder();
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    Admission(IngestionProperties properties, MeterRegistry metrics) {
        this.maxInFlight = properties.maxInFlight();
        this.slots = new Semaphore(maxInFlight, true);
        this.metrics = metrics;
        metrics.gauge("progress.deliveries.in-flight", slots, s -> maxInFlight - s.availablePermits());
    }

    /**
     * Does {@code work} in a slot, waiting for one at most for the rest of the turn.
     *
     * @throws Overloaded when no slot came free in time
     */
    <T> T working(Turn turn, Supplier<T> work) {
        if (!enter(turn)) {
            throw new Overloaded("slot");
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private boolean enter(Turn turn) {
        try {
            return slots.tryAcquire(turn.remaining(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Counts a delivery shed because it waited too long for {@code waitedFor}; logs the count now and then. */
    void shed(String source, String waitedFor) {
        metrics.counter("progress.deliveries.shed", "source", source, "waited-for", waitedFor).increment();
        shedSinceLogged.increment();
        long last = lastLogged.get();
        long now = System.nanoTime();
        if (now - last >= LOG_INTERVAL_NANOS && lastLogged.compareAndSet(last, now)) {
            log.warn("overloaded: {} deliveries shed (503 overloaded, Retry-After) since the last such line, the "
                    + "latest having waited too long for {}; at most {} deliveries are worked on at once "
                    + "(progress.ingestion.max-in-flight)", shedSinceLogged.sumThenReset(), waitedFor, maxInFlight);
        }
    }
}
