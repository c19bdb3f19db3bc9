package io.progressledger.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare embedded database with the views' tables, for testing projections without Spring: given events, applied in
 * batches as a processor would, expect rows. Each instance is a fresh in-memory H2 database.
 */
public final class ViewDatabase {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactions;

    public ViewDatabase() {
        dataSource.setURL("jdbc:h2:mem:views-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        try {
            new ViewSchema(dataSource);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    /** Statements on the database, joining the transaction of {@link #apply} when there is one. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public DataSourceTransactionManager transactions() {
        return transactions;
    }

    /** Event messages for payloads. */
    public static List<EventMessage<?>> messages(List<?> payloads) {
        return payloads.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
    }

    /** Applies the events to a slot in batches of {@code batchSize}, each written in a transaction of its own. */
    public void apply(Projection projection, Slot slot, List<?> payloads, int batchSize) {
        List<EventMessage<?>> events = messages(payloads);
        for (int from = 0; from < events.size(); from += batchSize) {
            List<EventMessage<?>> batch = events.subList(from, Math.min(events.size(), from + batchSize));
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                ViewBatch writes = projection.batch(slot);
                batch.forEach(writes::add);
                writes.write();
            });
        }
    }

    /** Applies the events to slot A in one batch. */
    public void apply(Projection projection, Object... payloads) {
        apply(projection, Slot.A, List.of(payloads), Integer.MAX_VALUE);
    }

    /** Every row of a table, in a stable order. */
    public List<Map<String, Object>> rows(String table) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("SELECT * FROM " + table));
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }

    /**
     * Asserts that the events give the same rows however they are cut into batches: one by one (as a view is built
     * when events trickle in), in batches of 7, and all in one batch (as a rebuild reads them): a rebuild equals
     * the incremental build. Each build in a fresh database, with the projection made for it.
     */
    public static void assertBatchesEqualEventByEvent(Function<JdbcTemplate, Projection> projectionOn,
                                                      List<?> payloads) {
        ViewDatabase eventByEvent = new ViewDatabase();
        ViewDatabase byBatchesOfSeven = new ViewDatabase();
        ViewDatabase inOneBatch = new ViewDatabase();
        Projection projection = projectionOn.apply(eventByEvent.jdbc());
        eventByEvent.apply(projection, Slot.A, payloads, 1);
        byBatchesOfSeven.apply(projectionOn.apply(byBatchesOfSeven.jdbc()), Slot.A, payloads, 7);
        inOneBatch.apply(projectionOn.apply(inOneBatch.jdbc()), Slot.B, payloads, Integer.MAX_VALUE);
        for (String table : projection.tables()) {
            List<Map<String, Object>> expected = eventByEvent.rows(Slot.A.table(table));
            assertThat(expected).as(table).isNotEmpty();
            assertThat(byBatchesOfSeven.rows(Slot.A.table(table))).as(table + " in batches of 7").isEqualTo(expected);
            assertThat(inOneBatch.rows(Slot.B.table(table))).as(table + " in one batch").isEqualTo(expected);
        }
    }
}
