package io.progressledger.command.eventstore;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Network;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2's AUTO_SERVER serves the event store's file (events, delivery log, keys) over TCP to the query side: on the
 * loopback address only, never on the machine's network addresses.
 */
class LoopbackOnlyTest extends CommandSideTest {

    @Test
    void the_embedded_database_server_listens_on_the_loopback_address_only() throws IOException {
        storedEvents(); // the database is open, so its server runs
        Properties lock = new Properties();
        try (Reader reader = Files.newBufferedReader(DATA_DIR.resolve("events.lock.db"))) {
            lock.load(reader);
        }
        String server = lock.getProperty("server");
        assertThat(server).as("AUTO_SERVER announces where it listens").matches("(127\\.0\\.0\\.1|localhost):\\d+");
        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

        assertThat(Network.connects(InetAddress.getLoopbackAddress(), port)).isTrue();
        for (InetAddress address : Network.addresses()) {
            assertThat(Network.connects(address, port)).as("reachable on " + address).isFalse();
        }
    }
}
