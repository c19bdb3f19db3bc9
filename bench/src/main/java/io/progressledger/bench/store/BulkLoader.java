package io.progressledger.bench.store;

import io.progressledger.bench.load.DeliveryMix;
import io.progressledger.bench.load.Fact;
import io.progressledger.bench.load.World;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills the event store to a size quickly, straight into {@code DomainEventEntry} while the applications run (H2
 * through AUTO_SERVER, as the query side reads it). The facts continue the same world as the webhooks: next steps
 * of the same talents and next completions of the same learners, with per-aggregate sequence numbers following what
 * is stored, so later deliveries land on aggregates with a history. One writer, batches of 1,000 rows a commit:
 * the global index grows without gaps, which the query side's tracking relies on. A failed batch ends the run's
 * bulk loading (the world would then be ahead of the store).
 */
public final class BulkLoader {

    private static final int BATCH = 1_000;
    private static final String INSERT = "INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, "
            + "eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EventStore store;
    private final EventRows rows;
    private final LearnerKeys keys;
    private final DeliveryMix mix;
    private final World world;
    private final SplittableRandom random;

    public BulkLoader(EventStore store, EventRows rows, LearnerKeys keys, DeliveryMix mix, World world, long seed) {
        this.store = store;
        this.rows = rows;
        this.keys = keys;
        this.mix = mix;
        this.world = world;
        this.random = new SplittableRandom(seed);
    }

    /** Inserts {@code count} events; returns how many it inserted (fewer only if the world ran out of facts). */
    public long load(long count, AtomicLong progress) {
        long inserted = 0;
        try (Connection connection = store.database().connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                long[] done = {0};
                keys.within(connection, () -> done[0] = loadBatches(connection, insert, count, progress));
                inserted = done[0];
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bulk loading failed after " + progress.get() + " events: "
                    + e.getMessage(), e);
        }
        return inserted;
    }

    /** Batches of events, each committed with the learners' keys it created (on the same connection). */
    private long loadBatches(Connection connection, PreparedStatement insert, long count, AtomicLong progress)
            throws SQLException {
        long inserted = 0;
        while (inserted < count) {
            List<Fact> batch = new ArrayList<>(BATCH);
            String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            String receivedAt = Instant.now().toString();
            for (int i = 0; i < BATCH && inserted + batch.size() < count; i++) {
                Fact fact = mix.nextFact();
                if (fact == null) {
                    break;
                }
                batch.add(fact);
                // Released at once: facts of one batch may follow each other on the same talent or trail.
                world.release(fact, World.Outcome.RECORDED);
                String traceId = EventRows.randomUuid(random);
                EventRows.Provenance provenance = rows.provenance(fact, EventRows.randomUuid(random), receivedAt, traceId);
                bind(insert, rows.row(fact, provenance, EventRows.randomUuid(random), now));
                insert.addBatch();
            }
            if (batch.isEmpty()) {
                break;
            }
            insert.executeBatch();
            connection.commit();
            inserted += batch.size();
            progress.addAndGet(batch.size());
        }
        return inserted;
    }

    private static void bind(PreparedStatement insert, EventRows.Row row) throws SQLException {
        insert.setString(1, row.aggregateIdentifier());
        insert.setLong(2, row.sequenceNumber());
        insert.setString(3, row.type());
        insert.setString(4, row.eventIdentifier());
        insert.setBytes(5, row.metaData());
        insert.setBytes(6, row.payload());
        insert.setString(7, row.payloadRevision());
        insert.setString(8, row.payloadType());
        insert.setString(9, row.timeStamp());
    }
}
