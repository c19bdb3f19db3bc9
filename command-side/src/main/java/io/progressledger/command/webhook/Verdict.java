package io.progressledger.command.webhook;

import io.progressledger.command.delivery.Outcome;
import io.progressledger.command.eventstore.RecordedEvent;

import java.util.List;

/** How a call ends: the outcome the delivery log records and what its sender is answered. */
sealed interface Verdict {

    Outcome outcome();

    int status();

    /** The bounded label metrics count the call under (no ids, no personal data). */
    String reason();

    /**
     * A fact recorded, or nothing new (200).
     *
     * @param duplicateOf the delivery that first claimed the same idempotency key, for a repeat
     * @param explanation why nothing new was recorded, when that is the case
     */
    record Settled(Outcome outcome, List<RecordedEvent> events, String duplicateOf, String explanation,
                   String reason) implements Verdict {

        static Settled accepted(List<RecordedEvent> events) {
            return new Settled(Outcome.ACCEPTED, List.copyOf(events), null, null, "recorded");
        }

        static Settled repeatOf(String original, List<RecordedEvent> events) {
            return new Settled(Outcome.DUPLICATE, List.copyOf(events), original,
                    "a delivery with the same idempotency key was accepted before", "repeat");
        }

        static Settled known() {
            return new Settled(Outcome.DUPLICATE, List.of(), null, "this fact is already recorded", "known");
        }

        static Settled stale() {
            return new Settled(Outcome.DUPLICATE, List.of(), null,
                    "stale: a newer status of this block is already recorded", "stale");
        }

        @Override
        public int status() {
            return 200;
        }
    }

    /** Authenticated and well-formed, but not a fact to record: a ping (200), an event type not recorded (202). */
    record Ignored(int status, String explanation, String reason) implements Verdict {

        static Ignored ping() {
            return new Ignored(200, "ping acknowledged", "ping");
        }

        static Ignored unsupported(String eventType) {
            return new Ignored(202, "event type '" + eventType + "' is not recorded by this version; the delivery is "
                    + "kept for re-processing", "unsupported");
        }

        @Override
        public Outcome outcome() {
            return Outcome.IGNORED;
        }
    }

    /** Refused: the sender must change something before sending again. */
    record Refused(WebhookProblem problem, String detail, List<FieldError> errors) implements Verdict {

        public Refused {
            errors = List.copyOf(errors);
        }

        public Refused(WebhookProblem problem, String detail) {
            this(problem, detail, List.of());
        }

        @Override
        public Outcome outcome() {
            return Outcome.REJECTED;
        }

        @Override
        public int status() {
            return problem.status().value();
        }

        @Override
        public String reason() {
            return problem.slug();
        }
    }

    /**
     * Not processed and not recorded in the delivery log, to spare the ledger: a client over its limit of refused
     * calls (429), or more deliveries than the ledger takes at once (503). The sender may retry after
     * {@code retryAfterSeconds}.
     */
    record Shed(Outcome outcome, WebhookProblem problem, String detail, long retryAfterSeconds) implements Verdict {

        static Shed rateLimited(long retryAfterSeconds) {
            return new Shed(Outcome.REJECTED, WebhookProblem.RATE_LIMITED, "too many calls from this client were "
                    + "refused before authentication; fix its credentials, then retry after " + retryAfterSeconds
                    + " s", retryAfterSeconds);
        }

        static Shed overloaded(long retryAfterSeconds) {
            return new Shed(Outcome.FAILED, WebhookProblem.OVERLOADED, "the ledger is taking more deliveries than it "
                    + "can at once; nothing was recorded, retry after " + retryAfterSeconds + " s", retryAfterSeconds);
        }

        @Override
        public int status() {
            return problem.status().value();
        }

        @Override
        public String reason() {
            return problem.slug();
        }
    }

    /**
     * Not processed, through no fault of the sender, who should retry: the store does not answer (503), or an
     * error of ours (500).
     */
    record Failed(boolean storeUnavailable) implements Verdict {

        @Override
        public Outcome outcome() {
            return Outcome.FAILED;
        }

        @Override
        public int status() {
            return storeUnavailable ? 503 : 500;
        }

        @Override
        public String reason() {
            return storeUnavailable ? "store-unavailable" : "internal";
        }
    }
}
