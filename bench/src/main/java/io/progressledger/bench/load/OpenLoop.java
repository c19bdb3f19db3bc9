package io.progressledger.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Requests at a fixed rate whatever the answers, as independent senders produce them. Each request is given its
 * intended start time, and latencies are measured from it: a request the driver sends late (because the machine
 * was busy) counts its delay, which corrects coordinated omission.
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /**
     * Sends {@code total} requests at {@code ratePerSecond}; waits for every completion; returns the seconds it ran.
     *
     * @param send starts the request due at the given {@link System#nanoTime()} instant; null when nothing is left
     */
    public static double run(double ratePerSecond, int total, LongFunction<CompletableFuture<?>> send) {
        long interval = (long) (1e9 / ratePerSecond);
        long start = System.nanoTime();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            CompletableFuture<?> request = send.apply(due);
            if (request == null) {
                break;
            }
            pending.add(request);
            pending.removeIf(CompletableFuture::isDone);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("open-loop requests did not complete: " + e, e);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
