package io.progressledger.command.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A call as the ledger first sees it, before reading it: the id it gives the delivery, when it arrived, and, for a
 * re-processing an operator asked for, which delivery it re-processes and who asked.
 *
 * @param preAuthenticated a re-processing of a call that was authenticated when it arrived: credentials, size and
 *                         encoding are not checked again
 */
record Arrival(String deliveryId, String source, Instant receivedAt, long startedNanos, IncomingCall call,
               boolean preAuthenticated, String retryOf, String requestedBy) {

    static Arrival of(IncomingCall call, Clock clock) {
        return new Arrival(UUID.randomUUID().toString(), call.source(), now(clock), System.nanoTime(), call, false,
                null, null);
    }

    static Arrival reprocessing(IncomingCall call, String retryOf, String requestedBy, Clock clock) {
        return new Arrival(UUID.randomUUID().toString(), call.source(), now(clock), System.nanoTime(), call, true,
                retryOf, requestedBy);
    }

    /** Microseconds: what the databases keep, so the event and the delivery log hold the very same instant. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    Receipt receipt() {
        return new Receipt(deliveryId, source, receivedAt);
    }

    long elapsedMicros() {
        return (System.nanoTime() - startedNanos) / 1_000;
    }
}
