package io.progressledger.bench.report;

import io.progressledger.bench.launch.Pause;
import io.progressledger.bench.launch.ProcessCpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the figures come from: they mean little without it. */
public final class MachineInfo {

    private MachineInfo() {
    }

    public static Results.Machine read(String loadAverage, Results.Quiet quiet) {
        return new Results.Machine(Runtime.getRuntime().availableProcessors(), memoryGb(), cpu(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), loadAverage,
                quiet);
    }

    /**
     * Whether the machine is quiet: its CPU use, all cores together, over {@code seconds} (the load average alone
     * lags by minutes, and counts processes waiting for the disk). Measured before anything of the run starts.
     */
    public static Results.Quiet quiet(double seconds, double maxBusyPercent, boolean runAnyway,
                                      Integer otherDatabaseSessions) {
        ProcessCpu.Machine before = ProcessCpu.machine();
        Pause.millis((long) (seconds * 1000));
        ProcessCpu.Machine after = ProcessCpu.machine();
        double total = after.total() - before.total();
        double busy = total > 0 ? Math.round((after.busy() - before.busy()) / total * 1000) / 10.0 : Double.NaN;
        boolean quiet = !Double.isNaN(busy) && busy <= maxBusyPercent;
        return new Results.Quiet(quiet, busy, seconds, maxBusyPercent, loadAverage(), runAnyway && !quiet,
                otherDatabaseSessions);
    }

    /** The 1, 5 and 15-minute load averages now. */
    public static String loadAverage() {
        List<String> lines = lines("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] parts = lines.get(0).split("\\s+");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : lines.get(0);
    }

    private static double memoryGb() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                return Math.round(kb / 1024.0 / 1024.0 * 10) / 10.0;
            }
        }
        return Math.round(Runtime.getRuntime().maxMemory() / 1e9 * 10) / 10.0;
    }

    private static String cpu() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return System.getProperty("os.arch");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
