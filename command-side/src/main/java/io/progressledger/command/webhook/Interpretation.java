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

        public Invalid {
            errors = List.copyOf(errors);
        }

        /** Fields that break the event's schema. */
        public static Invalid fields(String eventType, List<FieldError> errors) {
            FieldError first = errors.get(0);
            String where = first.pointer().isEmpty() ? "the body" : first.pointer();
            String detail = where + " " + first.message()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more, see errors)" : "");
            return new Invalid(eventType, WebhookProblem.INVALID_PAYLOAD, detail, errors);
        }
    }
}
