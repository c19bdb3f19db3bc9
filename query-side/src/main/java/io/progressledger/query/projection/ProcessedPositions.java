package io.progressledger.query.projection;

import io.progressledger.query.eventstore.EventStoreConnection;
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
import java.util.List;
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
        List<TrackingToken> tokens = views.sql("SELECT token, tokenType FROM TokenEntry WHERE processorName = ?")
                .param(processorName)
                .query((rs, n) -> token(rs.getBytes("token"), rs.getString("tokenType")))
                .list();
        if (tokens.isEmpty() || tokens.contains(null)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(tokens.stream().mapToLong(ProcessedPositions::contiguous).min().orElseThrow());
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
