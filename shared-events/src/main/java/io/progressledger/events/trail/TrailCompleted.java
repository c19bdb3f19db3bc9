package io.progressledger.events.trail;

import io.progressledger.events.Provenance;
import io.progressledger.events.personal.CarriesPersonalData;
import io.progressledger.events.personal.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A learner finished every activity of a trail. A learner may complete the same trail again later; each completion
 * is numbered (1, 2, ...) in the order the ledger recorded them.
 * <p>
 * Revision 2: {@code userName} and {@code userEmail} are sealed with the learner's key ({@link PersonalData}).
 * Revision 1 held them in plain text; {@link TrailCompletedRevision1Upcaster} reads it unchanged.
 */
@Revision("2")
public record TrailCompleted(
        long institutionId,
        long userId,
        String userName,
        String userEmail,
        long trailId,
        String trailName,
        Instant finishedAt,
        int completionNumber,
        List<Course> courses,
        Provenance provenance) implements TrailEvent, CarriesPersonalData<TrailCompleted> {

    public TrailCompleted {
        courses = List.copyOf(courses);
    }

    @Override
    public String dataSubject() {
        return PersonalData.learner(institutionId, userId);
    }

    @Override
    public TrailCompleted withPersonalData(PersonalFieldMapper mapper) {
        return new TrailCompleted(institutionId, userId, map(mapper, "userName", userName),
                map(mapper, "userEmail", userEmail), trailId, trailName, finishedAt, completionNumber, courses,
                provenance);
    }

    private static String map(PersonalFieldMapper mapper, String field, String value) {
        return value == null ? null : mapper.map(field, value);
    }
}
