package io.progressledger.command.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import io.progressledger.events.EventUpcasters;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import javax.sql.DataSource;

/**
 * How the command side talks to Axon: a JDBC event store in the application's database (schema by Flyway), Axon
 * units of work inside Spring transactions, readable JSON events, provenance copied into every event's metadata.
 * <p>
 * The store and the transaction manager are declared here, not left to Axon's auto-configuration: Axon 4.13 orders
 * its JDBC and transaction auto-configuration after Spring Boot 3's class names, so on Boot 4 they can be evaluated
 * before the data source exists, leaving no event store and a no-op transaction manager.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Metadata keys a command carries that every event it causes must carry too (the audit trail reads them). */
    public static final String[] PROVENANCE_KEYS = {"deliveryId", "source", "senderEventId", "receivedAt"};

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /**
     * A unique-key violation (SQL state 23505) is how the store refuses a second event at the same aggregate sequence
     * number: Axon turns it into a concurrency conflict, which ingestion retries. Judged by SQL state rather than
     * vendor error codes, which PostgreSQL does not set (its batch inserts report 0).
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Axon's JDBC store, seen by the aggregates as one id space per aggregate type ({@link IdSpaces}), every appended
     * event signed ({@link SignedAppends}).
     */
    @Bean
    @JdbcEventStore
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration axon,
                                          EventSignatures signatures) {
        return new SignedAppends(new IdSpaces(LeanJdbcEventStorageEngine.create(eventSerializer, serializer,
                axon.upcasterChain(), persistenceExceptionResolver, connectionProvider, transactionManager)),
                signatures);
    }

    /** Older revisions of the events, read as today's records (see shared-events), in order. */
    @Bean
    EventUpcaster eventUpcasters() {
        return EventUpcasters.chain();
    }

    /**
     * Axon's own types (tracking tokens, replay tokens) are written with their class names; Jackson 3 refuses such
     * polymorphic types unless they are allowed explicitly.
     */
    @Bean
    Jackson3SerializerCustomizer axonJsonTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("io.progressledger.")
                .build());
    }

    @Bean
    CorrelationDataProvider provenanceCorrelation() {
        return new SimpleCorrelationDataProvider(PROVENANCE_KEYS);
    }

    /** Declared here because defining any provider switches off Axon's default one. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
