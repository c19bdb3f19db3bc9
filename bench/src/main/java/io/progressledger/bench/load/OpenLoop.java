package io.progressledger.bench.load;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Requests at a fixed rate whatever the answers, as independent senders and readers produce them. Each request is
 * given its intended start time, and latencies are measured from it: a request the driver sends late (because the
 * machine or the server was busy) counts its delay, which corrects coordinated omission. When more than
 * {@code maxInFlight} requests wait for an answer, the server is not keeping up: the run stops sending and says so.
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /**
     * @param sent       requests started
     * @param seconds    from the first intended send time to the last answer
     * @param overloaded whether the run stopped because too many requests were waiting for an answer
     */
    public record Outcome(long sent, double seconds, boolean overloaded) {
    }

    /**
     * Sends up to {@code total} requests at {@code ratePerSecond}; waits for every answer (at most two minutes).
     *
     * @param send starts the request due at the given {@link System#nanoTime()} instant; null when nothing is left
     */
    public static Outcome run(double ratePerSecond, long total, int maxInFlight, LongFunction<CompletableFuture<?>> send) {
        double interval = 1e9 / ratePerSecond;
        long start = System.nanoTime();
        AtomicInteger inFlight = new AtomicInteger();
        long sent = 0;
        boolean overloaded = false;
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * interval);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                overloaded = true;
                break;
            }
            inFlight.incrementAndGet();
            CompletableFuture<?> request = send.apply(due);
            if (request == null) {
                inFlight.decrementAndGet();
                break;
            }
            sent++;
            request.whenComplete((result, failure) -> inFlight.decrementAndGet());
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(inFlight.get() + " open-loop requests still unanswered after two minutes");
            }
            LockSupport.parkNanos(5_000_000L);
        }
        return new Outcome(sent, (System.nanoTime() - start) / 1e9, overloaded);
    }
}
