package io.progressledger.bench.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU time as the kernel counts it: a process's user + system time ({@code /proc/<pid>/stat}, fields 14 and 15,
 * threads included), and the whole machine's busy and total time ({@code /proc/stat}), in seconds.
 */
public final class ProcessCpu {

    /** Clock ticks per second of the counters (USER_HZ); 100 on every Linux the JDK runs on, asked once. */
    private static final double TICKS = ticksPerSecond();

    private ProcessCpu() {
    }

    /** User + system CPU seconds the process has used since it started; -1 when it cannot be read (gone, not Linux). */
    public static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The machine's CPU seconds since boot, all cores: busy (not idle, not waiting for I/O) and in total. */
    public record Machine(double busy, double total) {
    }

    public static Machine machine() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] fields = first.trim().split("\\s+");
            long total = 0;
            // cpu user nice system idle iowait irq softirq steal (guest time is already inside user)
            for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new Machine((total - idle) / TICKS, total / TICKS);
        } catch (IOException | RuntimeException e) {
            return new Machine(-1, -1);
        }
    }

    private static double ticksPerSecond() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return Double.parseDouble(out);
            }
        } catch (IOException | RuntimeException e) {
            // the default below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
