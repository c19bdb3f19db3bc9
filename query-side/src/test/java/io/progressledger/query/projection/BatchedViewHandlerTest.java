package io.progressledger.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A processor's batch is written once; when that write fails, the batch rolls back whole and its retry applies each
 * event alone, so only the poison event fails (and is parked by the dead-letter queue) while the others are written.
 * On a bare database, with Axon's batching unit of work as the tracking processor uses it.
 */
class BatchedViewHandlerTest {

    final ViewDatabase db = new ViewDatabase();
    final KeysProjection projection = new KeysProjection();
    final BatchedViewHandler handler = new BatchedViewHandler(projection, Slot.A, db.transactions());
    /** What the dead-letter queue would park: the events whose handling threw. */
    final List<String> parked = new ArrayList<>();

    BatchedViewHandlerTest() {
        db.jdbc().execute("CREATE TABLE keys_a (id VARCHAR(8) PRIMARY KEY)");
    }

    @Test
    void a_batch_is_written_with_one_write() {
        ResultMessage<?> result = processBatch("k1", "k2", "k3");

        assertThat(result.isExceptional()).isFalse();
        assertThat(keys()).containsExactly("k1", "k2", "k3");
        assertThat(projection.writes).isEqualTo(1);
    }

    @Test
    void a_poison_event_fails_its_batch_whose_retry_parks_only_the_poison() {
        List<EventMessage<?>> events = messages("k1", "far-too-long-a-key", "k2");
        ResultMessage<?> first = processBatch(events);

        assertThat(first.isExceptional()).as("the batch fails and rolls back whole").isTrue();
        assertThat(keys()).isEmpty();

        ResultMessage<?> retry = processBatch(events); // the processor reads the same events again

        assertThat(retry.isExceptional()).as(() -> String.valueOf(retry.optionalExceptionResult().orElse(null)))
                .isFalse();
        assertThat(keys()).containsExactly("k1", "k2");
        assertThat(parked).containsExactly("far-too-long-a-key");

        int writes = projection.writes;
        processBatch("k3", "k4");
        assertThat(projection.writes).as("the next batch is written whole again").isEqualTo(writes + 1);
        assertThat(keys()).containsExactly("k1", "k2", "k3", "k4");
    }

    @Test
    void outside_a_processor_batch_an_event_is_applied_alone_and_its_failure_thrown() {
        var transactions = new SpringTransactionManager(db.transactions());
        DefaultUnitOfWork<EventMessage<?>> retry = DefaultUnitOfWork.startAndGet(message("far-too-long-a-key"));
        retry.attachTransaction(transactions);

        assertThatThrownBy(() -> handler.handle(retry.getMessage())).isInstanceOf(RuntimeException.class);
        retry.rollback();
        assertThat(keys()).isEmpty();
    }

    private ResultMessage<?> processBatch(String... keys) {
        return processBatch(messages(keys));
    }

    private static List<EventMessage<?>> messages(String... keys) {
        return java.util.Arrays.stream(keys).map(BatchedViewHandlerTest::message).toList();
    }

    private ResultMessage<?> processBatch(List<EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.attachTransaction(new SpringTransactionManager(db.transactions()));
        return batch.executeWithResult(() -> {
            EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            try {
                handler.handle(event);
            } catch (Exception e) {
                parked.add((String) event.getPayload());
            }
            return null;
        });
    }

    private static EventMessage<?> message(String key) {
        return GenericEventMessage.asEventMessage(key);
    }

    private List<String> keys() {
        return db.jdbc().queryForList("SELECT id FROM keys_a ORDER BY id", String.class);
    }

    /** Inserts each event's key; a key longer than the column is a poison event. */
    final class KeysProjection implements Projection {

        int writes;

        @Override
        public String name() {
            return "keys";
        }

        @Override
        public List<String> tables() {
            return List.of("keys");
        }

        @Override
        public Set<Class<?>> eventTypes() {
            return Set.of(String.class);
        }

        @Override
        public ViewBatch batch(Slot slot) {
            return new ViewBatch() {
                final List<Object[]> keys = new ArrayList<>();

                @Override
                public void add(EventMessage<?> event) {
                    keys.add(new Object[]{event.getPayload()});
                }

                @Override
                public void write() {
                    writes++;
                    db.jdbc().batchUpdate("INSERT INTO " + slot.table("keys") + " VALUES (?)", keys);
                }
            };
        }
    }
}
