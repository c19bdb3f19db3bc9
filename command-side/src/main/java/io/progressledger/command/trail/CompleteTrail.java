package io.progressledger.command.trail;

import io.progressledger.events.AggregateType;
import io.progressledger.events.Provenance;
import io.progressledger.events.personal.CarriesPersonalData;
import io.progressledger.events.personal.PersonalData;
import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Record that a learner finished a trail at {@code finishedAt}, with the trail's courses at that moment. The name
 * and email arrive sealed (the ingestion seals every plain value before dispatch); the aggregate never reads them.
 */
public record CompleteTrail(
        LearnerTrailId learnerTrail,
        PersonalValue userName,
        PersonalValue userEmail,
        String trailName,
        Instant finishedAt,
        List<Course> courses,
        Provenance provenance) implements CarriesPersonalData<CompleteTrail> {

    public CompleteTrail {
        courses = List.copyOf(courses);
    }

    @Override
    public String dataSubject() {
        return PersonalData.learner(learnerTrail.institutionId(), learnerTrail.userId());
    }

    @Override
    public CompleteTrail withPersonalData(PersonalFieldMapper mapper) {
        return new CompleteTrail(learnerTrail, userName == null ? null : mapper.map("userName", userName),
                userEmail == null ? null : mapper.map("userEmail", userEmail), trailName, finishedAt, courses,
                provenance);
    }

    /** The learner's trail aggregate, in the trails' own id space. */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateType.trail(learnerTrail);
    }
}
