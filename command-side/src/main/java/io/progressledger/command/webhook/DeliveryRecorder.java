package io.progressledger.command.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.progressledger.command.delivery.Delivery;
import io.progressledger.command.delivery.DeliveryLog;
import io.progressledger.command.eventstore.RecordedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Records how each call ended: its delivery-log entry (inside the caller's transaction, so that a fact and the record
 * of the delivery that brought it commit together), then, once settled, a count by source, outcome and reason, a
 * duration, and one log line. Neither metrics nor logs hold ids of learners, bodies or personal data.
 */
@Component
public class DeliveryRecorder {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);

    private final DeliveryLog deliveryLog;
    private final SenderAdapters adapters;
    private final MeterRegistry metrics;

    public DeliveryRecorder(DeliveryLog deliveryLog, SenderAdapters adapters, MeterRegistry metrics) {
        this.deliveryLog = deliveryLog;
        this.adapters = adapters;
        this.metrics = metrics;
    }

    /**
     * Writes the call's delivery-log entry, in the caller's transaction. A call refused before its sender was
     * authenticated keeps metadata only (size, SHA-256 of the body, headers without credentials, outcome): its body
     * is neither kept nor read for whose data it holds, so it creates no key and stores nobody's data.
     */
    void write(Arrival arrival, Reading reading, Verdict verdict) {
        IncomingCall call = arrival.call();
        List<RecordedEvent> events = verdict instanceof Verdict.Settled settled ? settled.events() : null;
        Map<String, Object> problem = problemOf(arrival, verdict);
        boolean kept = reading.authenticated();
        deliveryLog.record(new Delivery(arrival.deliveryId(), arrival.source(), arrival.receivedAt(),
                call.clientAddress(), Headers.redacted(call.headers()), kept ? call.body() : null, call.body().length,
                reading.eventType(), reading.senderEventId(), reading.idempotencyKey(), verdict.outcome(),
                verdict.status(), problem, events, arrival.elapsedMicros(), reading.authenticated(),
                arrival.retryOf(), arrival.requestedBy(), kept ? dataSubject(arrival, reading) : null,
                kept ? null : Delivery.NOT_AUTHENTICATED, kept ? null : arrival.receivedAt(), sha256(call.body())));
    }

    static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Counts the call and writes its log line, once it is settled. */
    void observe(Arrival arrival, Verdict verdict) {
        long micros = arrival.elapsedMicros();
        metrics.counter("progress.deliveries", "source", arrival.source(), "outcome", verdict.outcome().wireName(),
                "reason", verdict.reason()).increment();
        Timer.builder("progress.deliveries.duration").description("webhook calls, from arrival to answer")
                .tag("source", arrival.source()).tag("outcome", verdict.outcome().wireName())
                .register(metrics).record(micros, TimeUnit.MICROSECONDS);
        if (verdict instanceof Verdict.Shed) {
            // Not in the delivery log either; counted above. Under a flood, one line per call would flood the log.
            log.debug("delivery {} source={} outcome={} status={} reason={}", arrival.deliveryId(), arrival.source(),
                    verdict.outcome().wireName(), verdict.status(), verdict.reason());
            return;
        }
        if (verdict instanceof Verdict.Failed failed && failed.storeUnavailable()) {
            log.warn("delivery {} source={} outcome=failed status=503: the event store is unreachable; not written "
                    + "to the delivery log", arrival.deliveryId(), arrival.source());
            return;
        }
        log.info("delivery {} source={} outcome={} status={} latencyMicros={}", arrival.deliveryId(),
                arrival.source(), verdict.outcome().wireName(), verdict.status(), micros);
    }

    private static Map<String, Object> problemOf(Arrival arrival, Verdict verdict) {
        ProblemDetail problem = Answers.problemOf(arrival.deliveryId(), verdict);
        return problem == null ? null : Answers.asMap(problem);
    }

    /**
     * Whose personal data the body holds, as its sender's adapter reads it, even from a body that was refused: it
     * seals the stored body, so that erasing the subject reaches it. Null when the body names nobody (or is not
     * JSON): it is then kept as it arrived, until retention deletes it.
     */
    private String dataSubject(Arrival arrival, Reading reading) {
        if (reading.body() != null) {
            return adapters.dataSubjectOf(arrival.source(), reading.body()).orElse(null);
        }
        return adapters.dataSubjectOf(arrival.source(), arrival.call().body()).orElse(null);
    }
}
