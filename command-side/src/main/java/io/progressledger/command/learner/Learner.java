package io.progressledger.command.learner;

import io.progressledger.events.AggregateType;
import io.progressledger.command.Decision;
import io.progressledger.events.learner.LearnerDataErased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A learner as a data subject: it records each erasure of their personal data in the audit trail. Asking again when
 * nothing is left to erase records nothing (erasure is idempotent); new data received since the last erasure makes
 * the next one a new fact.
 */
@Aggregate
public class Learner {

    @AggregateIdentifier
    private String learnerId;
    private boolean erasedBefore;

    protected Learner() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decision handle(EraseLearnerData command) {
        if (erasedBefore && !command.erasedSomething()) {
            return Decision.DUPLICATE;
        }
        apply(new LearnerDataErased(command.institutionId(), command.userId(), command.keysDeleted(),
                command.deliveryBodiesDeleted(), command.redactedEvents(), command.requestedBy(), command.reason(),
                command.erasedAt()));
        return Decision.RECORDED;
    }

    @EventSourcingHandler
    void on(LearnerDataErased event) {
        learnerId = AggregateType.learner(event.institutionId(), event.userId());
        erasedBefore = true;
    }
}
