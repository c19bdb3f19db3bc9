package io.progressledger.bench.load;

/** One new fact a delivery carries and the ledger records as exactly one event. */
public sealed interface Fact permits TalentStep, TrailStep {

    /** The aggregate that records it, as a build whose ids have {@code shape} names it in the event store. */
    String aggregateId(Catalog catalog, IdShape shape);

    /** Its sequence number in that aggregate: how many events the aggregate had before it. */
    long sequenceNumber();

    /** The event type's simple name, as the webhook answer names it. */
    String eventType();
}
