package io.progressledger.bench.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A latency histogram (HdrHistogram, microseconds, 3 significant digits, up to 5 minutes), safe to record from the
 * HTTP client's threads.
 */
public final class Latencies {

    private static final long HIGHEST_MICROS = 300_000_000L;

    private final ConcurrentHistogram histogram = new ConcurrentHistogram(HIGHEST_MICROS, 3);

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1_000)));
    }

    public void recordSince(long startNanos) {
        recordNanos(System.nanoTime() - startNanos);
    }

    public Histogram snapshot() {
        return histogram.copy();
    }

    public long count() {
        return histogram.getTotalCount();
    }
}
