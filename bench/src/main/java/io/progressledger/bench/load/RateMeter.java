package io.progressledger.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Accepted deliveries per second of the run, for the throughput-over-time plot, with the phase each second
 * belonged to.
 */
public final class RateMeter {

    private static final int SECONDS = 4 * 3600;

    private final long origin = System.nanoTime();
    private final AtomicLongArray perSecond = new AtomicLongArray(SECONDS);
    private final List<Span> spans = new ArrayList<>();

    /** A named phase of the run, in seconds since the run began. */
    public record Span(String name, double from, double to) {
    }

    public void mark() {
        int second = (int) ((System.nanoTime() - origin) / 1_000_000_000L);
        if (second < SECONDS) {
            perSecond.incrementAndGet(second);
        }
    }

    public double now() {
        return (System.nanoTime() - origin) / 1e9;
    }

    public synchronized void span(String name, double from, double to) {
        spans.add(new Span(name, from, to));
    }

    public synchronized List<Span> spans() {
        return List.copyOf(spans);
    }

    /** The count of each whole second from {@code from} to {@code to}. */
    public long[] counts(double from, double to) {
        int first = (int) Math.floor(from);
        int last = Math.min(SECONDS - 1, (int) Math.ceil(to));
        long[] counts = new long[Math.max(0, last - first)];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = perSecond.get(first + i);
        }
        return counts;
    }
}
