package io.progressledger.events;

import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.talent.TalentEvent;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailEvent;

import java.util.Optional;

/**
 * Each aggregate type has its own id space: an aggregate identifier is its type's prefix, a colon, then the type's
 * own id ({@code talent:<Phoenix talent id>}, {@code trail:<institution>:<user>:<trail>},
 * {@code learner:<institution>:<user>}). The prefix comes first and is the ledger's, so no sender's free-form id can
 * name another type's aggregate: a talent whose id is {@code learner:950:951} is {@code talent:learner:950:951}.
 * <p>
 * Events stored before ids were namespaced keep the ids they were stored under ({@link #legacyIdOf}): a talent's raw
 * id, a trail's {@code i:u:t}; a learner's id was already prefixed. Those ids could collide across types, so a reader
 * of an aggregate reads its legacy id too, keeping only the events whose payload names that very aggregate
 * ({@link #idOf}): the store is not rewritten.
 */
public enum AggregateType {

    TALENT("Talent", "talent:"),
    TRAIL("Trail", "trail:"),
    LEARNER("Learner", "learner:");

    private final String storedName;
    private final String prefix;

    AggregateType(String storedName, String prefix) {
        this.storedName = storedName;
        this.prefix = prefix;
    }

    /** The aggregate type the store records with each event ({@code DomainEventEntry.type}). */
    public String storedName() {
        return storedName;
    }

    /** The aggregate identifier of the type's own id. */
    public String of(String ownId) {
        return prefix + ownId;
    }

    public static String talent(String talentId) {
        return TALENT.of(talentId);
    }

    public static String trail(LearnerTrailId learnerTrail) {
        return TRAIL.of(learnerTrail.asString());
    }

    public static String learner(long institutionId, long userId) {
        return LEARNER.of(institutionId + ":" + userId);
    }

    /** The aggregate an event belongs to, by what its payload names; null for a payload of no aggregate here. */
    public static String idOf(Object payload) {
        if (payload instanceof TalentEvent event) {
            return talent(event.talentId());
        }
        if (payload instanceof TrailEvent event) {
            return trail(event.learnerTrailId());
        }
        if (payload instanceof LearnerDataErased event) {
            return learner(event.institutionId(), event.userId());
        }
        return null;
    }

    /** The type an aggregate identifier belongs to, by its prefix; empty for an id of no namespaced type. */
    public static Optional<AggregateType> typeOf(String aggregateId) {
        for (AggregateType type : values()) {
            if (aggregateId.startsWith(type.prefix)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The id the same aggregate's events were stored under before ids were namespaced (possibly the same id). */
    public String legacyIdOf(String aggregateId) {
        if (!aggregateId.startsWith(prefix)) {
            throw new IllegalArgumentException("not an id of a " + storedName);
        }
        return this == LEARNER ? aggregateId : aggregateId.substring(prefix.length());
    }
}
