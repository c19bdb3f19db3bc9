package io.progressledger.command.webhook;

import io.progressledger.command.Decision;
import io.progressledger.command.delivery.Delivery;
import io.progressledger.command.delivery.DeliveryLog;
import io.progressledger.command.delivery.Outcome;
import io.progressledger.command.eventstore.RecordedEvent;
import io.progressledger.command.eventstore.RecordedEvents;
import io.progressledger.command.talent.ConflictingBlockContent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way into the ledger. A call is checked in a fixed order (size, encoding, credentials, media type, JSON,
 * the sender's contract), turned into a command by its sender's adapter, and applied in one transaction together
 * with its idempotency key and its delivery-log entry: either all of it is stored or none of it. Every call, refused
 * ones included, is in the delivery log before it is answered.
 */
@Service
public class Ingestion {

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);
    private static final int ATTEMPTS = 5;

    private final Map<String, WebhookAdapter> adapters;
    private final Authenticator authenticator;
    private final DeliveryLog deliveryLog;
    private final CommandGateway commands;
    private final RecordedEvents recordedEvents;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final IngestionProperties properties;
    private final Clock clock;

    public Ingestion(List<WebhookAdapter> adapters, Authenticator authenticator, DeliveryLog deliveryLog,
                     CommandGateway commands, RecordedEvents recordedEvents, TransactionTemplate transaction,
                     IngestionProperties properties, Clock clock) {
        this.adapters = adapters.stream().collect(Collectors.toMap(WebhookAdapter::source, Function.identity()));
        this.authenticator = authenticator;
        this.deliveryLog = deliveryLog;
        this.commands = commands;
        this.recordedEvents = recordedEvents;
        this.transaction = transaction;
        this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionTemplate.PROPAGATION_NESTED);
        this.properties = properties;
        this.clock = clock;
    }

    public boolean knows(String source) {
        return adapters.containsKey(source);
    }

    public Answer receive(IncomingCall call) {
        // Microseconds: what the databases keep, so the event and the delivery log hold the very same instant.
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var attempt = new Attempt(call.source(), UUID.randomUUID().toString(), receivedAt, System.nanoTime(), call,
                null, null);
        if (call.oversized()) {
            return attempt.refuse(WebhookProblem.PAYLOAD_TOO_LARGE, "the body is larger than "
                    + properties.maxBodySize().toBytes() + " bytes", List.of());
        }
        Optional<String> text = utf8(call.body());
        if (text.isEmpty()) {
            return attempt.refuse(WebhookProblem.INVALID_ENCODING, "the body is not valid UTF-8", List.of());
        }
        Authentication authentication = authenticator.authenticate(call.source(), call.headers(), text.get());
        if (!authentication.authenticated()) {
            return attempt.refuse(WebhookProblem.UNAUTHENTICATED, authentication.detail(), List.of());
        }
        attempt.authenticated = true;
        return interpretAndApply(attempt);
    }

    private Answer interpretAndApply(Attempt attempt) {
        IncomingCall call = attempt.call;
        String contentType = Headers.first(call.headers(), "content-type");
        if (!isJson(contentType)) {
            return attempt.refuse(WebhookProblem.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json, not "
                    + (contentType == null ? "absent" : "'" + contentType + "'"), List.of());
        }
        if (call.body().length == 0 || new String(call.body(), StandardCharsets.UTF_8).isBlank()) {
            return attempt.refuse(WebhookProblem.EMPTY_BODY, "the body is empty; a JSON object is expected",
                    List.of());
        }
        JsonNode body;
        try {
            body = StrictJson.parse(call.body());
        } catch (StrictJson.Malformed e) {
            return attempt.refuse(WebhookProblem.MALFORMED_JSON, "line " + e.line() + ", column " + e.column()
                    + ": " + e.getMessage(), List.of());
        }
        Interpretation interpretation = adapters.get(call.source())
                .interpret(body, new Receipt(attempt.deliveryId, call.source(), attempt.receivedAt));
        attempt.eventType = interpretation.eventType();
        if (interpretation instanceof Interpretation.Invalid invalid) {
            return attempt.refuse(invalid.problem(), invalid.detail(), invalid.errors());
        }
        if (interpretation instanceof Interpretation.Ping) {
            return attempt.ignore(HttpStatus.OK, null, "ping acknowledged");
        }
        if (interpretation instanceof Interpretation.Unsupported unsupported) {
            return attempt.ignore(HttpStatus.ACCEPTED, unsupported.senderEventId(), "event type '"
                    + unsupported.eventType() + "' is not recorded by this version; the delivery is kept for "
                    + "re-processing");
        }
        return apply(attempt, (Interpretation.Command) interpretation);
    }

    private Answer apply(Attempt attempt, Interpretation.Command command) {
        String webhookId = Headers.first(attempt.call.headers(), "webhook-id");
        String idempotencyKey = webhookId != null ? "webhook-id:" + webhookId : command.idempotencyKey();
        for (int tries = 1; ; tries++) {
            try {
                return transaction.execute(status -> applyOnce(attempt, command, idempotencyKey));
            } catch (ConcurrencyException | AggregateStreamCreationException | ConcurrencyFailureException
                     | DuplicateKeyException conflict) {
                // Another node or thread wrote to the same aggregate or key first: re-read and decide again.
                if (tries == ATTEMPTS) {
                    throw conflict;
                }
            } catch (ConflictingBlockContent conflict) {
                return attempt.withSender(command.senderEventId(), idempotencyKey)
                        .refuse(WebhookProblem.CONFLICTING_CONTENT, conflict.getMessage(), List.of());
            }
        }
    }

    private Answer applyOnce(Attempt attempt, Interpretation.Command command, String idempotencyKey) {
        Attempt applying = attempt.withSender(command.senderEventId(), idempotencyKey);
        Optional<String> original = savepoint.execute(
                status -> deliveryLog.claim(attempt.source, idempotencyKey, attempt.deliveryId));
        if (original.isPresent()) {
            List<RecordedEvent> events = deliveryLog.find(original.get()).map(Delivery::events).orElse(List.of());
            return applying.succeed(Outcome.DUPLICATE, events, original.get(),
                    "a delivery with the same idempotency key was accepted before");
        }
        Decision decision = commands.sendAndWait(command.command(), MetaData.from(provenance(attempt, command)));
        return switch (decision) {
            case RECORDED -> applying.succeed(Outcome.ACCEPTED,
                    List.of(recordedEvents.newestOf(command.aggregateId())), null, null);
            case DUPLICATE -> applying.succeed(Outcome.DUPLICATE, List.of(), null, "this fact is already recorded");
            case STALE -> applying.succeed(Outcome.DUPLICATE, List.of(), null,
                    "stale: a newer status of this block is already recorded");
        };
    }

    private static Map<String, Object> provenance(Attempt attempt, Interpretation.Command command) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("deliveryId", attempt.deliveryId);
        metadata.put("source", attempt.source);
        metadata.put("senderEventId", command.senderEventId());
        metadata.put("receivedAt", attempt.receivedAt.toString());
        return metadata;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "json".equals(type.getSubtypeSuffix());
            return json && (type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** One call on its way through the pipeline; it knows how to answer and record itself. */
    private final class Attempt {

        private final String source;
        private final String deliveryId;
        private final Instant receivedAt;
        private final long startedNanos;
        private final IncomingCall call;
        private final String senderEventId;
        private final String idempotencyKey;
        private boolean authenticated;
        private String eventType;

        Attempt(String source, String deliveryId, Instant receivedAt, long startedNanos, IncomingCall call,
                String senderEventId, String idempotencyKey) {
            this.source = source;
            this.deliveryId = deliveryId;
            this.receivedAt = receivedAt;
            this.startedNanos = startedNanos;
            this.call = call;
            this.senderEventId = senderEventId;
            this.idempotencyKey = idempotencyKey;
        }

        Attempt withSender(String senderEventId, String idempotencyKey) {
            Attempt copy = new Attempt(source, deliveryId, receivedAt, startedNanos, call, senderEventId,
                    idempotencyKey);
            copy.authenticated = authenticated;
            copy.eventType = eventType;
            return copy;
        }

        Answer succeed(Outcome outcome, List<RecordedEvent> events, String duplicateOf, String reason) {
            var reply = new WebhookReply(outcome.wireName(), deliveryId, events, duplicateOf, reason);
            record(outcome, HttpStatus.OK.value(), null, events);
            return new Answer(HttpStatus.OK.value(), reply, new HttpHeaders());
        }

        Answer ignore(HttpStatus status, String senderEventId, String reason) {
            var reply = new WebhookReply(Outcome.IGNORED.wireName(), deliveryId, List.of(), null, reason);
            withSender(senderEventId, null).recordAlone(Outcome.IGNORED, status.value(), null);
            return new Answer(status.value(), reply, new HttpHeaders());
        }

        Answer refuse(WebhookProblem kind, String detail, List<FieldError> errors) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status(), detail);
            problem.setType(URI.create(kind.type()));
            problem.setTitle(kind.title());
            problem.setInstance(URI.create("/api/deliveries/" + deliveryId));
            problem.setProperty("deliveryId", deliveryId);
            problem.setProperty("errors", errors);
            HttpHeaders headers = new HttpHeaders();
            if (kind == WebhookProblem.UNAUTHENTICATED) {
                headers.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            recordAlone(Outcome.REJECTED, kind.status().value(), problemAsMap(problem));
            return new Answer(kind.status().value(), problem, headers);
        }

        private void recordAlone(Outcome outcome, int status, Map<String, Object> problem) {
            transaction.executeWithoutResult(tx -> record(outcome, status, problem, null));
        }

        private void record(Outcome outcome, int status, Map<String, Object> problem, List<RecordedEvent> events) {
            long micros = (System.nanoTime() - startedNanos) / 1_000;
            deliveryLog.record(new Delivery(deliveryId, source, receivedAt, call.clientAddress(),
                    Headers.redacted(call.headers()), call.body(), call.body().length, eventType, senderEventId,
                    idempotencyKey, outcome, status, problem, events, micros, authenticated, null, null));
            log.info("delivery {} source={} outcome={} status={} latencyMicros={}", deliveryId, source,
                    outcome.wireName(), status, micros);
        }

        private Map<String, Object> problemAsMap(ProblemDetail problem) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", String.valueOf(problem.getType()));
            map.put("title", problem.getTitle());
            map.put("status", problem.getStatus());
            map.put("detail", problem.getDetail());
            if (problem.getProperties() != null) {
                map.putAll(problem.getProperties());
            }
            return map;
        }
    }
}
