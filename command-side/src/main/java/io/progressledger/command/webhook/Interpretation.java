package io.progressledger.command.webhook;

import java.util.List;

/** What a sender adapter made of an authenticated, well-formed delivery. */
public sealed interface Interpretation {

    /** The sender's name for the event (Phoenix {@code eventName}, Toolzz {@code slug}), when it has one. */
    String eventType();

    /**
     * A fact to record: one command for one aggregate.
     *
     * @param idempotencyKey the sender's identity of the event; a repeat of the same key is answered as a duplicate
     */
    record Command(String eventType, Object command, String aggregateId, String senderEventId,
                   String idempotencyKey) implements Interpretation {
    }

    /** A sender's check that the endpoint is alive. */
    record Ping(String eventType) implements Interpretation {
    }

    /** An event the ledger does not record (yet); kept in the delivery log for a later re-processing. */
    record Unsupported(String eventType, String senderEventId) implements Interpretation {
    }

    /** Well-formed JSON that breaks the event's contract. */
    record Invalid(String eventType, WebhookProblem problem, String detail, List<FieldError> errors)
            implements Interpretation {

        /** The most errors an answer lists: a body of many faulty items must not make an answer (or a log entry) huge. */
        public static final int MAX_ERRORS = 100;

        public Invalid {
            errors = List.copyOf(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }

        /** Fields that break the event's contract. */
        public static Invalid fields(String eventType, List<FieldError> errors) {
            FieldError first = errors.get(0);
            String where = first.pointer().isEmpty() ? "the body" : first.pointer();
            String more = errors.size() <= 1 ? ""
                    : errors.size() <= MAX_ERRORS ? " (and " + (errors.size() - 1) + " more, see errors)"
                    : " (and " + (errors.size() - 1) + " more; errors lists the first " + MAX_ERRORS + ")";
            return new Invalid(eventType, WebhookProblem.INVALID_PAYLOAD, where + " " + first.message() + more, errors);
        }
    }
}
