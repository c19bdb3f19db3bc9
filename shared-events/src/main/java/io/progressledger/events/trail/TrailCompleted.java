package io.progressledger.events.trail;

import io.progressledger.events.Provenance;
import io.progressledger.events.personal.CarriesPersonalData;
import io.progressledger.events.personal.PersonalData;
import io.progressledger.events.personal.PersonalValue;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A learner finished every activity of a trail. A learner may complete the same trail again later; each completion
 * is numbered (1, 2, ...) in the order the ledger recorded them.
 * <p>
 * Revision 3: {@code userName} and {@code userEmail} are typed values ({@link PersonalValue}), sealed with the
 * learner's key. Revision 2 held them as strings, sealed ones prefixed {@code sealed:v1:}, which a sender's value
 * could imitate; {@link TrailCompletedRevision2Upcaster} reads it as typed values. Revision 1 held them in plain text,
 * {@link TrailCompletedRevision1Upcaster} reads it unchanged.
 */
@Revision("3")
public record TrailCompleted(
        long institutionId,
        long userId,
        PersonalValue userName,
        PersonalValue userEmail,
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

    private static PersonalValue map(PersonalFieldMapper mapper, String field, PersonalValue value) {
        return value == null ? null : mapper.map(field, value);
    }
}
