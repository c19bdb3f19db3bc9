package io.progressledger.bench.scenario;

import io.progressledger.bench.launch.Database;
import io.progressledger.bench.launch.ProcessCpu;
import io.progressledger.bench.load.RateMeter;
import io.progressledger.bench.report.Results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * CPU seconds per process and phase, from the kernel's counters: the command side, the query side, the driver (this
 * JVM: load generation, HTTP client, polling, and the JDBC baselines with their embedded H2), PostgreSQL's backends
 * of the run's database, and the whole machine (so that other work on the machine shows as "other"). Every phase is
 * kept for the report; callers use the figures of their own phases.
 */
final class CpuMeter {

    private final long commandPid;
    private final long queryPid;
    private final long driverPid = ProcessHandle.current().pid();
    private final Database database;
    private final RateMeter clock;
    private final LongSupplier statusPolls;
    private final List<Results.CpuPhase> phases = new ArrayList<>();

    CpuMeter(long commandPid, long queryPid, Database database, RateMeter clock, LongSupplier statusPolls) {
        this.commandPid = commandPid;
        this.queryPid = queryPid;
        this.database = database;
        this.clock = clock;
        this.statusPolls = statusPolls;
    }

    /** The counters at one moment. */
    record Snapshot(double at, double command, double query, double driver, Map<Long, Double> database,
                    ProcessCpu.Machine machine, long polls) {
    }

    Snapshot now() {
        Map<Long, Double> backends = new HashMap<>();
        for (long pid : database.serverPids()) {
            double seconds = ProcessCpu.seconds(pid);
            if (seconds >= 0) {
                backends.put(pid, seconds);
            }
        }
        return new Snapshot(clock.now(), ProcessCpu.seconds(commandPid), ProcessCpu.seconds(queryPid),
                ProcessCpu.seconds(driverPid), backends, ProcessCpu.machine(), statusPolls.getAsLong());
    }

    /** A phase that started now; {@link Phase#end()} records it and returns its figures. */
    Phase start(String name) {
        return new Phase(name, now());
    }

    final class Phase {

        private final String name;
        private final Snapshot from;

        private Phase(String name, Snapshot from) {
            this.name = name;
            this.from = from;
        }

        Results.CpuSeconds end() {
            Snapshot to = now();
            Results.CpuSeconds seconds = between(from, to);
            synchronized (phases) {
                phases.add(new Results.CpuPhase(name, round(from.at()), round(to.at()), seconds, to.polls() - from.polls()));
            }
            return seconds;
        }

        long polls() {
            return statusPolls.getAsLong() - from.polls();
        }
    }

    static Results.CpuSeconds between(Snapshot from, Snapshot to) {
        double command = delta(from.command(), to.command());
        double query = delta(from.query(), to.query());
        double driver = delta(from.driver(), to.driver());
        Double database = null;
        if (!to.database().isEmpty() || !from.database().isEmpty()) {
            // A backend that started during the phase counts from zero; one that ended took its figure with it.
            double sum = 0;
            for (Map.Entry<Long, Double> backend : to.database().entrySet()) {
                sum += backend.getValue() - from.database().getOrDefault(backend.getKey(), 0.0);
            }
            database = round(sum);
        }
        double busy = delta(from.machine().busy(), to.machine().busy());
        double other = busy - command - query - driver - (database == null ? 0 : database);
        return new Results.CpuSeconds(round(command), round(query), round(driver), database, round(busy),
                round(Math.max(0, other)), round(to.at() - from.at()));
    }

    /** Adds CPU figures up (for a scenario made of several phases). */
    static Results.CpuSeconds sum(List<Results.CpuSeconds> parts) {
        double command = 0;
        double query = 0;
        double driver = 0;
        Double database = null;
        double busy = 0;
        double other = 0;
        double wall = 0;
        for (Results.CpuSeconds part : parts) {
            if (part == null) {
                continue;
            }
            command += part.command();
            query += part.query();
            driver += part.driver();
            if (part.database() != null) {
                database = (database == null ? 0 : database) + part.database();
            }
            busy += part.machineBusy();
            other += part.other();
            wall += part.wallSeconds();
        }
        return new Results.CpuSeconds(round(command), round(query), round(driver), database == null ? null : round(database),
                round(busy), round(other), round(wall));
    }

    /** CPU milliseconds per unit of work (a delivery), or microseconds with {@code scale} 1e6. */
    static Results.CpuPerDelivery perDelivery(Results.CpuSeconds cpu, long deliveries) {
        if (cpu == null || deliveries <= 0) {
            return null;
        }
        return new Results.CpuPerDelivery(round(cpu.command() * 1000 / deliveries), round(cpu.query() * 1000 / deliveries),
                round(cpu.driver() * 1000 / deliveries),
                cpu.database() == null ? null : round(cpu.database() * 1000 / deliveries));
    }

    List<Results.CpuPhase> phases() {
        synchronized (phases) {
            return List.copyOf(phases);
        }
    }

    private static double delta(double from, double to) {
        return from < 0 || to < 0 ? 0 : to - from;
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
