package io.progressledger.query.projection;

import io.progressledger.query.eventstore.EventLog;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How far each processor has got, read from the token table: what every node has committed, so the answer is the
 * same whichever node is asked.
 */
@Component
public class ProcessedPositions {

    private final JdbcClient views;
    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;
    private final ObjectProvider<EventLog> eventLog;
    private final Serializer serializer;
    private final Clock clock;

    public ProcessedPositions(JdbcClient views, StreamableMessageSource<TrackedEventMessage<?>> eventStore,
                              ObjectProvider<EventLog> eventLog, Serializer serializer, Clock clock) {
        this.views = views;
        this.eventStore = eventStore;
        this.eventLog = eventLog;
        this.serializer = serializer;
        this.clock = clock;
    }

    /**
     * Where a processor stands: for each segment, the token this node knows best, from the token table (what every
     * node has committed) or, for the segments this node processes, their live status. A processor advances its
     * status at once past events it has nothing to do with, but stores that token only when it next has work or
     * after a while (Axon's event availability timeout).
     */
    public Progress progress(String processorName, Map<Integer, EventTrackerStatus> local) {
        return merge(stored(processorName), local);
    }

    /** The tokens a processor's segments have stored in the token table (one query). */
    public Map<Integer, TrackingToken> stored(String processorName) {
        Map<Integer, TrackingToken> stored = new HashMap<>();
        views.sql("SELECT segment, token, tokenType FROM TokenEntry WHERE processorName = ?")
                .param(processorName)
                .query(rs -> {
                    stored.put(rs.getInt("segment"), token(rs.getBytes("token"), rs.getString("tokenType")));
                });
        return stored;
    }

    /**
     * Where a processor stands from its stored tokens and this node's live status of the segments it processes: for
     * each stored segment, the later of the two. No query.
     */
    public static Progress merge(Map<Integer, TrackingToken> stored, Map<Integer, EventTrackerStatus> local) {
        List<TrackingToken> tokens = new ArrayList<>();
        stored.forEach((segment, token) -> {
            EventTrackerStatus status = local.get(segment);
            TrackingToken live = status == null ? null : status.getTrackingToken();
            tokens.add(later(lowerBound(token), lowerBound(live)));
        });
        return new Progress(tokens);
    }

    public Progress progress(String processorName) {
        return progress(processorName, Map.of());
    }

    /** The tokens of a processor's segments. */
    public record Progress(List<TrackingToken> tokens) {

        /** The highest global position every segment has reached; empty before the first batch. */
        public OptionalLong position() {
            if (tokens.isEmpty() || tokens.contains(null)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(tokens.stream().mapToLong(token -> token.position().orElse(0)).min().orElseThrow());
        }

        /**
         * Whether the event at a global position has been applied by every segment. Positions left unused by
         * transactions that rolled back stay gaps for a while and do not matter: only that event's own does.
         */
        public boolean covers(long globalPosition) {
            if (tokens.isEmpty() || tokens.contains(null)) {
                return false;
            }
            return tokens.stream().allMatch(token -> token.position().orElse(0) >= globalPosition
                    && !(token instanceof GapAwareTrackingToken gapAware && gapAware.getGaps().contains(globalPosition)));
        }
    }

    private static TrackingToken lowerBound(TrackingToken token) {
        return token == null ? null : WrappedToken.unwrapLowerBound(token);
    }

    private static TrackingToken later(TrackingToken stored, TrackingToken live) {
        if (stored == null || live == null) {
            return stored == null ? live : stored;
        }
        return live.covers(stored) ? live : stored;
    }

    /** The newest event's position in the store, 0 when it is empty. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /**
     * How long the oldest event not yet processed has been waiting; zero when the processor is caught up, or when
     * the events are in Axon Server (whose stored times this side does not read).
     */
    public Duration waitingSince(long processedUpTo) {
        EventLog log = eventLog.getIfAvailable();
        if (log == null) {
            return Duration.ZERO;
        }
        return log.firstTimestampAfter(processedUpTo)
                .map(timestamp -> Duration.between(timestamp, clock.instant()))
                .filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

}
