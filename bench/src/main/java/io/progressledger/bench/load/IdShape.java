package io.progressledger.bench.load;

import io.progressledger.events.AggregateType;

import java.util.Optional;

/**
 * How the build under test names its aggregates in the event store. Today's builds give each aggregate type its own
 * id space ({@code talent:<Phoenix talent id>}, {@code trail:<institution>:<user>:<trail>}); builds from before
 * (issue 13 item 4) stored the raw ids (the talent id as Phoenix sent it, the trail's {@code i:u:t}). A before/after
 * run measures both, so the harness learns the shape from what the build actually wrote ({@link #of}), never from
 * its version.
 */
public enum IdShape {

    /** {@code talent:<id>}, {@code trail:<i:u:t>}. */
    NAMESPACED,
    /** The ids as the senders name them: {@code <id>}, {@code <i:u:t>}. */
    RAW;

    public String talent(String talentId) {
        return this == NAMESPACED ? AggregateType.talent(talentId) : talentId;
    }

    public String trail(String learnerTrailId) {
        return this == NAMESPACED ? AggregateType.TRAIL.of(learnerTrailId) : learnerTrailId;
    }

    /**
     * The shape under which the build named {@code fact}'s aggregate {@code aggregateId}; empty when the id is the
     * fact's aggregate in no known shape (then the answer or the row is simply not the fact's).
     */
    public static Optional<IdShape> of(Fact fact, Catalog catalog, String aggregateId) {
        if (aggregateId == null) {
            return Optional.empty();
        }
        for (IdShape shape : values()) {
            if (fact.aggregateId(catalog, shape).equals(aggregateId)) {
                return Optional.of(shape);
            }
        }
        return Optional.empty();
    }
}
