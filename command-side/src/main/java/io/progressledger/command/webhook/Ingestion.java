package io.progressledger.command.webhook;

import io.progressledger.command.ExceptionTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Receiving a webhook call: the one way into the ledger. A call is read ({@link Reader}: the {@link Gate} checks
 * size, encoding, credentials, media type and JSON, then its sender's adapter interprets it), a command is applied
 * with its idempotency key ({@link ApplyingCommands}), and every call, refused ones included, is in the delivery log
 * ({@link DeliveryRecorder}) before it is answered ({@link Answers}).
 */
@Service
public class Ingestion {

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

    private final Reader reader;
    private final SenderAdapters adapters;
    private final ApplyingCommands applying;
    private final DeliveryRecorder recorder;
    private final TransactionTemplate transaction;
    private final RefusedCallLimiter refusedCalls;
    private final Answers answers;
    private final Admission admission;
    private final Duration maxWait;
    private final long retryAfterSeconds;
    private final Clock clock;

    Ingestion(Reader reader, SenderAdapters adapters, ApplyingCommands applying, DeliveryRecorder recorder,
              TransactionTemplate transaction, RefusedCallLimiter refusedCalls, IngestionProperties properties,
              Admission admission, Clock clock) {
        this.reader = reader;
        this.adapters = adapters;
        this.applying = applying;
        this.recorder = recorder;
        this.transaction = transaction;
        this.refusedCalls = refusedCalls;
        this.answers = new Answers(properties.retryAfter());
        this.admission = admission;
        this.maxWait = properties.maxWait();
        this.retryAfterSeconds = properties.retryAfter().toSeconds();
        this.clock = clock;
    }

    public boolean knows(String source) {
        return adapters.knows(source);
    }

    public Answer receive(IncomingCall call) {
        return settle(Arrival.of(call, clock));
    }

    /**
     * A call whose body was not received within the request's deadline: refused before authentication (408), and
     * recorded as such, metadata only, under the same limit per client address as every such refusal.
     *
     * @param call the call with the part of its body that arrived
     */
    public Answer refuseTimedOut(IncomingCall call, String detail) {
        Arrival arrival = Arrival.of(call, clock);
        Turn turn = Turn.of(arrival, maxWait);
        Settlement settlement;
        try {
            settlement = refusedBeforeAuthentication(arrival, turn, Reading.UNAUTHENTICATED,
                    new Verdict.Refused(WebhookProblem.REQUEST_TIMEOUT, detail));
        } catch (RuntimeException failure) {
            settlement = failed(arrival, turn, Reading.UNAUTHENTICATED, failure);
        }
        recorder.observe(arrival, settlement.verdict());
        return answers.of(arrival.deliveryId(), settlement.verdict());
    }

    /**
     * A call refused before its body was read, because as many bodies are arriving as a node reads at once: 503
     * overloaded with Retry-After, nothing recorded (as every call shed), counted under {@code waited-for=body}.
     */
    public Answer shedBeforeReading(IncomingCall call) {
        Arrival arrival = Arrival.of(call, clock);
        Settlement settlement = overloaded(arrival, "body");
        recorder.observe(arrival, settlement.verdict());
        return answers.of(arrival.deliveryId(), settlement.verdict());
    }

    /** Takes a call through the pipeline, records it, and answers it. */
    Answer settle(Arrival arrival) {
        Turn turn = Turn.of(arrival, maxWait);
        Settlement settlement;
        try {
            settlement = process(arrival, turn);
        } catch (RuntimeException failure) {
            settlement = failed(arrival, turn,
                    arrival.preAuthenticated() ? Reading.AUTHENTICATED : Reading.UNAUTHENTICATED, failure);
        }
        recorder.observe(arrival, settlement.verdict());
        return answers.of(arrival.deliveryId(), settlement.verdict());
    }

    private Settlement process(Arrival arrival, Turn turn) {
        Reader.Read read = reader.read(arrival);
        if (read instanceof Reader.Answered answered) {
            return answered.reading().authenticated()
                    ? writeAlone(arrival, turn, answered.reading(), answered.verdict())
                    : refusedBeforeAuthentication(arrival, turn, answered.reading(), answered.verdict());
        }
        if (read instanceof Reader.Broken broken) {
            return failed(arrival, turn, broken.reading(), broken.failure());
        }
        Reader.ToApply toApply = (Reader.ToApply) read;
        try {
            Settlement applied = applying.apply(arrival, turn, toApply.reading(), toApply.command());
            return applied.written() ? applied : writeAlone(arrival, turn, applied.reading(), applied.verdict());
        } catch (RuntimeException failure) {
            return failed(arrival, turn, toApply.reading(), failure);
        }
    }

    /** Recorded as metadata only, unless its client address is over its limit of such refusals: then 429. */
    private Settlement refusedBeforeAuthentication(Arrival arrival, Turn turn, Reading reading, Verdict verdict) {
        if (refusedCalls.refused(arrival.call().clientAddress()) instanceof RefusedCallLimiter.Limited limited) {
            if (limited.firstOfAddress()) {
                log.warn("calls from {} refused before authentication are over the limit: answered 429, not "
                        + "recorded, until {} s have passed", arrival.call().clientAddress(),
                        limited.retryAfterSeconds());
            }
            return new Settlement(reading, Verdict.Shed.rateLimited(limited.retryAfterSeconds()), true);
        }
        return writeAlone(arrival, turn, reading, verdict);
    }

    /** Writes the delivery-log entry of a call that recorded no fact, in a transaction of its own. */
    private Settlement writeAlone(Arrival arrival, Turn turn, Reading reading, Verdict verdict) {
        admission.working(turn, () -> transaction.execute(status -> {
            recorder.write(arrival, reading, verdict);
            return null;
        }));
        return new Settlement(reading, verdict, true);
    }

    /**
     * The call could not be processed. An unreachable store is the sender's cue to retry (503 and Retry-After; the
     * delivery log, in the same database, cannot keep the call, so the application log does); anything else is our
     * fault (500, kept in the delivery log). Either way the answer names the delivery and holds no internals.
     */
    private Settlement failed(Arrival arrival, Turn turn, Reading reading, RuntimeException failure) {
        if (failure instanceof Overloaded overloaded) {
            return overloaded(arrival, overloaded.waitedFor());
        }
        if (StoreFailures.isPoolExhausted(failure)) {
            return overloaded(arrival, "connection");
        }
        if (StoreFailures.isUnavailable(failure)) {
            return new Settlement(reading, new Verdict.Failed(true), false);
        }
        // Exception messages may quote the values of a row, personal data included: only types are logged.
        log.error("delivery {} source={} failed: {}", arrival.deliveryId(), arrival.source(),
                ExceptionTypes.chain(failure));
        Verdict.Failed verdict = new Verdict.Failed(false);
        try {
            return writeAlone(arrival, turn, reading, verdict);
        } catch (RuntimeException alsoFailed) {
            log.warn("delivery {} could not be written to the delivery log either ({})", arrival.deliveryId(),
                    alsoFailed.getClass().getSimpleName());
            return new Settlement(reading, verdict, false);
        }
    }

    /**
     * Too much at once: the delivery waited its whole turn for {@code waitedFor}. Nothing was recorded, not even in
     * the delivery log (writing it would need the very resources that ran out); counted, logged now and then.
     */
    private Settlement overloaded(Arrival arrival, String waitedFor) {
        admission.shed(arrival.source(), waitedFor);
        return new Settlement(Reading.UNAUTHENTICATED, Verdict.Shed.overloaded(retryAfterSeconds), true);
    }
}
