package io.progressledger.bench.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code concurrency} senders, each sending its next request as soon as the previous one is answered, as a pool of
 * sender workers does. Closed loop: the latency of each request is its own (no coordinated omission to correct,
 * since no request waits for a schedule it missed); the throughput is what the server sustains at that concurrency.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    /**
     * Runs until {@code next} returns null or {@code cap} has passed; returns the seconds it ran.
     *
     * @param next starts one request and returns its completion (recording done inside), or null to stop
     */
    public static double run(int concurrency, Duration cap, Executor executor, Supplier<CompletableFuture<?>> next) {
        long start = System.nanoTime();
        long deadline = start + cap.toNanos();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            executor.execute(() -> chain(next, deadline, finished, executor));
        }
        try {
            if (!finished.await(cap.toSeconds() + 120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests still unanswered two minutes after the step's end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void chain(Supplier<CompletableFuture<?>> next, long deadline, CountDownLatch finished,
                              Executor executor) {
        CompletableFuture<?> request = System.nanoTime() < deadline ? next.get() : null;
        if (request == null) {
            finished.countDown();
            return;
        }
        request.whenCompleteAsync((result, failure) -> chain(next, deadline, finished, executor), executor);
    }
}
