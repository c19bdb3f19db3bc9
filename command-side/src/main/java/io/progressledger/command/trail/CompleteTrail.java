package io.progressledger.command.trail;

import io.progressledger.events.Provenance;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Record that a learner finished a trail at {@code finishedAt}, with the trail's courses at that moment. */
public record CompleteTrail(
        LearnerTrailId learnerTrail,
        String userName,
        String userEmail,
        String trailName,
        Instant finishedAt,
        List<Course> courses,
        Provenance provenance) {

    public CompleteTrail {
        courses = List.copyOf(courses);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return learnerTrail.asString();
    }
}
