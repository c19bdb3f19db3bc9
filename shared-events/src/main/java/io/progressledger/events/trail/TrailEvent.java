package io.progressledger.events.trail;

import io.progressledger.events.Provenance;

/** Every fact recorded on one learner's progress on one trail (the {@code Trail} aggregate). */
public sealed interface TrailEvent permits TrailCompleted {

    long institutionId();

    long userId();

    long trailId();

    Provenance provenance();

    default LearnerTrailId learnerTrailId() {
        return new LearnerTrailId(institutionId(), userId(), trailId());
    }
}
