package io.progressledger.query.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import io.progressledger.events.EventUpcasters;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * How the query side talks to Axon. Views and tracking tokens live in the application's own database and commit in
 * one Spring transaction; events are read from the command side's store, which in the embedded default is another
 * H2 file (opened through H2's AUTO_SERVER mode) and in production the same PostgreSQL database.
 * <p>
 * Declared here rather than left to Axon's auto-configuration, which on Spring Boot 4 can be evaluated before the
 * data source exists (it orders itself after Boot 3 class names) and would leave a no-op transaction manager.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenStoreProperties.class)
public class AxonConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** Connections to the views database, shared with the view writers inside a unit of work. */
    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /**
     * Tracking tokens, claimed in the name of this running application. Axon names the claimant after the JVM
     * ({@code pid@host}) by default: two applications with one name (two contexts in one JVM, or two containers sharing
     * a host name where both run as pid 1) would each think they hold the other's claim, and both would apply the same
     * events to the same views. A random suffix makes every application a node of its own.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
    }

    /** The command side's event store, read-only from here. */
    @Bean
    EventStoreConnection eventStoreConnection(EventStoreProperties properties, DataSource dataSource) {
        if (!properties.ownDatabase()) {
            return new EventStoreConnection(dataSource, null);
        }
        HikariDataSource events = new HikariDataSource();
        events.setPoolName("event-store");
        events.setJdbcUrl(properties.url());
        events.setUsername(properties.username());
        events.setPassword(properties.password());
        events.setMaximumPoolSize(properties.maximumPoolSize());
        events.setConnectionTimeout(TimeUnit.SECONDS.toMillis(5));
        return new EventStoreConnection(events, events);
    }

    @Bean
    @JdbcEventStore
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer, EventStoreConnection connection,
                                          EventStoreProperties properties,
                                          org.axonframework.config.Configuration axon) {
        // A plain provider: the unit-of-work-aware one would hand out the views connection inside a batch.
        ConnectionProvider events = new DataSourceConnectionProvider(connection.dataSource());
        return JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .connectionProvider(events)
                .transactionManager(NoTransactionManager.INSTANCE)
                .dataType(byte[].class)
                .batchSize(properties.batchSize())
                .build();
    }

    @Bean(name = "eventBus")
    @JdbcEventStore
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(properties.fetchDelay().toMillis())
                .cleanupDelay(10_000)
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
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
}
