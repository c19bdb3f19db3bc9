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
 * <p>
 * Under a burst the key is settled first, cheaply: a copy whose key is in flight in this node waits for the first
 * copy's outcome ({@link KeysInFlight}) and never loads the aggregate. So does the same body under another key (a
 * sender re-sending one event under new {@code webhook-id}s): once the first is recorded, known or stale, the copy is
 * the same (it claims its own key and is logged, without a command). Commands on one aggregate take turns
 * ({@link AggregateLocks}), so they do not collide in the store. Only other nodes meet at the database's unique keys,
 * and those conflicts are retried.
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
    private final MeterRegistry metrics;
    private final KeysInFlight keysInFlight;
    private final AggregateLocks aggregateLocks;
    private final Admission admission;

    ApplyingCommands(DeliveryLog deliveryLog, DeliveryRecorder recorder, CommandGateway commands,
                     RecordedEvents recordedEvents, PersonalDataSeal seal, TransactionTemplate transaction,
                     MeterRegistry metrics, KeysInFlight keysInFlight, AggregateLocks aggregateLocks,
                     Admission admission) {
        this.deliveryLog = deliveryLog;
        this.recorder = recorder;
        this.commands = commands;
        this.recordedEvents = recordedEvents;
        this.seal = seal;
        this.transaction = transaction;
        this.metrics = metrics;
        this.keysInFlight = keysInFlight;
        this.aggregateLocks = aggregateLocks;
        this.admission = admission;
        metrics.gauge("progress.deliveries.keys-in-flight", keysInFlight, KeysInFlight::size);
    }

    /**
     * The verdict; its delivery-log entry is written with the fact, except for a refusal (nothing to commit) and a
     * repeat of a copy in flight (written on its own, once the first copy committed).
     *
     * @throws Overloaded when the delivery's turn ran out while it waited for the first copy of its key or for its
     *                    aggregate
     */
    Settlement apply(Arrival arrival, Turn turn, Reading reading, Interpretation.Command command) {
        String webhookId = Headers.first(arrival.call().headers(), "webhook-id");
        String idempotencyKey = webhookId != null ? "webhook-id:" + webhookId : command.idempotencyKey();
        Reading identified = reading.identified(command.senderEventId(), idempotencyKey);
        String sameFact = arrival.source() + " fact " + command.idempotencyKey() + " "
                + DeliveryRecorder.sha256(arrival.call().body());
        return keysInFlight.settle(arrival.source() + " key " + idempotencyKey, turn,
                () -> keysInFlight.settle(sameFact, turn,
                        () -> aggregateLocks.holding(command.aggregateId(), turn, () -> admission.working(turn,
                                () -> applyWithRetries(arrival, identified, command, idempotencyKey, null))),
                        ApplyingCommands::sameFactDecided,
                        decided -> admission.working(turn,
                                () -> applyWithRetries(arrival, identified, command, idempotencyKey, decided))),
                settlement -> ownerOf(arrival, settlement),
                owner -> Settlement.toWrite(identified, Verdict.Settled.repeatOf(owner.deliveryId(), owner.events())));
    }

    /**
     * What the aggregate would decide for the same body again, when the first copy's settlement tells: a fact it
     * recorded or already held is known; a stale one stays stale (facts are never removed). A repeat of a key settled
     * earlier does not say which, so the copy asks the aggregate.
     */
    private static Optional<Verdict.Settled> sameFactDecided(Settlement settlement) {
        if (settlement.written() && settlement.verdict() instanceof Verdict.Settled settled) {
            return switch (settled.reason()) {
                case "recorded", "known" -> Optional.of(Verdict.Settled.known());
                case "stale" -> Optional.of(Verdict.Settled.stale());
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** The delivery that owns the key once this settlement is committed, if it settled the key. */
    private static Optional<KeysInFlight.Owner> ownerOf(Arrival arrival, Settlement settlement) {
        if (settlement.written() && settlement.verdict() instanceof Verdict.Settled settled) {
            String owner = settled.duplicateOf() != null ? settled.duplicateOf() : arrival.deliveryId();
            return Optional.of(new KeysInFlight.Owner(owner, settled.events()));
        }
        return Optional.empty();
    }

    /** @param decided the verdict when it is already known without the aggregate; null to ask the aggregate */
    private Settlement applyWithRetries(Arrival arrival, Reading identified, Interpretation.Command command,
                                        String idempotencyKey, Verdict.Settled decided) {
        for (int tries = 1; ; tries++) {
            // The first try claims the key straight away; a retry follows a conflict, perhaps on the key itself (a
            // repeat of a delivery settled before, or a copy on another node), so it looks for the key's owner first.
            boolean ownerFirst = tries > 1;
            try {
                Verdict verdict = transaction.execute(status -> {
                    Verdict verdictOnce = applyOnce(arrival, command, idempotencyKey, ownerFirst, decided);
                    recorder.write(arrival, identified, verdictOnce);
                    return verdictOnce;
                });
                return new Settlement(identified, verdict, true);
            } catch (ConcurrencyException | AggregateStreamCreationException | ConcurrencyFailureException
                     | DuplicateKeyException conflict) {
                // Another node wrote to the same aggregate or key first: re-read and decide again.
                if (tries == ATTEMPTS) {
                    throw conflict;
                }
            } catch (Refusal refusal) {
                return Settlement.toWrite(identified, new Verdict.Refused(WebhookProblem.CONFLICTING_CONTENT,
                        refusal.getMessage()));
            }
        }
    }

    private Verdict applyOnce(Arrival arrival, Interpretation.Command command, String idempotencyKey,
                              boolean ownerFirst, Verdict.Settled decided) {
        Optional<String> original = ownerFirst ? deliveryLog.ownerOf(arrival.source(), idempotencyKey)
                : Optional.empty();
        if (original.isPresent()) {
            List<RecordedEvent> events = deliveryLog.find(original.get()).map(Delivery::events).orElse(List.of());
            return Verdict.Settled.repeatOf(original.get(), events);
        }
        // No savepoint: when another delivery owns the key, the whole transaction is rolled back and retried.
        deliveryLog.claim(arrival.source(), idempotencyKey, arrival.deliveryId());
        if (decided != null) {
            return decided;
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
