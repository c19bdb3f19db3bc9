package io.progressledger.command.eventstore;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The axonserver profile wires Axon Server as event store and command router, from configuration. No Axon Server runs
 * on the build machine: this checks the wiring and the configuration only (the connector connects lazily), not a
 * conversation with a server.
 */
@Tag("application")
@SpringBootTest(properties = {
        "axon.axonserver.servers=axon-server.example:18124"
})
@ActiveProfiles("axonserver")
class AxonServerProfileTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AxonServerConfiguration configuration;
    @Autowired
    CommandBus commandBus;
    @Autowired
    EventStore eventStore;

    /** A database of its own for each run: the profile must work on an empty one. */
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("progress.data-dir", () -> "./target/test-data/axonserver-" + UUID.randomUUID());
    }

    @Test
    void commands_and_events_go_through_the_configured_axon_server() {
        assertThat(configuration.isEnabled()).isTrue();
        assertThat(configuration.getServers()).isEqualTo("axon-server.example:18124");
        assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
        assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBeansOfType(EventStorageEngine.class)).as("no JDBC event store beside it").isEmpty();
    }
}
