package io.progressledger.bench.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A line every two seconds while a phase runs: how much is done, the rate since the phase began and over the last
 * interval, and anything unexpected so far. A long benchmark that prints nothing looks hung.
 */
public final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Phase phase;

    public Progress(PrintStream out) {
        this.out = out;
        timer.scheduleAtFixedRate(this::print, 2, 2, TimeUnit.SECONDS);
    }

    /** A phase of {@code total} units (0 when unknown), counted by the returned counter. */
    public AtomicLong start(String name, long total, String unit, LongSupplier problems) {
        AtomicLong done = new AtomicLong();
        phase = new Phase(name, total, unit, done, problems, System.nanoTime(), new long[]{0, System.nanoTime()});
        out.printf(Locale.ROOT, "%n== %s%s%n", name, total > 0 ? " (" + total + " " + unit + ")" : "");
        return done;
    }

    public void message(String format, Object... args) {
        out.printf(Locale.ROOT, "   " + format + "%n", args);
    }

    /** Ends the phase with a summary line. */
    public void finish(String summary) {
        print();
        phase = null;
        out.println("   -> " + summary);
    }

    private synchronized void print() {
        Phase current = phase;
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        long done = current.done.get();
        double elapsed = (now - current.startNanos) / 1e9;
        double recent = (done - current.last[0]) / Math.max(1e-9, (now - current.last[1]) / 1e9);
        current.last[0] = done;
        current.last[1] = now;
        long problems = current.problems == null ? 0 : current.problems.getAsLong();
        if (current.unit.isEmpty()) {
            out.printf(Locale.ROOT, "   [%s] %.0f s%n", current.name, elapsed);
            return;
        }
        out.printf(Locale.ROOT, "   [%s] %,d%s %s in %.0f s, %,.0f/s (now %,.0f/s)%s%n", current.name, done,
                current.total > 0 ? String.format(Locale.ROOT, "/%,d", current.total) : "", current.unit, elapsed,
                done / Math.max(1e-9, elapsed), recent, problems > 0 ? ", unexpected: " + problems : "");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private record Phase(String name, long total, String unit, AtomicLong done, LongSupplier problems,
                         long startNanos, long[] last) {
    }
}
