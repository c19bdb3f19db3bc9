package io.progressledger.query.trail;

import java.util.stream.Stream;
import java.util.stream.Collectors;
import java.util.function.Function;
import io.progressledger.events.AggregateType;
import io.progressledger.query.eventstore.JdbcEventStore;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.api.ViewTime;
import io.progressledger.query.eventstore.EventLog;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A learner's trails as they were at an instant ({@code ?asOf=}): computed from the learner's Trail aggregates'
 * events recorded up to then, read through the upcasters, never from a copy of the view; each trail shows its
 * latest completion then and the count then, as the live view did.
 */
@Service
@JdbcEventStore
public class LearnerTrailsAt {

    private final EventLog eventLog;
    private final EventStore eventStore;

    public LearnerTrailsAt(EventLog eventLog, EventStore eventStore) {
        this.eventLog = eventLog;
        this.eventStore = eventStore;
    }

    public Page<TrailCompletion> trails(long institutionId, long userId, Instant asOf,
                                        PageRequest<TrailCompletions.LearnerPosition> page) {
        long afterTrail = page.first() ? Long.MIN_VALUE : page.after().trailId();
        String learner = institutionId + ":" + userId + ":";
        // A trail's events are under trail:i:u:t, and under i:u:t when stored before ids were namespaced.
        List<TrailCompletion> latest = Stream.concat(
                        eventLog.aggregatesStartingWith(AggregateType.TRAIL.of(learner), AggregateType.TRAIL).stream(),
                        eventLog.aggregatesStartingWith(learner, AggregateType.TRAIL).stream())
                .map(aggregate -> latestAt(aggregate, asOf))
                .filter(Objects::nonNull)
                .filter(trail -> trail.institutionId() == institutionId && trail.userId() == userId)
                .collect(Collectors.toMap(TrailCompletion::trailId, Function.identity(),
                        (a, b) -> a.completionNumber() >= b.completionNumber() ? a : b))
                .values().stream()
                .sorted(Comparator.comparingLong(TrailCompletion::trailId))
                .toList();
        if (latest.isEmpty()) {
            throw new NotFound("no completions for learner " + institutionId + "/" + userId);
        }
        List<TrailCompletion> rows = latest.stream().filter(trail -> trail.trailId() > afterTrail)
                .limit(page.limit() + 1L).toList();
        return Page.of(rows, page, TrailCompletions.LearnerPosition::of);
    }

    private TrailCompletion latestAt(String aggregateId, Instant asOf) {
        return eventStore.readEvents(aggregateId).asStream()
                .filter(event -> !event.getTimestamp().isAfter(asOf))
                .map(DomainEventMessage::getPayload)
                .filter(TrailCompleted.class::isInstance)
                .map(TrailCompleted.class::cast)
                .max(Comparator.comparingInt(TrailCompleted::completionNumber))
                .map(e -> new TrailCompletion(e.institutionId(), e.userId(), e.userName(), e.userEmail(),
                        e.trailId(), e.trailName(), ViewTime.of(e.finishedAt()), e.completionNumber(), e.courses(),
                        e.completionNumber()))
                .orElse(null);
    }
}
