package io.progressledger.bench.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's count of connections dropped because a listening socket's accept queue was full (Linux,
 * {@code /proc/net/netstat}, {@code TcpExt: ListenOverflows}), for the whole machine. Each one costs its client a
 * SYN retransmission: a second, then more.
 */
final class ListenQueue {

    private static final Path NETSTAT = Path.of("/proc/net/netstat");

    private ListenQueue() {
    }

    /** The count so far, or -1 where the kernel does not say. */
    static long overflows() {
        try {
            List<String> lines = Files.readAllLines(NETSTAT);
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("TcpExt:") && lines.get(i + 1).startsWith("TcpExt:")) {
                    String[] names = lines.get(i).split("\\s+");
                    String[] values = lines.get(i + 1).split("\\s+");
                    for (int k = 1; k < names.length && k < values.length; k++) {
                        if (names[k].equals("ListenOverflows")) {
                            return Long.parseLong(values[k]);
                        }
                    }
                }
            }
            return -1;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }
}
