package io.progressledger.bench.load;

import java.time.LocalDateTime;

/** A learner's {@code completion}-th completion (1-based) of the trail in one of its slots. */
public record TrailStep(int learner, int slot, int completion) implements Fact {

    public long institutionId(Catalog catalog) {
        return catalog.institutionId(learner);
    }

    public long userId(Catalog catalog) {
        return catalog.toolzzUserId(learner);
    }

    public long trailId(Catalog catalog) {
        return catalog.trailId(learner, slot);
    }

    public LocalDateTime finishedAt(Catalog catalog) {
        return catalog.finishedAt(learner, slot, completion);
    }

    /** The ledger's natural key of a completion, its provenance's sender event id. */
    public String naturalKey(Catalog catalog) {
        return learnerTrailId(catalog) + "@" + Catalog.toolzzTime(finishedAt(catalog));
    }

    @Override
    public String aggregateId(Catalog catalog, IdShape shape) {
        return shape.trail(learnerTrailId(catalog));
    }

    /** The learner's trail as the ledger names it ({@code institution:user:trail}). */
    private String learnerTrailId(Catalog catalog) {
        return institutionId(catalog) + ":" + userId(catalog) + ":" + trailId(catalog);
    }

    @Override
    public long sequenceNumber() {
        return completion - 1L;
    }

    @Override
    public String eventType() {
        return "TrailCompleted";
    }
}
