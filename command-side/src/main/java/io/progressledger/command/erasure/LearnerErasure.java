package io.progressledger.command.erasure;

import io.progressledger.command.Decision;
import io.progressledger.command.delivery.BodyRemoval;
import io.progressledger.command.delivery.DeliveryLog;
import io.progressledger.command.eventstore.RecordedEvent;
import io.progressledger.command.eventstore.RecordedEvents;
import io.progressledger.command.learner.EraseLearnerData;
import io.progressledger.command.privacy.PersonalDataKeys;
import io.progressledger.command.webhook.SenderAdapters;
import io.progressledger.events.learner.LearnerDataErased.RedactedEvent;
import io.progressledger.events.personal.PersonalData;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Erases a learner's personal data (LGPD / GDPR): deletes the raw bodies of their deliveries in bounded batches
 * ({@link BodyRemoval}), then in one transaction deletes their keys (every sealed name and email of theirs, in every
 * event, view and export, reads as erased from then on), redacts the plain values of events stored before sealing
 * existed, and records all of it as a {@code LearnerDataErased} event, which the views apply to purge their copies. Idempotent.
 */
@Service
public class LearnerErasure {

    private static final int ATTEMPTS = 3;
    /** Bodies of the learner logged while their older ones were being deleted, deleted with their keys. */
    private static final int LATE_BODIES = 100;

    private final PersonalDataKeys keys;
    private final DeliveryLog deliveryLog;
    private final BodyRemoval bodyRemoval;
    private final SenderAdapters adapters;
    private final ObjectProvider<LegacyRedaction> legacyRedaction;
    private final CommandGateway commands;
    private final RecordedEvents recordedEvents;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public LearnerErasure(PersonalDataKeys keys, DeliveryLog deliveryLog, BodyRemoval bodyRemoval,
                          SenderAdapters adapters,
                          ObjectProvider<LegacyRedaction> legacyRedaction, CommandGateway commands,
                          RecordedEvents recordedEvents, TransactionTemplate transaction, Clock clock) {
        this.keys = keys;
        this.deliveryLog = deliveryLog;
        this.bodyRemoval = bodyRemoval;
        this.adapters = adapters;
        this.legacyRedaction = legacyRedaction;
        this.commands = commands;
        this.recordedEvents = recordedEvents;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What an erasure did; {@code event} is null when there was nothing left to erase. */
    public record Erasure(long institutionId, long userId, String status, int keysDeleted, int deliveryBodiesDeleted,
                          int eventsRedacted, Instant erasedAt, RecordedEvent event) {
    }

    public Erasure erase(long institutionId, long userId, String requestedBy, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String subject = PersonalData.learner(institutionId, userId);
        // The bodies first, in bounded batches of their own (a learner may have thousands): bounded memory, no long
        // transaction. A body logged meanwhile is deleted with the keys, below.
        int bodiesDeleted = bodyRemoval.erase(subject, now, adapters::dataSubjectOf).bodies();
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status ->
                        eraseOnce(institutionId, userId, requestedBy, reason, now, bodiesDeleted));
            } catch (ConcurrencyException concurrentErasure) {
                if (attempt == ATTEMPTS) {
                    throw concurrentErasure;
                }
            }
        }
    }

    private Erasure eraseOnce(long institutionId, long userId, String requestedBy, String reason, Instant now,
                              int bodiesDeletedBefore) {
        String subject = PersonalData.learner(institutionId, userId);
        int keysDeleted = keys.deleteFor(subject);
        int bodiesDeleted = bodiesDeletedBefore
                + deliveryLog.removeBodies(deliveryLog.keptBodiesOf(subject, LATE_BODIES), "erasure", now);
        List<RedactedEvent> redacted = legacyRedaction.stream().findFirst()
                .map(redaction -> redaction.redact(institutionId, userId, now)).orElse(List.of());
        var command = new EraseLearnerData(institutionId, userId, keysDeleted, bodiesDeleted, redacted, requestedBy,
                reason, now);
        Decision decision = commands.sendAndWait(command);
        boolean recorded = decision == Decision.RECORDED;
        return new Erasure(institutionId, userId, recorded ? "erased" : "already-erased", keysDeleted, bodiesDeleted,
                redacted.size(), now, recorded ? recordedEvents.newestOf(command.learnerId()) : null);
    }
}
