package io.progressledger.bench.launch;

import java.util.concurrent.locks.LockSupport;

/** The driver's one way to wait between two polls of a condition it cannot be notified of (another process). */
public final class Pause {

    private Pause() {
    }

    public static void millis(long millis) {
        LockSupport.parkNanos(millis * 1_000_000L);
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
