package io.progressledger.command.eventstore;

import io.progressledger.events.schema.SharedSchemas;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading an aggregate reads its events and nothing else: no snapshot table (none is ever written), no extra empty
 * batch after the last event.
 */
class LeanJdbcEventStorageEngineTest {

    private final List<String> statements = new ArrayList<>();
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final LeanJdbcEventStorageEngine engine;

    LeanJdbcEventStorageEngineTest() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        SharedSchemas.migrateEventStore(dataSource);
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        engine = LeanJdbcEventStorageEngine.create(serializer, serializer, NoOpEventUpcaster.INSTANCE,
                new SQLStateResolver("23505"), recording(), NoTransactionManager.INSTANCE);
    }

    @Test
    void loading_an_aggregate_is_one_select_of_its_events() {
        engine.appendEvents(events("talent-1", 3));
        statements.clear();

        DomainEventStream stream = engine.readEvents("talent-1");

        assertThat(stream.asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L, 2L);
        assertThat(statements).hasSize(1).allSatisfy(sql -> assertThat(sql).contains("DomainEventEntry")
                .doesNotContainIgnoringCase("snapshot"));
    }

    @Test
    void an_aggregate_longer_than_a_batch_is_read_whole() {
        int count = LeanJdbcEventStorageEngine.BATCH_SIZE * 2;
        engine.appendEvents(events("talent-2", count));
        statements.clear();

        List<Long> read = engine.readEvents("talent-2").asStream().map(DomainEventMessage::getSequenceNumber).toList();

        assertThat(read).hasSize(count).last().isEqualTo(count - 1L);
        assertThat(statements).as("two full batches, then one that finds the end").hasSize(3);
    }

    @Test
    void loading_an_aggregate_reads_its_own_index_entries_not_the_whole_store() throws Exception {
        for (int talent = 0; talent < 400; talent++) {
            engine.appendEvents(events("talent:" + talent, 5));
        }
        engine.appendEvents(events("7", 2));
        EventSchema schema = EventSchema.builder().build();

        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE "
                     + IdSpaces.readAggregateSql(schema, true))) {
            IdSpaces.bindReadAggregate(explain, true, "talent:7", "7", 0, LeanJdbcEventStorageEngine.BATCH_SIZE);
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                // H2 reports how many rows each table access read: 5 + 2 events, plus the probe past each range.
                Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan.getString(1));
                List<Integer> counts = new ArrayList<>();
                while (scanned.find()) {
                    counts.add(Integer.parseInt(scanned.group(1)));
                }
                assertThat(counts).isNotEmpty();
                assertThat(counts.stream().mapToInt(Integer::intValue).sum()).as(plan.getString(1))
                        .isLessThanOrEqualTo(10);
            }
        }
        // Both ids' events, in sequence order; which of them are this talent's is IdSpaces' decision, above the engine.
        List<Long> read = engine.readEvents("talent:7").asStream().map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(read).containsExactly(0L, 0L, 1L, 1L, 2L, 3L, 4L);
    }

    private static List<DomainEventMessage<?>> events(String aggregate, int count) {
        return IntStream.range(0, count).<DomainEventMessage<?>>mapToObj(sequence ->
                new GenericDomainEventMessage<>("Talent", aggregate, sequence, "event " + sequence)).toList();
    }

    /** Connections that note every statement prepared on them. */
    private ConnectionProvider recording() {
        return () -> {
            Connection connection = dataSource.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement")) {
                            statements.add((String) args[0]);
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }
}
