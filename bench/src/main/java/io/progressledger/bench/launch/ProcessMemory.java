package io.progressledger.bench.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resident memory of a process, as the kernel counts it ({@code /proc/<pid>/status}): VmRSS now, VmHWM the peak.
 * Writing 5 to {@code /proc/<pid>/clear_refs} resets the peak, so each phase reports its own.
 */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Current resident set in MiB, or -1 if it cannot be read (process gone, not Linux). */
    public static double rssMb(long pid) {
        return field(pid, "VmRSS:");
    }

    /** Peak resident set in MiB since the process started or since the last {@link #resetPeak}. */
    public static double peakMb(long pid) {
        return field(pid, "VmHWM:");
    }

    /** Resets the peak; false where the kernel refuses (the peak then covers the whole process life). */
    public static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static double field(long pid, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            for (String line : lines) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
