package io.progressledger.query.projection;

import io.progressledger.query.eventstore.EventStoreConnection;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How far each processor has got, read from the token table: what every node has committed, so the answer is the
 * same whichever node is asked. A processor has processed position N when every one of its segments has applied
 * every event up to N (no gap left below N).
 */
@Component
public class ProcessedPositions {

    private final JdbcClient views;
    private final JdbcClient events;
    private final Serializer serializer;
    private final Clock clock;

    public ProcessedPositions(JdbcClient views, EventStoreConnection eventStore, Serializer serializer, Clock clock) {
        this.views = views;
        this.events = JdbcClient.create(eventStore.dataSource());
        this.serializer = serializer;
        this.clock = clock;
    }

    /** The highest position up to which the processor has applied every event; empty before its first batch. */
    public OptionalLong position(String processorName) {
        return position(processorName, Map.of());
    }

    /**
     * As {@link #position(String)}, with what this node knows better: the live status of the segments it processes.
     * A processor advances its status at once past events it has nothing to do with, but stores that token only
     * when it next has work or after a while (Axon's event availability timeout).
     */
    public OptionalLong position(String processorName, Map<Integer, EventTrackerStatus> local) {
        Map<Integer, TrackingToken> stored = new HashMap<>();
        views.sql("SELECT segment, token, tokenType FROM TokenEntry WHERE processorName = ?")
                .param(processorName)
                .query(rs -> {
                    stored.put(rs.getInt("segment"), token(rs.getBytes("token"), rs.getString("tokenType")));
                });
        if (stored.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (Map.Entry<Integer, TrackingToken> segment : stored.entrySet()) {
            EventTrackerStatus status = local.get(segment.getKey());
            TrackingToken live = status == null ? null : status.getTrackingToken();
            long position = Math.max(segment.getValue() == null ? -1 : contiguous(segment.getValue()),
                    live == null ? -1 : contiguous(live));
            if (position < 0) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, position);
        }
        return OptionalLong.of(lowest);
    }

    /** The newest event's position in the store, 0 when it is empty. */
    public long head() {
        Long head = events.sql("SELECT MAX(globalIndex) FROM DomainEventEntry").query(Long.class).single();
        return head == null ? 0 : head;
    }

    /** How long the oldest event not yet processed has been waiting; zero when the processor is caught up. */
    public Duration waitingSince(long processedUpTo) {
        return events.sql("SELECT timeStamp FROM DomainEventEntry WHERE globalIndex > ? "
                        + "ORDER BY globalIndex FETCH FIRST 1 ROWS ONLY")
                .param(processedUpTo)
                .query(String.class)
                .optional()
                .map(timestamp -> Duration.between(Instant.parse(timestamp), clock.instant()))
                .filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    private static long contiguous(TrackingToken token) {
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
            return gapAware.getGaps().first() - 1;
        }
        return lower.position().orElse(0);
    }
}
