package io.progressledger.command.learner;

import io.progressledger.events.AggregateType;
import io.progressledger.events.learner.LearnerDataErased.RedactedEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Record the erasure of a learner's personal data, once it is done: keys and bodies deleted, old plain values
 * redacted, in the same transaction as this command.
 */
public record EraseLearnerData(
        long institutionId,
        long userId,
        int keysDeleted,
        int deliveryBodiesDeleted,
        List<RedactedEvent> redactedEvents,
        String requestedBy,
        String reason,
        Instant erasedAt) {

    public EraseLearnerData {
        redactedEvents = List.copyOf(redactedEvents);
    }

    /** The learner's aggregate, in the learners' own id space. */
    @TargetAggregateIdentifier
    public String learnerId() {
        return AggregateType.learner(institutionId, userId);
    }

    /** Whether anything was left to erase. */
    boolean erasedSomething() {
        return keysDeleted > 0 || deliveryBodiesDeleted > 0 || !redactedEvents.isEmpty();
    }
}
