package io.progressledger.query.trail;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.progressledger.events.personal.CarriesPersonalData;
import io.progressledger.events.personal.PersonalData;
import io.progressledger.events.personal.PersonalValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.progressledger.events.trail.Course;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A learner's completion of a trail as dashboards see it. The name and email are held as stored (sealed) and
 * revealed as plain text where the answer is written ({@code RevealPersonalData}): {@code "[erased]"} once the
 * learner's data was erased, {@code "[unreadable]"} when the stored value does not open.
 *
 * @param completionNumber 1 for the learner's first completion of this trail, 2 for the second, ...
 * @param completionCount  on a learner's list of trails: how many times the learner completed this one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrailCompletion(
        long institutionId,
        long userId,
        @Schema(implementation = String.class) @Nullable PersonalValue userName,
        @Schema(implementation = String.class) @Nullable PersonalValue userEmail,
        long trailId,
        String trailName,
        Instant finishedAt,
        int completionNumber,
        List<Course> courses,
        @Nullable Integer completionCount) implements CarriesPersonalData<TrailCompletion> {

    @Override
    public String dataSubject() {
        return PersonalData.learner(institutionId, userId);
    }

    @Override
    public TrailCompletion withPersonalData(PersonalFieldMapper mapper) {
        return new TrailCompletion(institutionId, userId, userName == null ? null : mapper.map("userName", userName),
                userEmail == null ? null : mapper.map("userEmail", userEmail), trailId, trailName, finishedAt,
                completionNumber, courses, completionCount);
    }
}
