package io.progressledger.command.webhook;

import io.progressledger.command.Decision;
import io.progressledger.command.Utf8;
import io.progressledger.command.delivery.Delivery;
import io.progressledger.command.delivery.DeliveryLog;
import io.progressledger.command.delivery.Outcome;
import io.progressledger.command.eventstore.RecordedEvent;
import io.progressledger.command.eventstore.RecordedEvents;
import io.progressledger.command.privacy.PersonalDataSeal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
    private final MeterRegistry metrics;
    private final PersonalDataSeal seal;

    public Ingestion(List<WebhookAdapter> adapters, Authenticator authenticator, DeliveryLog deliveryLog,
                     CommandGateway commands, RecordedEvents recordedEvents, TransactionTemplate transaction,
                     IngestionProperties properties, Clock clock, MeterRegistry metrics, PersonalDataSeal seal) {
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
        this.metrics = metrics;
        this.seal = seal;
    }

    public boolean knows(String source) {
        return adapters.containsKey(source);
    }

    /** Whose personal data a body from {@code source} holds, as its adapter reads it; empty when none or not JSON. */
    public Optional<String> dataSubjectOf(String source, byte[] body) {
        WebhookAdapter adapter = adapters.get(source);
        if (adapter == null) {
            return Optional.empty();
        }
        try {
            return adapter.dataSubject(StrictJson.parse(body));
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    public Answer receive(IncomingCall call) {
        // Microseconds: what the databases keep, so the event and the delivery log hold the very same instant.
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var attempt = new Attempt(call.source(), UUID.randomUUID().toString(), receivedAt, System.nanoTime(), call,
                null, null);
        try {
            return checkAndApply(attempt);
        } catch (RuntimeException failure) {
            return attempt.fail(failure);
        }
    }

    private Answer checkAndApply(Attempt attempt) {
        IncomingCall call = attempt.call;
        if (call.oversized()) {
            return attempt.refuse(WebhookProblem.PAYLOAD_TOO_LARGE, "the body is larger than "
                    + properties.maxBodySize().toBytes() + " bytes", List.of());
        }
        Optional<String> text = Utf8.decode(call.body());
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

    /**
     * Re-processes a logged delivery without the sender resending it, as a new delivery linked to the original
     * ({@code retryOf}) and to who asked for it. Credentials are not checked again (the signature's time window is
     * long past) but only a delivery that was authenticated when it arrived can be re-processed, and only one whose
     * body was kept whole.
     */
    public Retried retry(String originalId, String requestedBy) {
        Delivery original = deliveryLog.find(originalId)
                .orElseThrow(() -> new RetryRefused(HttpStatus.NOT_FOUND, "no delivery " + originalId));
        if (!original.authenticated()) {
            throw new RetryRefused(HttpStatus.CONFLICT, "delivery " + originalId + " was not authenticated when it "
                    + "arrived; only its sender can send it again");
        }
        if (original.body() == null) {
            throw new RetryRefused(HttpStatus.CONFLICT, "the body of delivery " + originalId + " is no longer kept ("
                    + (original.bodyRemoved() == null ? "removed" : original.bodyRemoved()) + ")");
        }
        if (original.statusCode() == WebhookProblem.PAYLOAD_TOO_LARGE.status().value()) {
            throw new RetryRefused(HttpStatus.CONFLICT, "delivery " + originalId + " was over the size limit; its "
                    + "body was not kept whole");
        }
        IncomingCall call = new IncomingCall(original.source(), original.headers(), original.body(), false,
                original.clientAddress());
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var attempt = new Attempt(original.source(), UUID.randomUUID().toString(), receivedAt, System.nanoTime(),
                call, null, null);
        attempt.authenticated = true;
        attempt.retryOf = originalId;
        attempt.requestedBy = requestedBy;
        try {
            return new Retried(attempt.deliveryId, interpretAndApply(attempt));
        } catch (RuntimeException failure) {
            return new Retried(attempt.deliveryId, attempt.fail(failure));
        }
    }

    /** The new delivery a retry created, and how it was answered. */
    public record Retried(String deliveryId, Answer answer) {
    }

    /** A retry that cannot be done; the status says why (404 unknown, 409 not re-processable). */
    public static class RetryRefused extends RuntimeException {

        private final HttpStatus status;

        RetryRefused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
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
            String where = e.line() > 0 ? "line " + e.line() + ", column " + e.column() + ": " : "";
            return attempt.refuse(WebhookProblem.MALFORMED_JSON, where + e.getMessage(), List.of());
        }
        attempt.parsed = body;
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
        Optional<String> original = claim(attempt, idempotencyKey);
        if (original.isPresent()) {
            List<RecordedEvent> events = deliveryLog.find(original.get()).map(Delivery::events).orElse(List.of());
            return applying.succeed(Outcome.DUPLICATE, events, original.get(),
                    "a delivery with the same idempotency key was accepted before");
        }
        Timer.Sample handling = Timer.start(metrics);
        Decision decision;
        try {
            // Personal data is sealed before it reaches the aggregate: no plain name or email is ever stored.
            decision = commands.sendAndWait(seal.sealIfPersonal(command.command()),
                    MetaData.from(provenance(attempt, command)));
        } catch (RuntimeException refused) {
            handling.stop(commandTimer(command, refused.getClass().getSimpleName()));
            throw refused;
        }
        handling.stop(commandTimer(command, decision.name()));
        return switch (decision) {
            case RECORDED -> applying.succeed(Outcome.ACCEPTED,
                    List.of(recordedEvents.newestOf(command.aggregateId())), null, null);
            case DUPLICATE -> applying.succeed(Outcome.DUPLICATE, List.of(), null, "this fact is already recorded");
            case STALE -> applying.succeed(Outcome.DUPLICATE, List.of(), null,
                    "stale: a newer status of this block is already recorded");
        };
    }

    /** Command latency, from dispatch to the aggregate's decision (loading it and appending its event included). */
    private Timer commandTimer(Interpretation.Command command, String result) {
        return Timer.builder("progress.commands").description("commands handled by the aggregates")
                .tag("command", command.command().getClass().getSimpleName()).tag("result", result)
                .register(metrics);
    }

    /** The delivery that owns the key already, or empty when this one now owns it. */
    private Optional<String> claim(Attempt attempt, String idempotencyKey) {
        try {
            savepoint.executeWithoutResult(
                    status -> deliveryLog.claim(attempt.source, idempotencyKey, attempt.deliveryId));
            return Optional.empty();
        } catch (DuplicateKeyException claimedBefore) {
            return Optional.of(deliveryLog.ownerOf(attempt.source, idempotencyKey));
        }
    }

    private static Map<String, Object> provenance(Attempt attempt, Interpretation.Command command) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("deliveryId", attempt.deliveryId);
        metadata.put("source", attempt.source);
        metadata.put("senderEventId", command.senderEventId());
        metadata.put("receivedAt", attempt.receivedAt.toString());
        return metadata;
    }

    /** The types of an exception and its causes, without their messages. */
    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getName());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getClass().getName());
        }
        return chain.toString();
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
        private JsonNode parsed;
        private String eventType;
        private String retryOf;
        private String requestedBy;

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
            copy.parsed = parsed;
            copy.eventType = eventType;
            copy.retryOf = retryOf;
            copy.requestedBy = requestedBy;
            return copy;
        }

        Answer succeed(Outcome outcome, List<RecordedEvent> events, String duplicateOf, String reason) {
            var reply = new WebhookReply(outcome.wireName(), deliveryId, events, duplicateOf, reason);
            String code = outcome == Outcome.ACCEPTED ? "recorded" : duplicateOf != null ? "repeat"
                    : reason != null && reason.startsWith("stale") ? "stale" : "known";
            record(outcome, HttpStatus.OK.value(), null, events, code);
            return new Answer(HttpStatus.OK.value(), reply, new HttpHeaders());
        }

        Answer ignore(HttpStatus status, String senderEventId, String reason) {
            var reply = new WebhookReply(Outcome.IGNORED.wireName(), deliveryId, List.of(), null, reason);
            withSender(senderEventId, null).recordAlone(Outcome.IGNORED, status.value(), null,
                    status == HttpStatus.OK ? "ping" : "unsupported");
            return new Answer(status.value(), reply, new HttpHeaders());
        }

        Answer refuse(WebhookProblem kind, String detail, List<FieldError> errors) {
            ProblemDetail problem = problem(kind.type(), kind.title(), kind.status(), detail, errors);
            HttpHeaders headers = new HttpHeaders();
            if (kind == WebhookProblem.UNAUTHENTICATED) {
                headers.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            recordAlone(Outcome.REJECTED, kind.status().value(), problemAsMap(problem), kind.type().substring(10));
            return new Answer(kind.status().value(), problem, headers);
        }

        /**
         * The call could not be processed. An unreachable store is the sender's cue to retry (503 and
         * Retry-After; the delivery log, in the same database, cannot keep the call, so the application log does);
         * anything else is our fault (500, kept in the delivery log). Either way the answer names the delivery and
         * holds no internals.
         */
        Answer fail(RuntimeException failure) {
            boolean unavailable = StoreFailures.isUnavailable(failure);
            HttpStatus status = unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
            ProblemDetail problem = problem(unavailable ? WebhookProblem.STORE_UNAVAILABLE.type() : "/problems/internal",
                    unavailable ? WebhookProblem.STORE_UNAVAILABLE.title() : "Internal error", status,
                    unavailable ? "the event store cannot be reached; nothing was recorded, retry later"
                            : "the delivery could not be processed; nothing was recorded", List.of());
            HttpHeaders headers = new HttpHeaders();
            if (unavailable) {
                // The delivery log lives in the same database: waiting for it again would only delay the answer.
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()));
                log.warn("delivery {} source={} outcome=failed status=503: the event store is unreachable ({}); "
                        + "not written to the delivery log", deliveryId, source, failure.getClass().getSimpleName());
                count(Outcome.FAILED, "store-unavailable");
                return new Answer(status.value(), problem, headers);
            }
            // Exception messages may quote the values of a row, personal data included: only types are logged.
            log.error("delivery {} source={} failed: {}", deliveryId, source, causes(failure));
            try {
                recordAlone(Outcome.FAILED, status.value(), problemAsMap(problem), "internal");
            } catch (RuntimeException alsoFailed) {
                log.warn("delivery {} could not be written to the delivery log either ({})", deliveryId,
                        alsoFailed.getClass().getSimpleName());
            }
            return new Answer(status.value(), problem, headers);
        }

        private ProblemDetail problem(String type, String title, HttpStatus status, String detail,
                                      List<FieldError> errors) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setType(URI.create(type));
            problem.setTitle(title);
            problem.setInstance(URI.create("/api/deliveries/" + deliveryId));
            problem.setProperty("deliveryId", deliveryId);
            problem.setProperty("errors", errors);
            return problem;
        }

        private void recordAlone(Outcome outcome, int status, Map<String, Object> problem, String reason) {
            transaction.executeWithoutResult(tx -> record(outcome, status, problem, null, reason));
        }

        private void record(Outcome outcome, int status, Map<String, Object> problem, List<RecordedEvent> events,
                            String reason) {
            long micros = (System.nanoTime() - startedNanos) / 1_000;
            count(outcome, reason);
            Timer.builder("progress.deliveries.duration").description("webhook calls, from arrival to answer")
                    .tag("source", source).tag("outcome", outcome.wireName())
                    .register(metrics).record(micros, TimeUnit.MICROSECONDS);
            deliveryLog.record(new Delivery(deliveryId, source, receivedAt, call.clientAddress(),
                    Headers.redacted(call.headers()), call.body(), call.body().length, eventType, senderEventId,
                    idempotencyKey, outcome, status, problem, events, micros, authenticated, retryOf, requestedBy,
                    dataSubject(), null, null));
            log.info("delivery {} source={} outcome={} status={} latencyMicros={}", deliveryId, source,
                    outcome.wireName(), status, micros);
        }

        /**
         * Whose personal data the body holds, as its sender's adapter reads it, even from a body that was refused:
         * it seals the stored body, so that erasing the subject reaches it. Null when the body names nobody (or is
         * not JSON): it is then kept as it arrived, until retention deletes it.
         */
        private String dataSubject() {
            if (parsed == null) {
                return dataSubjectOf(source, call.body()).orElse(null);
            }
            return adapters.get(source).dataSubject(parsed).orElse(null);
        }

        /** Deliveries by source, outcome and reason: bounded labels, no ids, no personal data. */
        private void count(Outcome outcome, String reason) {
            metrics.counter("progress.deliveries", "source", source, "outcome", outcome.wireName(), "reason", reason)
                    .increment();
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
