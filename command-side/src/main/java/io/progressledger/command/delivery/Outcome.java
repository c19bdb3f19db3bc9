package io.progressledger.command.delivery;

/** How a webhook call ended, as the delivery log records it. */
public enum Outcome {
    /** New facts were recorded. */
    ACCEPTED,
    /** Nothing new: a repeat of an earlier delivery, or a fact already recorded (or superseded). */
    DUPLICATE,
    /** Authenticated and well-formed, but of an event type the ledger does not record (yet), or a ping. */
    IGNORED,
    /** Refused: the sender must fix something before sending again. */
    REJECTED,
    /** Could not be processed now (the event store was unreachable, or the node overloaded); the sender should retry. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
