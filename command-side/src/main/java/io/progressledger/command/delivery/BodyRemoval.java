package io.progressledger.command.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Deletes delivery bodies in bounded batches, each batch its own transaction ({@code progress.delivery-log.batch-size}
 * bodies at most): a backlog of any size takes bounded memory and never one long transaction (one purge of 1,800
 * bodies, 60 MB, in one transaction ran H2 out of memory). Bodies are deleted by id, never read. Each batch counts in
 * {@code progress_delivery_log_batches_total{work}}.
 */
@Component
public class BodyRemoval {

    /** What a batched removal did: bodies deleted, in how many transactions. */
    public record Removed(int bodies, int batches) {
    }

    private final DeliveryLog deliveryLog;
    private final TransactionTemplate transaction;
    private final int batchSize;
    private final Counter purgeBatches;
    private final Counter erasureBatches;
    private final Counter examinationBatches;

    public BodyRemoval(DeliveryLog deliveryLog, TransactionTemplate transaction,
                       DeliveryRetention.Properties properties, MeterRegistry meters) {
        this.deliveryLog = deliveryLog;
        this.transaction = transaction;
        this.batchSize = properties.batchSize();
        this.purgeBatches = batches(meters, "purge");
        this.erasureBatches = batches(meters, "erasure");
        this.examinationBatches = batches(meters, "examination");
    }

    /** Deletes every body received before {@code cutoff}, marked removed for retention at {@code at}. */
    public Removed purge(Instant cutoff, Instant at) {
        return remove(limit -> deliveryLog.keptBodiesReceivedBefore(cutoff, limit), "retention", at, purgeBatches);
    }

    /**
     * Deletes every body of the subject's deliveries, marked removed for erasure at {@code at}; deliveries logged
     * before subjects were recorded are first examined with {@code subjectOf}, once, also in batches.
     */
    public Removed erase(String subject, Instant at, BiFunction<String, byte[], Optional<String>> subjectOf) {
        int examined;
        do {
            examined = transaction.execute(status -> deliveryLog.examineUnexamined(subjectOf, batchSize));
            examinationBatches.increment();
        } while (examined == batchSize);
        return remove(limit -> deliveryLog.keptBodiesOf(subject, limit), "erasure", at, erasureBatches);
    }

    private Removed remove(IntFunction<List<String>> nextIds, String reason, Instant at, Counter batchCounter) {
        int bodies = 0;
        int batches = 0;
        while (true) {
            Integer deleted = transaction.execute(status -> {
                List<String> ids = nextIds.apply(batchSize);
                return ids.isEmpty() ? null : deliveryLog.removeBodies(ids, reason, at);
            });
            if (deleted == null) {
                return new Removed(bodies, batches);
            }
            bodies += deleted;
            batches++;
            batchCounter.increment();
        }
    }

    private static Counter batches(MeterRegistry meters, String work) {
        return Counter.builder("progress.delivery.log.batches")
                .description("transactions of delivery-log maintenance (purges, erasures), each bounded in size")
                .tag("work", work)
                .register(meters);
    }
}
