package io.progressledger.events.trail;

/**
 * Identity of the {@code Trail} aggregate: one learner (institution + user) on one trail. Its string form,
 * {@code institutionId:userId:trailId}, is the aggregate identifier in the event store.
 */
public record LearnerTrailId(long institutionId, long userId, long trailId) {

    public String asString() {
        return institutionId + ":" + userId + ":" + trailId;
    }

    public static LearnerTrailId parse(String aggregateId) {
        String[] parts = aggregateId.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a learner trail id: " + aggregateId);
        }
        return new LearnerTrailId(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }

    @Override
    public String toString() {
        return asString();
    }
}
