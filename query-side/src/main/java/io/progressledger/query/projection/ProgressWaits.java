package io.progressledger.query.projection;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Requests waiting until a processor has processed a global position, woken by the processor itself.
 * <p>
 * A processor on this node calls {@link #advanced(String)} each time its position moves (after its batch has
 * committed), and every request waiting on it re-checks in memory: no query, no poll loop. A segment this node does
 * not process (another node owns its token) moves only in the token table, so while anyone waits on a processor, the
 * table is read again at most once per {@code refreshEvery}, by one of the waiters, for all of them.
 * <p>
 * At most {@code maxWaiting} requests wait at once on this node (each holds a request thread): one beyond is refused at
 * once rather than queued, so waiting readers can never take every thread from normal reads.
 */
public final class ProgressWaits {

    /** Reads a processor's stored tokens from the token table: one query. */
    public interface TokenTable extends Function<String, Map<Integer, TrackingToken>> {
    }

    /** How a wait ended. */
    public sealed interface Outcome {
        ProcessedPositions.Progress progress();
    }

    /** The position has been processed. */
    public record Reached(ProcessedPositions.Progress progress) implements Outcome {
    }

    /** The timeout passed first; {@code progress} is where the processor stood then. */
    public record TimedOut(ProcessedPositions.Progress progress) implements Outcome {
    }

    /**
     * The processor waited on no longer serves reads (a rebuilt generation replaced it): wait on the one that does.
     */
    public record Superseded(ProcessedPositions.Progress progress) implements Outcome {
    }

    /** As many requests as may wait already do: this one was refused without waiting. */
    public record Refused(ProcessedPositions.Progress progress) implements Outcome {
    }

    private final TokenTable table;
    private final Semaphore permits;
    private final int maxWaiting;
    private final long refreshNanos;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();

    public ProgressWaits(TokenTable table, int maxWaiting, Duration refreshEvery) {
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("maxWaiting must not be negative: " + maxWaiting);
        }
        this.table = table;
        this.maxWaiting = maxWaiting;
        this.permits = new Semaphore(maxWaiting);
        this.refreshNanos = refreshEvery.toNanos();
    }

    /**
     * Waits until {@code processor} has processed {@code position}, for at most {@code timeout}.
     *
     * @param live this node's live status of the processor's segments (in memory)
     */
    public Outcome await(String processor, Supplier<Map<Integer, EventTrackerStatus>> live, long position,
                         Duration timeout) throws InterruptedException {
        return await(processor, live, () -> true, position, timeout);
    }

    /**
     * As {@link #await(String, Supplier, long, Duration)}, ending early with {@link Superseded} once {@code current}
     * says the processor no longer serves reads (whoever replaces it calls {@link #advanced(String)} to say so).
     */
    public Outcome await(String processor, Supplier<Map<Integer, EventTrackerStatus>> live, BooleanSupplier current,
                         long position, Duration timeout) throws InterruptedException {
        Watch watch = watches.computeIfAbsent(processor, Watch::new);
        long deadline = System.nanoTime() + timeout.toNanos();
        ProcessedPositions.Progress progress = watch.progress(live);
        if (progress.covers(position)) {
            return new Reached(progress);
        }
        watch.refreshIfOlderThan(refreshNanos);
        progress = watch.progress(live);
        if (progress.covers(position)) {
            return new Reached(progress);
        }
        if (!permits.tryAcquire()) {
            return new Refused(progress);
        }
        watch.waiting.incrementAndGet();
        try {
            while (true) {
                watch.lock.lock();
                try {
                    // Checked under the lock that advanced() signals under: no notification is lost in between.
                    progress = watch.progress(live);
                    long left = deadline - System.nanoTime();
                    if (progress.covers(position)) {
                        return new Reached(progress);
                    }
                    if (!current.getAsBoolean()) {
                        return new Superseded(progress);
                    }
                    if (left <= 0) {
                        return new TimedOut(progress);
                    }
                    long untilRefresh = watch.refreshedAt + refreshNanos - System.nanoTime();
                    if (untilRefresh > 0 || watch.refreshing.get()) {
                        // Another waiter reading the table signals when done, under this lock: no spinning.
                        watch.advanced.awaitNanos(untilRefresh > 0 ? Math.min(left, untilRefresh) : left);
                        continue;
                    }
                } finally {
                    watch.lock.unlock();
                }
                // Outside the lock: a slow query holds neither the processor's notification nor the other waiters.
                watch.refreshIfOlderThan(refreshNanos);
            }
        } finally {
            watch.waiting.decrementAndGet();
            permits.release();
        }
    }

    /** A processor's position has moved on this node: wakes whoever waits on it. Cheap when nobody does. */
    public void advanced(String processor) {
        Watch watch = watches.get(processor);
        if (watch != null && watch.waiting.get() > 0) {
            watch.signalAll();
        }
    }

    /** Requests waiting now, on every processor. */
    public int waiting() {
        return maxWaiting - permits.availablePermits();
    }

    public int maxWaiting() {
        return maxWaiting;
    }

    /** A processor's waiters, and what the token table said when it was last read for them. */
    private final class Watch {

        private final String processor;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition advanced = lock.newCondition();
        private final AtomicInteger waiting = new AtomicInteger();
        private final AtomicBoolean refreshing = new AtomicBoolean();
        private volatile Map<Integer, TrackingToken> stored = Map.of();
        private volatile long refreshedAt;
        private volatile boolean everRefreshed;

        Watch(String processor) {
            this.processor = processor;
        }

        ProcessedPositions.Progress progress(Supplier<Map<Integer, EventTrackerStatus>> live) {
            return ProcessedPositions.merge(stored, live.get());
        }

        /** Reads the table when the last read is older than {@code age}, unless another thread is reading it. */
        void refreshIfOlderThan(long age) {
            if (everRefreshed && System.nanoTime() - refreshedAt < age) {
                return;
            }
            if (!refreshing.compareAndSet(false, true)) {
                return;
            }
            try {
                stored = table.apply(processor);
            } finally {
                // Even when the read failed: the next try waits its turn rather than hammering a failing database.
                refreshedAt = System.nanoTime();
                everRefreshed = true;
                refreshing.set(false);
            }
            signalAll();
        }

        void signalAll() {
            lock.lock();
            try {
                advanced.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
