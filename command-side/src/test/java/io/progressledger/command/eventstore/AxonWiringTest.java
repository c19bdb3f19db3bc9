package io.progressledger.command.eventstore;

import io.progressledger.command.CommandSideTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the wiring Axon 4.13's auto-configuration gets wrong on Spring Boot 4: units of work inside Spring
 * transactions (not a no-op), the JDBC event store, readable JSON.
 */
class AxonWiringTest extends CommandSideTest {

    @Autowired
    TransactionManager transactionManager;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void axon_runs_inside_spring_transactions_on_the_jdbc_store_with_json_events() {
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOfSatisfying(SignedAppends.class, signed -> assertThat(signed.store())
                .isInstanceOfSatisfying(IdSpaces.class,
                        idSpaces -> assertThat(idSpaces.store()).isInstanceOf(JdbcEventStorageEngine.class)));
        assertThat(eventSerializer).isInstanceOf(Jackson3Serializer.class);
    }
}
