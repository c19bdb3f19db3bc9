package io.progressledger.command.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.progressledger.command.Decision;
import io.progressledger.command.Refusal;
import io.progressledger.command.delivery.Delivery;
import io.progressledger.command.delivery.DeliveryLog;
import io.progressledger.command.eventstore.RecordedEvent;
import io.progressledger.command.eventstore.RecordedEvents;
import io.progressledger.command.privacy.PersonalDataSeal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a sender's command to its aggregate, once per idempotency key, in one transaction with the key and the
 * delivery-log entry: either all of it is stored or none of it. A repeat of a key is answered with the delivery that
 * claimed it first; the aggregate decides everything else (a new fact, a fact it holds, a stale one, a refusal).
 */
@Component
class ApplyingCommands {

    private static final int ATTEMPTS = 5;

    private final DeliveryLog deliveryLog;
    private final DeliveryRecorder recorder;
    private final CommandGateway commands;
    private final RecordedEvents recordedEvents;
    private final PersonalDataSeal seal;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final MeterRegistry metrics;

    ApplyingCommands(DeliveryLog deliveryLog, DeliveryRecorder recorder, CommandGateway commands,
                     RecordedEvents recordedEvents, PersonalDataSeal seal, TransactionTemplate transaction,
                     MeterRegistry metrics) {
        this.deliveryLog = deliveryLog;
        this.recorder = recorder;
        this.commands = commands;
        this.recordedEvents = recordedEvents;
        this.seal = seal;
        this.transaction = transaction;
        this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionTemplate.PROPAGATION_NESTED);
        this.metrics = metrics;
    }

    /** The verdict; its delivery-log entry is written with the fact, except for a refusal (nothing to commit). */
    Settlement apply(Arrival arrival, Reading reading, Interpretation.Command command) {
        String webhookId = Headers.first(arrival.call().headers(), "webhook-id");
        String idempotencyKey = webhookId != null ? "webhook-id:" + webhookId : command.idempotencyKey();
        Reading identified = reading.identified(command.senderEventId(), idempotencyKey);
        for (int tries = 1; ; tries++) {
            try {
                Verdict verdict = transaction.execute(status -> {
                    Verdict decided = applyOnce(arrival, command, idempotencyKey);
                    recorder.write(arrival, identified, decided);
                    return decided;
                });
                return new Settlement(identified, verdict, true);
            } catch (ConcurrencyException | AggregateStreamCreationException | ConcurrencyFailureException
                     | DuplicateKeyException conflict) {
                // Another node or thread wrote to the same aggregate or key first: re-read and decide again.
                if (tries == ATTEMPTS) {
                    throw conflict;
                }
            } catch (Refusal refusal) {
                return Settlement.toWrite(identified, new Verdict.Refused(WebhookProblem.CONFLICTING_CONTENT,
                        refusal.getMessage()));
            }
        }
    }

    private Verdict applyOnce(Arrival arrival, Interpretation.Command command, String idempotencyKey) {
        Optional<String> original = claim(arrival, idempotencyKey);
        if (original.isPresent()) {
            List<RecordedEvent> events = deliveryLog.find(original.get()).map(Delivery::events).orElse(List.of());
            return Verdict.Settled.repeatOf(original.get(), events);
        }
        Timer.Sample handling = Timer.start(metrics);
        Decision decision;
        try {
            // Personal data is sealed before it reaches the aggregate: no plain name or email is ever stored.
            decision = commands.sendAndWait(seal.sealIfPersonal(command.command()),
                    MetaData.from(provenance(arrival, command)));
        } catch (RuntimeException refused) {
            handling.stop(commandTimer(command, refused.getClass().getSimpleName()));
            throw refused;
        }
        handling.stop(commandTimer(command, decision.name()));
        return switch (decision) {
            case RECORDED -> Verdict.Settled.accepted(List.of(recordedEvents.newestOf(command.aggregateId())));
            case DUPLICATE -> Verdict.Settled.known();
            case STALE -> Verdict.Settled.stale();
        };
    }

    /** The delivery that owns the key already, or empty when this one now owns it. */
    private Optional<String> claim(Arrival arrival, String idempotencyKey) {
        try {
            savepoint.executeWithoutResult(
                    status -> deliveryLog.claim(arrival.source(), idempotencyKey, arrival.deliveryId()));
            return Optional.empty();
        } catch (DuplicateKeyException claimedBefore) {
            return Optional.of(deliveryLog.ownerOf(arrival.source(), idempotencyKey));
        }
    }

    /** Command latency, from dispatch to the aggregate's decision (loading it and appending its event included). */
    private Timer commandTimer(Interpretation.Command command, String result) {
        return Timer.builder("progress.commands").description("commands handled by the aggregates")
                .tag("command", command.command().getClass().getSimpleName()).tag("result", result)
                .register(metrics);
    }

    private static Map<String, Object> provenance(Arrival arrival, Interpretation.Command command) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("deliveryId", arrival.deliveryId());
        metadata.put("source", arrival.source());
        metadata.put("senderEventId", command.senderEventId());
        metadata.put("receivedAt", arrival.receivedAt().toString());
        return metadata;
    }
}
