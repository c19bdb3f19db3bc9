package io.progressledger.query.eventstore;

import io.progressledger.query.projection.ProjectionProcessors;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
 * The axonserver profile has the views' processors read from Axon Server, configured by axon.axonserver.servers. No
 * Axon Server runs on the build machine: this checks the wiring and the configuration, not a conversation with a
 * server. The audit trail's table reads (feed, export, verify, a learner's trails as of an instant) need the events in
 * the application's database and are absent in this mode.
 */
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
    EventStore eventStore;
    @Autowired
    ProjectionProcessors processors;

    /** A database of its own for each run: the profile must work on an empty one. */
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("progress.data-dir", () -> "./target/test-data/axonserver-" + UUID.randomUUID());
    }

    @Test
    void the_views_follow_the_configured_axon_server() {
        assertThat(configuration.getServers()).isEqualTo("axon-server.example:18124");
        assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBeansOfType(EventStorageEngine.class)).isEmpty();
        assertThat(context.getBeansOfType(EventLog.class)).isEmpty();
        assertThat(processors.active()).extracting(running -> running.projection().name())
                .contains("talent-progress", "trail-completions");
    }
}
