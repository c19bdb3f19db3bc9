package io.progressledger.bench.scenario;

import io.progressledger.bench.launch.ProcessMemory;
import io.progressledger.bench.load.RateMeter;
import io.progressledger.bench.report.Results;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Both applications' resident memory: sampled twice a second for the plot, and the kernel's exact peak (VmHWM)
 * per phase, reset at the phase's start where the kernel allows it.
 */
public final class MemoryWatch implements AutoCloseable {

    private final long commandPid;
    private final long queryPid;
    private final RateMeter clock;
    private final List<double[]> command = new ArrayList<>();
    private final List<double[]> query = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-memory");
        thread.setDaemon(true);
        return thread;
    });
    private boolean resetWorked = true;

    MemoryWatch(long commandPid, long queryPid, RateMeter clock) {
        this.commandPid = commandPid;
        this.queryPid = queryPid;
        this.clock = clock;
        sampler.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        double now = clock.now();
        double commandMb = ProcessMemory.rssMb(commandPid);
        double queryMb = ProcessMemory.rssMb(queryPid);
        if (commandMb >= 0) {
            command.add(new double[]{now, commandMb});
        }
        if (queryMb >= 0) {
            query.add(new double[]{now, queryMb});
        }
    }

    /** Starts a phase: its peak counts from now. */
    public void resetPeaks() {
        resetWorked &= ProcessMemory.resetPeak(commandPid);
        resetWorked &= ProcessMemory.resetPeak(queryPid);
    }

    /** The peaks since the last reset (or since each process started, where resetting is refused). */
    public Results.PhaseMemory peaks() {
        return new Results.PhaseMemory(round(ProcessMemory.peakMb(commandPid)), round(ProcessMemory.peakMb(queryPid)));
    }

    public boolean resetWorked() {
        return resetWorked;
    }

    public synchronized List<double[]> commandSeries() {
        return List.copyOf(command);
    }

    public synchronized List<double[]> querySeries() {
        return List.copyOf(query);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    private static double round(double mb) {
        return Math.round(mb * 10) / 10.0;
    }
}
