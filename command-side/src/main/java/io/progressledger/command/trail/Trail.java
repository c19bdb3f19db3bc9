package io.progressledger.command.trail;

import io.progressledger.events.AggregateType;
import io.progressledger.command.Decision;
import io.progressledger.events.trail.TrailCompleted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One learner's progress on one trail. Kept small on purpose: a trail completed by a million learners is a million
 * of these, so the next completion never waits on the others. A completion is identified by its finish time: the
 * same time again is a repeated delivery; another time is another completion.
 */
@Aggregate
public class Trail {

    @AggregateIdentifier
    private String aggregateId;
    private final Set<Instant> completedAt = new HashSet<>();

    protected Trail() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decision handle(CompleteTrail command) {
        if (completedAt.contains(command.finishedAt())) {
            return Decision.DUPLICATE;
        }
        var trail = command.learnerTrail();
        apply(new TrailCompleted(trail.institutionId(), trail.userId(), command.userName(), command.userEmail(),
                trail.trailId(), command.trailName(), command.finishedAt(), completedAt.size() + 1,
                command.courses(), command.provenance()));
        return Decision.RECORDED;
    }

    @EventSourcingHandler
    void on(TrailCompleted event) {
        aggregateId = AggregateType.trail(event.learnerTrailId());
        completedAt.add(event.finishedAt());
    }
}
